package io.github.agentcore4j.it.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.examples.a2a.TextAnalystAgent;
import io.github.agentcore4j.examples.agui.ReadingCoachAgent;
import io.github.agentcore4j.runtime.AgentServer;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example agents driven by protocol clients nobody here wrote: the official A2A JavaScript SDK 1.3.0 (with its
 * A2A 1.0 defaults, and with its v0.3 compatibility layer) and the official AG-UI client 1.0.0 ({@code HttpAgent}).
 * The scripts in {@code src/test/node} make the checks; this test runs them against the examples started here.
 * Skipped only where {@code node} is not installed.
 */
class OfficialClientsTest {

    private static NodeClients clients;

    @BeforeAll
    static void installClients() throws Exception {
        Optional<String> node = NodeClients.node();
        Assumptions.assumeTrue(node.isPresent(), "node is not installed: the official clients need it");
        clients = NodeClients.install(node.get());
    }

    @Test
    void theA2aSdkSpeaksA2a10WithTheA2aExample() throws Exception {
        AgentServer agent = TextAnalystAgent.create().host("127.0.0.1").port(0).start();
        try {
            String output = clients.script("a2a.mjs", "http://127.0.0.1:" + agent.port() + "/", "v1");
            assertTrue(output.contains("protocol 1.0\n"), output);
            assertTrue(output.contains("stream task artifactUpdate artifactUpdate artifactUpdate statusUpdate:3"),
                    output);
            assertTrue(output.contains("cancel refused: JsonRpcTaskNotCancelableError"), output);
            assertTrue(output.contains("headerless card 1.0\n"), output);
            assertTrue(output.endsWith("ok\n"), output);
        } finally {
            agent.stop();
        }
    }

    @Test
    void theA2aSdkV03LayerSpeaksA2a03WithTheA2aExample() throws Exception {
        AgentServer agent = TextAnalystAgent.create().host("127.0.0.1").port(0).start();
        try {
            String output = clients.script("a2a.mjs", "http://127.0.0.1:" + agent.port() + "/", "v0.3");
            assertTrue(output.contains("protocol 0.3\n"), output);
            assertTrue(output.contains("send 11 words, 3 sentences."), output);
            assertTrue(output.contains("\npoll "), output);
            assertTrue(output.endsWith("ok\n"), output);
        } finally {
            agent.stop();
        }
    }

    @Test
    void theAgUiHttpAgentRunsTheAgUiExample() throws Exception {
        AgentServer agent = ReadingCoachAgent.create().host("127.0.0.1").port(0).start();
        try {
            String output = clients.script("ag-ui.mjs", "http://127.0.0.1:" + agent.port() + "/invocations");
            assertTrue(output.contains("events RUN_STARTED TEXT_MESSAGE_START TEXT_MESSAGE_CONTENT"), output);
            assertTrue(output.contains("TEXT_MESSAGE_END TOOL_CALL_START TOOL_CALL_ARGS TOOL_CALL_END STATE_SNAPSHOT "
                    + "RUN_FINISHED\n"), output);
            assertTrue(output.contains("tool highlight {\"word\":\"wonderful\"}"), output);
            assertTrue(output.endsWith("ok\n"), output);
        } finally {
            agent.stop();
        }
    }
}
