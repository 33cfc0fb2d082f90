package io.github.agentcore4j.runtime;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * An MCP server ({@code mcp}) or an A2A agent ({@code a2a}) that sets neither port nor path in code, as a deployed
 * agent does: both come from {@code -Dagentcore.port}/{@code -Dagentcore.invocationPath} or
 * {@code AGENTCORE_PORT}/{@code AGENTCORE_INVOCATION_PATH}. The MCP server's one tool, {@code shout}, upper-cases
 * its {@code text}; the A2A agent answers {@code heard: <text>}.
 */
public final class CustomServingFixture {

    /** A2A's warmup payload: one {@code message/send}. */
    static final String A2A_WARMUP = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{"
            + "\"message\":{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"warm\"}],\"messageId\":\"w\"}}}";

    private CustomServingFixture() {
    }

    public static void main(String[] args) {
        AgentCoreApp app = AgentCoreApp.create().host("127.0.0.1");
        if (args[0].equals("mcp")) {
            app.mcpServer(transport -> McpServer.sync(transport)
                    .serverInfo("custom-serving", "1.0.0")
                    .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                    .tools(McpStatelessServerFeatures.SyncToolSpecification.builder()
                            .tool(McpSchema.Tool.builder().name("shout").description("Upper-cases text")
                                    .inputSchema(Map.of("type", "object", "properties",
                                            Map.of("text", Map.of("type", "string"))))
                                    .build())
                            .callHandler((context, request) -> McpSchema.CallToolResult.builder()
                                    .addTextContent(String.valueOf(request.arguments().get("text")).toUpperCase())
                                    .build())
                            .build())
                    .build());
        } else {
            app.a2aAgent(A2aAgent.named("custom-serving").onMessage((message, context) -> "heard: " + message.text()))
                    .warmup(A2A_WARMUP);
        }
        app.warmupLimits(3, java.time.Duration.ofSeconds(30)).run();
    }
}
