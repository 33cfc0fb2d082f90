package io.github.agentcore4j.maven.core.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.config.Protocol;
import java.nio.file.Path;
import java.util.UUID;

/**
 * What invoke sends, in the agent's protocol: the payload as it is for HTTP agents; for MCP servers a JSON-RPC
 * request ({@code tools/list}, another method, or {@code tools/call} of a tool with JSON arguments); for A2A agents
 * a {@code message/send} with the prompt as a text part; for AG-UI agents a {@code RunAgentInput} whose one user
 * message is the prompt. A payload or payload file is always sent as it is, so any request can still be written by
 * hand.
 */
public final class ProtocolPayloads {

    /** The MCP method invoke calls when given nothing else. */
    public static final String DEFAULT_MCP_METHOD = "tools/list";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProtocolPayloads() {
    }

    /**
     * @param payload {@code agentcore.invoke.payload}, sent as it is
     * @param prompt {@code agentcore.invoke.prompt}: HTTP {@code {"prompt":…}}, A2A and AG-UI the message text
     * @param payloadFile {@code agentcore.invoke.payloadFile}, sent as it is
     * @param mcp the MCP call settings, used only for MCP servers
     */
    public static String body(Protocol protocol, String payload, String prompt, Path payloadFile, McpCall mcp) {
        switch (protocol) {
            case MCP:
                if (payload != null || payloadFile != null) {
                    return InvocationInputs.payload(payload, null, payloadFile);
                }
                if (prompt != null) {
                    throw new InvalidSettingException(PropertyNames.INVOKE_PROMPT, "an MCP server takes JSON-RPC "
                            + "requests, not prompts", "list its tools with "
                            + "-Dagentcore.invoke.mcpMethod=tools/list, or "
                            + "call one with -Dagentcore.invoke.mcpTool=<name> "
                            + "-Dagentcore.invoke.mcpArguments='{...}'");
                }
                return mcp.request();
            case A2A:
            case AGUI:
                if (prompt != null && payload == null && payloadFile == null) {
                    return protocol == Protocol.A2A ? messageSend(prompt) : runAgentInput(prompt);
                }
                return InvocationInputs.payload(payload, prompt, payloadFile);
            default:
                return InvocationInputs.payload(payload, prompt, payloadFile);
        }
    }

    private static String messageSend(String prompt) {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", UUID.randomUUID().toString())
                .put("method", "message/send");
        ObjectNode message = request.putObject("params").putObject("message").put("role", "user");
        message.putArray("parts").addObject().put("kind", "text").put("text", prompt);
        message.put("messageId", UUID.randomUUID().toString());
        return request.toString();
    }

    /** An AG-UI {@code RunAgentInput}: a new thread and run whose one message is the prompt, from the user. */
    private static String runAgentInput(String prompt) {
        ObjectNode input = JSON.createObjectNode().put("threadId", UUID.randomUUID().toString())
                .put("runId", UUID.randomUUID().toString());
        input.putObject("state");
        input.putArray("messages").addObject().put("id", UUID.randomUUID().toString()).put("role", "user")
                .put("content", prompt);
        input.putArray("tools");
        input.putArray("context");
        input.putObject("forwardedProps");
        return input.toString();
    }

    /**
     * An MCP JSON-RPC call: a tool ({@code agentcore.invoke.mcpTool}) with arguments
     * ({@code agentcore.invoke.mcpArguments}), or
     * a method ({@code agentcore.invoke.mcpMethod}, default {@value #DEFAULT_MCP_METHOD}) with those as its params.
     */
    public record McpCall(String method, String tool, String arguments) {

        String request() {
            if (tool != null && method != null && !method.equals("tools/call")) {
                throw new InvalidSettingException(PropertyNames.INVOKE_MCP_METHOD, "it is " + method
                        + " but agentcore.invoke.mcpTool names a tool to call",
                        "unset agentcore.invoke.mcpMethod to call the tool");
            }
            ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1)
                    .put("method", tool != null ? "tools/call" : method != null ? method : DEFAULT_MCP_METHOD);
            JsonNode parsedArguments = arguments == null ? null : parseArguments();
            if (tool != null) {
                ObjectNode params = request.putObject("params").put("name", tool);
                params.set("arguments", parsedArguments != null ? parsedArguments : JSON.createObjectNode());
            } else if (parsedArguments != null) {
                request.set("params", parsedArguments);
            }
            return request.toString();
        }

        private JsonNode parseArguments() {
            try {
                JsonNode parsed = JSON.readTree(arguments);
                if (parsed != null && parsed.isObject()) {
                    return parsed;
                }
            } catch (JsonProcessingException e) {
                throw new InvalidSettingException(PropertyNames.INVOKE_MCP_ARGUMENTS, "it is not valid JSON ("
                        + e.getOriginalMessage() + ")", "write a JSON object, e.g. '{\"a\":2,\"b\":3}'");
            }
            throw new InvalidSettingException(PropertyNames.INVOKE_MCP_ARGUMENTS, "it is not a JSON object",
                    "write a JSON object, e.g. '{\"a\":2,\"b\":3}'");
        }
    }
}
