package io.github.agentcore4j.maven.core.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * AG-UI events as a person reads them: a text message once it has ended ({@code assistant: …}), a tool call with
 * its arguments, state snapshots and deltas, the run's start, end or error. Deltas are gathered per message and
 * tool call, so interleaved ones print apart.
 */
final class AgUiEventLines {

    private final Map<String, StringBuilder> texts = new HashMap<>();
    private final Map<String, String> roles = new HashMap<>();
    private final Map<String, StringBuilder> toolArguments = new HashMap<>();
    private final Map<String, String> toolNames = new HashMap<>();

    /** Whether this first event opens an AG-UI run. */
    static boolean opensRun(JsonNode event) {
        return event != null && "RUN_STARTED".equals(event.path("type").asText());
    }

    /** The line this event prints as, or null while it only adds to a message or tool call in progress. */
    String lineFor(JsonNode event) {
        String type = event.path("type").asText();
        switch (type) {
            case "RUN_STARTED":
                return "[run " + event.path("runId").asText() + " started]";
            case "RUN_FINISHED":
                return "[run " + event.path("runId").asText() + " finished]";
            case "RUN_ERROR":
                return "[run error] " + event.path("message").asText()
                        + (event.hasNonNull("code") ? " (" + event.path("code").asText() + ")" : "");
            case "TEXT_MESSAGE_START":
                texts.put(event.path("messageId").asText(), new StringBuilder());
                roles.put(event.path("messageId").asText(), event.path("role").asText("assistant"));
                return null;
            case "TEXT_MESSAGE_CONTENT":
                texts.computeIfAbsent(event.path("messageId").asText(), id -> new StringBuilder())
                        .append(event.path("delta").asText());
                return null;
            case "TEXT_MESSAGE_END": {
                String messageId = event.path("messageId").asText();
                StringBuilder text = texts.remove(messageId);
                String role = roles.remove(messageId);
                return (role != null ? role : "assistant") + ": " + (text != null ? text : "");
            }
            case "TOOL_CALL_START":
                toolNames.put(event.path("toolCallId").asText(), event.path("toolCallName").asText());
                toolArguments.put(event.path("toolCallId").asText(), new StringBuilder());
                return null;
            case "TOOL_CALL_ARGS":
                toolArguments.computeIfAbsent(event.path("toolCallId").asText(), id -> new StringBuilder())
                        .append(event.path("delta").asText());
                return null;
            case "TOOL_CALL_END": {
                String toolCallId = event.path("toolCallId").asText();
                StringBuilder arguments = toolArguments.remove(toolCallId);
                return "tool call " + toolNames.remove(toolCallId) + " " + (arguments != null ? arguments : "");
            }
            case "TOOL_CALL_RESULT":
                return "tool result " + event.path("toolCallId").asText() + ": " + event.path("content").asText();
            case "STATE_SNAPSHOT":
                return "state " + event.path("snapshot");
            case "STATE_DELTA":
                return "state delta " + event.path("delta");
            default:
                return type + " " + event;
        }
    }
}
