package io.github.agentcore4j.examples.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.runtime.AgentServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MCP Java SDK's client against the tools server, as an agent calling it through AgentCore would. */
class ToolsServerTest {

    private AgentServer server;
    private McpSyncClient client;

    @BeforeEach
    void start() {
        server = ToolsServer.create().host("127.0.0.1").port(0).start();
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                        .endpoint("/mcp")
                        // AgentCore adds its own session id to every MCP request; the server must take it.
                        .httpRequestCustomizer((request, method, uri, body, context) -> request
                                .header("Mcp-Session-Id", "platform-generated-session-id")
                                .header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "runtime-session-0001"))
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
    }

    @AfterEach
    void stop() {
        try {
            client.close();
        } finally {
            server.stop();
        }
    }

    private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @Test
    void listsItsTools() {
        assertEquals(List.of("add", "divide", "multiply", "reverse", "slugify", "subtract", "word_count"),
                client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList());
    }

    @Test
    void doesArithmetic() {
        assertEquals("5", text(call("add", Map.of("a", 2, "b", 3))));
        assertEquals("-1", text(call("subtract", Map.of("a", 2, "b", 3))));
        assertEquals("7.5", text(call("multiply", Map.of("a", 2.5, "b", 3))));
        assertEquals("0.5", text(call("divide", Map.of("a", 1, "b", 2))));
    }

    @Test
    void divisionByZeroIsAToolError() {
        McpSchema.CallToolResult result = call("divide", Map.of("a", 1, "b", 0));
        assertTrue(result.isError());
        assertEquals("divide(1, 0) has no finite result", text(result));
    }

    @Test
    void handlesText() {
        assertEquals("4", text(call("word_count", Map.of("text", "  one two\tthree\nfour "))));
        assertEquals("0", text(call("word_count", Map.of("text", " "))));
        assertEquals("cba", text(call("reverse", Map.of("text", "abc"))));
        assertEquals("creme-brulee-for-2", text(call("slugify", Map.of("text", "Crème Brûlée, for 2!"))));
    }
}
