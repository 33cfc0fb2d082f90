package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The {@code agentcore.engine} setting: which server plain HTTP agents run on. */
class ServerEngineTest {

    private static UnaryOperator<String> of(Map<String, String> values) {
        return values::get;
    }

    @Test
    void theJdkServerUnlessJettyIsChosen() {
        assertFalse(ServerEngine.jettyChosen(of(Map.of()), of(Map.of())));
        assertFalse(ServerEngine.jettyChosen(of(Map.of(ServerEngine.ENGINE_PROPERTY, "jdk")), of(Map.of())));
        assertTrue(ServerEngine.jettyChosen(of(Map.of(ServerEngine.ENGINE_PROPERTY, " Jetty ")), of(Map.of())));
        assertTrue(ServerEngine.jettyChosen(of(Map.of()), of(Map.of(ServerEngine.ENGINE_VARIABLE, "jetty"))));
        // The property wins over the environment, as for every setting of the library.
        assertFalse(ServerEngine.jettyChosen(of(Map.of(ServerEngine.ENGINE_PROPERTY, "jdk")),
                of(Map.of(ServerEngine.ENGINE_VARIABLE, "jetty"))));
    }

    @Test
    void anotherValueIsRefusedNamingTheSetting() {
        IllegalArgumentException fromProperty = assertThrows(IllegalArgumentException.class, () ->
                ServerEngine.jettyChosen(of(Map.of(ServerEngine.ENGINE_PROPERTY, "netty")), of(Map.of())));
        assertEquals("-Dagentcore.engine is 'netty': it must be jdk or jetty; remove it to use the JDK's HTTP server",
                fromProperty.getMessage());
        IllegalArgumentException fromEnvironment = assertThrows(IllegalArgumentException.class, () ->
                ServerEngine.jettyChosen(of(Map.of()), of(Map.of(ServerEngine.ENGINE_VARIABLE, "undertow"))));
        assertTrue(fromEnvironment.getMessage().startsWith("the environment variable AGENTCORE_ENGINE is 'undertow'"),
                fromEnvironment.getMessage());
    }

    @Test
    void aCallerThatClosesItsConnectionIsToldSoOnBothEngines() throws Exception {
        for (String engine : new String[] {"jdk", "jetty"}) {
            System.setProperty(ServerEngine.ENGINE_PROPERTY, engine);
            try (RunningAgent agent = new RunningAgent(AgentCoreApp.create().entrypoint(Map.class, payload -> "ok"));
                    Socket socket = agent.raw("POST /invocations HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                            + "Content-Length: 2\r\n\r\n", "{}".getBytes(StandardCharsets.US_ASCII))) {
                String head = RunningAgent.readHead(socket.getInputStream()).toLowerCase(Locale.ROOT);
                assertTrue(head.startsWith("http/1.1 200"), engine + ": " + head);
                // Without it, a keep-alive client reuses the connection the server closes (warmup's did).
                assertTrue(head.contains("\r\nconnection: close\r\n"), engine + ": " + head);
            } finally {
                System.clearProperty(ServerEngine.ENGINE_PROPERTY);
            }
        }
    }

    @Test
    void aPlainAgentRunsOnJettyWhenChosen() throws Exception {
        System.setProperty(ServerEngine.ENGINE_PROPERTY, "jetty");
        try (RunningAgent agent = new RunningAgent(AgentCoreApp.create()
                .entrypoint(Map.class, payload -> Map.of("echo", payload.get("prompt"))))) {
            HttpResponse<String> answer = agent.invoke("{\"prompt\":\"hi\"}");
            assertEquals(200, answer.statusCode());
            assertEquals("{\"echo\":\"hi\"}", answer.body());
            assertEquals("13", answer.headers().firstValue("Content-Length").orElse(null));
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(thread -> thread.getName().startsWith("agentcore-jetty")), "Jetty's threads run");
        } finally {
            System.clearProperty(ServerEngine.ENGINE_PROPERTY);
        }
    }
}
