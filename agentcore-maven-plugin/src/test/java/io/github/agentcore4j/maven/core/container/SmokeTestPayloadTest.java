package io.github.agentcore4j.maven.core.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.config.Protocol;
import org.junit.jupiter.api.Test;

/** What the smoke test sends to the image, per protocol. */
class SmokeTestPayloadTest {

    @Test
    void aHelloPromptForHttpAToolsListForMcpAndTheConfiguredBodyAsItIs() {
        assertEquals("{\"prompt\":\"Hello\"}", SmokeTest.payload(Protocol.HTTP, null));
        assertTrue(SmokeTest.payload(Protocol.MCP, null).contains("\"method\":\"tools/list\""));
        assertTrue(SmokeTest.payload(Protocol.A2A, null).contains("\"method\":\"message/send\""));
        assertEquals("{\"ping\":1}", SmokeTest.payload(Protocol.HTTP, "{\"ping\":1}"));
    }
}
