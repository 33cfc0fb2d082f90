package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each protocol listens on the port AgentCore sends it to, unless told otherwise the way that protocol is. */
class ProtocolPortTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(AgentCoreApp.PORT_PROPERTY);
    }

    @Test
    void mcpServersListenOn8000UnlessThePropertySaysOtherwise() {
        // PORT is the HTTP agents' variable, not theirs.
        assertEquals(8000, mcpPort());
        System.setProperty(AgentCoreApp.PORT_PROPERTY, "8123");
        assertEquals(8123, mcpPort());
    }

    private static int mcpPort() {
        return AgentCoreApp.defaultPort(null, Map.of("PORT", "8080")::get, McpEndpoint.PORT);
    }

    private static int a2aPort(java.util.function.UnaryOperator<String> environment) {
        return AgentCoreApp.defaultPort("A2A_PORT", environment, A2aEndpoint.PORT);
    }

    @Test
    void a2aAgentsListenOn9000OrA2aPortButIgnorePort() {
        assertEquals(9000, a2aPort(Map.of("PORT", "8080")::get));
        assertEquals(9100, a2aPort(Map.of("PORT", "8080", "A2A_PORT", "9100")::get));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> a2aPort(Map.of("A2A_PORT", "nine")::get));
        assertEquals("the A2A_PORT environment variable is 'nine'; it must be a port number 0..65535",
                invalid.getMessage());
        System.setProperty(AgentCoreApp.PORT_PROPERTY, "9200");
        assertEquals(9200, a2aPort(Map.of("A2A_PORT", "9100")::get), "the property wins");
    }
}
