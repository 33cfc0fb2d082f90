package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serving port and paths as AgentCore's protocol configuration and run-local set them. */
class ServingSettingsTest {

    @Test
    void agentcorePortBeatsTheProtocolsOwnVariableAndTheSystemPropertyBeatsBoth() {
        Map<String, String> environment = Map.of("AGENTCORE_PORT", "8181", "PORT", "9999");
        assertEquals(8181, AgentCoreApp.defaultPort("PORT", environment::get, InvocationEndpoint.PORT));
        assertEquals(8181, AgentCoreApp.defaultPort(null, environment::get, McpEndpoint.PORT));
        assertEquals(9999, AgentCoreApp.defaultPort("PORT", Map.of("PORT", "9999")::get, InvocationEndpoint.PORT));
        assertEquals(9000, AgentCoreApp.defaultPort("A2A_PORT", Map.<String, String>of()::get, 9000));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> AgentCoreApp.defaultPort("PORT", Map.of("AGENTCORE_PORT", "http")::get, 8080));
        assertEquals("the AGENTCORE_PORT environment variable is 'http'; it must be a port number 0..65535",
                invalid.getMessage());
    }

    @Test
    void pathsComeFromTheSystemPropertyThenTheEnvironmentThenTheDefault() {
        Map<String, String> environment = Map.of(AgentCoreApp.INVOCATION_PATH_VARIABLE, "/from-env");
        String property = AgentCoreApp.INVOCATION_PATH_PROPERTY;
        String variable = AgentCoreApp.INVOCATION_PATH_VARIABLE;
        assertEquals("/from-env", AgentCoreApp.setting(property, variable, environment::get, "/invocations"));
        assertEquals("/invocations", AgentCoreApp.setting(property, variable, Map.<String, String>of()::get,
                "/invocations"));
        System.setProperty(property, "/from-property");
        try {
            assertEquals("/from-property", AgentCoreApp.setting(property, variable, environment::get, "/x"));
            System.setProperty(property, "agent?x=1");
            IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                    () -> AgentCoreApp.setting(property, variable, environment::get, "/x"));
            assertEquals("-Dagentcore.invocationPath is 'agent?x=1'; it must be a path starting with /, without "
                    + "query or fragment, e.g. /invocations", invalid.getMessage());
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void servesInvocationsOnTheConfiguredPathOnly() throws Exception {
        System.setProperty(AgentCoreApp.INVOCATION_PATH_PROPERTY, "/agent/run");
        try (RunningAgent agent = new RunningAgent(AgentCoreApp.create().entrypoint(String.class, text -> text))) {
            assertEquals("\"hi\"", agent.send(HttpRequest.newBuilder(agent.uri("/agent/run"))
                    .POST(HttpRequest.BodyPublishers.ofString("hi")).build()).body());
            assertEquals(404, agent.invoke("hi").statusCode());
            assertEquals(200, agent.ping().statusCode());
        } finally {
            System.clearProperty(AgentCoreApp.INVOCATION_PATH_PROPERTY);
        }
    }

    @Test
    void theWarmupPathIsConfigurableAndMustNotTakeAnotherRoutesPath() throws Exception {
        System.setProperty(Warmup.PATH_PROPERTY, "/prepare");
        try (RunningAgent agent = new RunningAgent(AgentCoreApp.create().entrypoint(String.class, text -> text))) {
            assertEquals(200, agent.send(HttpRequest.newBuilder(agent.uri("/prepare"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
            assertEquals(404, agent.send(WarmupTest.warmup(agent)).statusCode());
        } finally {
            System.clearProperty(Warmup.PATH_PROPERTY);
        }
        AgentCoreApp clashing = AgentCoreApp.create().entrypoint(String.class, text -> text).invocationPath("/warmup")
                .host("127.0.0.1").port(0);
        IllegalStateException clash = assertThrows(IllegalStateException.class, clashing::start);
        assertEquals("The warmup path /warmup is also the path of POST /warmup; choose another with "
                + "-Dagentcore.warmupPath or AGENTCORE_WARMUP_PATH", clash.getMessage());
    }
}
