package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentCoreAppTest {

    private static int httpPort() {
        return AgentCoreApp.defaultPort("PORT", System::getenv, InvocationEndpoint.PORT);
    }

    @Test
    void takesThePortFromTheSystemPropertyAndNamesItWhenInvalid() {
        String before = System.getProperty(AgentCoreApp.PORT_PROPERTY);
        try {
            System.setProperty(AgentCoreApp.PORT_PROPERTY, "9123");
            assertEquals(9123, httpPort());
            System.setProperty(AgentCoreApp.PORT_PROPERTY, "eighty");
            IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, AgentCoreAppTest::httpPort);
            assertEquals("-Dagentcore.port is 'eighty'; it must be a port number 0..65535", invalid.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(AgentCoreApp.PORT_PROPERTY);
            } else {
                System.setProperty(AgentCoreApp.PORT_PROPERTY, before);
            }
        }
    }

    @Test
    void theJdkServerSendsWithoutNagleDelayAndKeepsIdleConnections() {
        AgentServer server = AgentCoreApp.create().host("127.0.0.1").port(0).start();
        try {
            // Set unless the application chose otherwise (this build does not).
            assertEquals("true", System.getProperty(JdkEngine.NO_DELAY_PROPERTY));
            assertEquals("4096", System.getProperty(JdkEngine.MAX_IDLE_CONNECTIONS_PROPERTY));
        } finally {
            server.stop();
        }
    }

    @Test
    void takesTheHostFromTheSystemProperty() {
        System.setProperty(AgentCoreApp.HOST_PROPERTY, "127.0.0.2");
        try {
            assertEquals("127.0.0.2", AgentCoreApp.defaultHost());
        } finally {
            System.clearProperty(AgentCoreApp.HOST_PROPERTY);
        }
    }

    @Test
    void aPortInUseIsReportedWithTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> AgentCoreApp.create().host("127.0.0.1").port(taken.getLocalPort()).start());
            assertTrue(error.getMessage().startsWith("Cannot listen on 127.0.0.1:" + taken.getLocalPort()));
            assertTrue(error.getMessage().contains("-Dagentcore.port=<port> or the AGENTCORE_PORT or PORT environment variable"));
        }
    }

    @Test
    void anAnnotatedAgentNeedsExactlyOneInstanceEntrypoint() {
        class None {
        }
        class Two {
            @Entrypoint
            Object a(Map<String, Object> payload) {
                return payload;
            }

            @Entrypoint
            Object b(Map<String, Object> payload) {
                return payload;
            }
        }
        class TwoPayloads {
            @Entrypoint
            Object a(Map<String, Object> payload, String other) {
                return payload;
            }
        }
        AgentCoreApp app = AgentCoreApp.create();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> app.entrypoint(new None())).getMessage()
                .endsWith("must have exactly one @Entrypoint method, found 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> app.entrypoint(new Two())).getMessage()
                .contains("found 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> app.entrypoint(new TwoPayloads())).getMessage()
                .contains("has two payload parameters"));
    }

    @Test
    void asyncTasksKeepTheAgentBusyUntilTheyEnd() throws Exception {
        AgentCoreApp app = AgentCoreApp.create();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

        java.util.concurrent.CompletableFuture<String> task = app.asyncTask("work", () -> {
            release.await();
            return "done";
        });
        assertEquals(PingStatus.HEALTHY_BUSY, app.pingStatus());
        assertEquals(1, app.asyncTaskInfo().get("active_count"));

        release.countDown();
        assertEquals("done", task.get(30, java.util.concurrent.TimeUnit.SECONDS));
        ConcurrencyAndShutdownTest.awaitTrue(() -> app.pingStatus() == PingStatus.HEALTHY,
                java.time.Duration.ofSeconds(30));
    }
}
