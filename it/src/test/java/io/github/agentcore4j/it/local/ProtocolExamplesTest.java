package io.github.agentcore4j.it.local;

import static io.github.agentcore4j.it.local.LocalAgents.assertPortFree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples for the other protocols in the developer's loop: run-local in one Maven, invoke from others. The
 * protocol set in each example's POM picks the route, and invoke speaks MCP JSON-RPC or A2A {@code message/send}.
 */
class ProtocolExamplesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void invokesTheMcpServerExampleWithToolCalls() throws Exception {
        FixtureProject project = FixtureProject.copyExample("mcp-server", "mcp-example");
        int port = FreePort.pick();
        Process runLocal = LocalAgents.runLocal(project, port, "mcp_server", "MCP");
        try {
            String call = project.maven("agentcore:invoke", "-Dagentcore.invoke.mcpTool=add",
                    "-Dagentcore.invoke.mcpArguments={\"a\":2,\"b\":3}", "-Dagentcore.invoke.outputFile=target/add.json")
                    .assertSuccess().log();
            assertTrue(call.contains("Invoking http://127.0.0.1:" + port + "/mcp"), call);
            JsonNode sum = json.readTree(project.file("target/add.json").toFile());
            assertEquals("2.0", sum.get("jsonrpc").asText());
            assertEquals("5", sum.at("/result/content/0/text").asText(), sum.toString());

            // With no MCP settings, invoke lists the tools.
            project.maven("agentcore:invoke", "-Dagentcore.invoke.outputFile=target/tools.json").assertSuccess();
            JsonNode tools = json.readTree(project.file("target/tools.json").toFile()).at("/result/tools");
            assertTrue(tools.findValuesAsText("name").containsAll(List.of("add", "divide", "slugify")),
                    tools.toString());
        } finally {
            LocalAgents.stopRunLocal(runLocal, project);
        }
        assertPortFree(port);
    }

    @Test
    void invokesTheA2aExampleWithAPromptAsMessageSend() throws Exception {
        FixtureProject project = FixtureProject.copyExample("a2a-agent", "a2a-example");
        int port = FreePort.pick();
        Process runLocal = LocalAgents.runLocal(project, port, "a2a_agent", "A2A");
        try {
            project.maven("agentcore:invoke", "-Dagentcore.invoke.prompt=The cat sat. The cat ran.",
                    "-Dagentcore.invoke.outputFile=target/answer.json").assertSuccess();

            JsonNode answer = json.readTree(project.file("target/answer.json").toFile());
            assertEquals("message", answer.at("/result/kind").asText(), answer.toString());
            assertTrue(answer.at("/result/parts/0/text").asText().startsWith("6 words, 2 sentences"),
                    answer.toString());
        } finally {
            LocalAgents.stopRunLocal(runLocal, project);
        }
        assertPortFree(port);
    }

    @Test
    void invokesTheAgUiExampleWithAPromptAsARunAgentInput() throws Exception {
        FixtureProject project = FixtureProject.copyExample("ag-ui-agent", "ag-ui-example");
        int port = FreePort.pick();
        Process runLocal = LocalAgents.runLocal(project, port, "ag_ui_agent", "AGUI");
        try {
            String log = project.maven("agentcore:invoke", "-Dagentcore.invoke.prompt=Read this wonderful sentence",
                    "-Dagentcore.invoke.outputFile=target/run.txt").assertSuccess().log();
            assertTrue(log.contains("Invoking http://127.0.0.1:" + port + "/invocations"), log);

            List<String> lines = java.nio.file.Files.readAllLines(project.file("target/run.txt"));
            assertTrue(lines.get(0).startsWith("[run ") && lines.get(0).endsWith(" started]"), lines.toString());
            assertEquals("assistant: Your text has 4 words; the longest is \"wonderful\".", lines.get(1));
            assertTrue(lines.get(2).startsWith("state {"), lines.toString());
            assertTrue(lines.get(3).endsWith(" finished]"), lines.toString());
        } finally {
            LocalAgents.stopRunLocal(runLocal, project);
        }
        assertPortFree(port);
    }
}
