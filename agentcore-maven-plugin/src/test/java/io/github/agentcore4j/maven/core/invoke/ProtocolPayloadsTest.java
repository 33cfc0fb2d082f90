package io.github.agentcore4j.maven.core.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.Protocol;
import io.github.agentcore4j.maven.core.invoke.ProtocolPayloads.McpCall;
import org.junit.jupiter.api.Test;

class ProtocolPayloadsTest {

    private static final McpCall NO_MCP = new McpCall(null, null, null);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void httpAgentsGetThePromptAsAPayload() {
        assertEquals("{\"prompt\":\"Hello\"}", ProtocolPayloads.body(Protocol.HTTP, null, "Hello", null, NO_MCP));
        assertEquals("{\"x\":1}", ProtocolPayloads.body(Protocol.HTTP, "{\"x\":1}", null, null, NO_MCP));
    }

    @Test
    void mcpServersGetJsonRpcForAMethodOrAToolCall() throws Exception {
        assertEquals(json.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"),
                json.readTree(ProtocolPayloads.body(Protocol.MCP, null, null, null, NO_MCP)));
        assertEquals(json.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":3}}}"),
                json.readTree(ProtocolPayloads.body(Protocol.MCP, null, null, null,
                        new McpCall(null, "add", "{\"a\":2,\"b\":3}"))));
        assertEquals(json.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"now\",\"arguments\":{}}}"),
                json.readTree(ProtocolPayloads.body(Protocol.MCP, null, null, null, new McpCall(null, "now", null))));
        assertEquals(json.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\","
                        + "\"params\":{\"name\":\"greeting\"}}"),
                json.readTree(ProtocolPayloads.body(Protocol.MCP, null, null, null,
                        new McpCall("prompts/get", null, "{\"name\":\"greeting\"}"))));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}", ProtocolPayloads.body(Protocol.MCP,
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}", null, null, NO_MCP));
    }

    @Test
    void mcpSettingsThatCannotWorkNameTheFix() {
        InvalidSettingException prompt = assertThrows(InvalidSettingException.class,
                () -> ProtocolPayloads.body(Protocol.MCP, null, "Hello", null, NO_MCP));
        assertTrue(prompt.getMessage().contains("-Dagentcore.invoke.mcpTool=<name>"), prompt.getMessage());
        InvalidSettingException arguments = assertThrows(InvalidSettingException.class,
                () -> ProtocolPayloads.body(Protocol.MCP, null, null, null, new McpCall(null, "add", "[1,2]")));
        assertTrue(arguments.getMessage().contains("agentcore.invoke.mcpArguments"), arguments.getMessage());
        InvalidSettingException both = assertThrows(InvalidSettingException.class,
                () -> ProtocolPayloads.body(Protocol.MCP, null, null, null, new McpCall("tools/list", "add", null)));
        assertTrue(both.getMessage().contains("agentcore.invoke.mcpMethod"), both.getMessage());
    }

    @Test
    void a2aAgentsGetThePromptAsTheTextOfAMessageSend() throws Exception {
        JsonNode request = json.readTree(ProtocolPayloads.body(Protocol.A2A, null, "Hello", null, NO_MCP));

        assertEquals("2.0", request.get("jsonrpc").asText());
        assertEquals("message/send", request.get("method").asText());
        JsonNode message = request.at("/params/message");
        assertEquals("user", message.get("role").asText());
        assertEquals(json.readTree("[{\"kind\":\"text\",\"text\":\"Hello\"}]"), message.get("parts"));
        assertTrue(message.get("messageId").asText().length() >= 32);
    }

    @Test
    void agUiAgentsGetThePromptAsTheUserMessageOfARunAgentInput() throws Exception {
        JsonNode input = json.readTree(ProtocolPayloads.body(Protocol.AGUI, null, "Hello", null, NO_MCP));

        assertTrue(input.get("threadId").asText().length() >= 32);
        assertTrue(input.get("runId").asText().length() >= 32);
        assertEquals(1, input.get("messages").size());
        assertEquals("user", input.at("/messages/0/role").asText());
        assertEquals("Hello", input.at("/messages/0/content").asText());
        assertTrue(input.at("/messages/0/id").isTextual());
        assertEquals(json.readTree("[]"), input.get("tools"));
        assertEquals(json.readTree("[]"), input.get("context"));

        assertEquals("{\"threadId\":\"mine\"}",
                ProtocolPayloads.body(Protocol.AGUI, "{\"threadId\":\"mine\"}", null, null, NO_MCP));
    }
}
