package io.github.agentcore4j.examples.mcp;

import io.github.agentcore4j.runtime.AgentCoreApp;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * An MCP server with arithmetic and text tools, for AgentCore Runtime's MCP protocol: {@code POST /mcp} on port
 * 8000, stateless streamable HTTP. Tools answer a result they cannot compute (division by zero) as a tool error,
 * which the calling model reads and can act on.
 */
public final class ToolsServer {

    private ToolsServer() {
    }

    public static void main(String[] args) {
        create().run();
    }

    /** The server, ready to {@code run()} or {@code start()}. */
    public static AgentCoreApp create() {
        return AgentCoreApp.create().mcpServer(transport -> McpServer.sync(transport)
                .serverInfo("agentcore4j-tools", "1.0.0")
                .instructions("Arithmetic on two numbers and small text utilities.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                // Tools block only briefly: run them on the request's own thread, with no hand-off.
                .immediateExecution(true)
                .tools(arithmetic("add", "Adds b to a", Double::sum),
                        arithmetic("subtract", "Subtracts b from a", (a, b) -> a - b),
                        arithmetic("multiply", "Multiplies a by b", (a, b) -> a * b),
                        arithmetic("divide", "Divides a by b", (a, b) -> a / b),
                        text("word_count", "Counts the words in text",
                                text -> String.valueOf(text.isBlank() ? 0 : text.trim().split("\\s+").length)),
                        text("reverse", "Reverses text, character by character",
                                text -> new StringBuilder(text).reverse().toString()),
                        text("slugify", "Turns text into a URL slug: lower case ASCII words joined by hyphens",
                                ToolsServer::slugify))
                .build());
    }

    private static SyncToolSpecification arithmetic(String name, String description,
            BiFunction<Double, Double, Double> operation) {
        Map<String, Object> number = Map.of("type", "number");
        return tool(name, description, Map.of("a", number, "b", number), List.of("a", "b"), arguments -> {
            double a = ((Number) arguments.get("a")).doubleValue();
            double b = ((Number) arguments.get("b")).doubleValue();
            double result = operation.apply(a, b);
            if (!Double.isFinite(result)) {
                return CallToolResult.builder().isError(true)
                        .addTextContent(name + "(" + format(a) + ", " + format(b) + ") has no finite result").build();
            }
            return CallToolResult.builder().addTextContent(format(result)).build();
        });
    }

    private static SyncToolSpecification text(String name, String description,
            java.util.function.UnaryOperator<String> operation) {
        return tool(name, description, Map.of("text", Map.of("type", "string")), List.of("text"),
                arguments -> CallToolResult.builder()
                        .addTextContent(operation.apply(String.valueOf(arguments.get("text")))).build());
    }

    private static SyncToolSpecification tool(String name, String description, Map<String, Object> properties,
            List<String> required, java.util.function.Function<Map<String, Object>, CallToolResult> call) {
        return SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name(name).description(description)
                        .inputSchema(Map.of("type", "object", "properties", properties, "required", required))
                        .build())
                .callHandler((context, request) -> call.apply(request.arguments()))
                .build();
    }

    /** {@code 5} rather than {@code 5.0}: whole numbers read as such. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
