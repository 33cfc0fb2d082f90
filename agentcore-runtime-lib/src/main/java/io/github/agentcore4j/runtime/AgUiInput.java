package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An AG-UI {@code RunAgentInput}: what a client asks one run of the agent to do. Messages, tools and context items
 * are the JSON objects the protocol defines ({@code {"id":…,"role":"user","content":…}} and so on).
 *
 * @param threadId the conversation this run belongs to
 * @param runId this run
 * @param parentRunId the run that spawned this one; may be null
 * @param state the state the run starts from (any JSON value); may be null
 * @param messages the conversation so far, in order
 * @param tools the tools the agent may call (the client runs them); empty when none
 * @param context ambient information for the run; empty when none
 * @param forwardedProps application values passed through untouched; may be null
 */
public record AgUiInput(String threadId, String runId, String parentRunId, Object state,
        List<Map<String, Object>> messages, List<Map<String, Object>> tools, List<Map<String, Object>> context,
        Object forwardedProps) {

    public AgUiInput {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        context = List.copyOf(context);
    }

    /**
     * The text of the last {@code user} message (its string content, or its text parts joined); empty when there
     * is none.
     */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Map<String, Object> message = messages.get(i);
            if ("user".equals(message.get("role"))) {
                return textOf(message.get("content"));
            }
        }
        return "";
    }

    private static String textOf(Object content) {
        if (content instanceof String text) {
            return text;
        }
        StringBuilder text = new StringBuilder();
        if (content instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Map<?, ?> map && "text".equals(map.get("type")) && map.get("text") != null) {
                    text.append(map.get("text"));
                }
            }
        }
        return text.toString();
    }

    /**
     * Reads and checks a {@code RunAgentInput}: a JSON object with string {@code threadId} and {@code runId}, a
     * {@code messages} array of objects each with an {@code id} and a {@code role}, and, when present,
     * {@code tools} and {@code context} arrays of objects.
     *
     * @throws PayloadBinder.BadRequestException when it is not one, saying what is wrong
     */
    static AgUiInput parse(byte[] body) {
        Object parsed;
        try {
            parsed = Json.read(new String(body, StandardCharsets.UTF_8), Object.class);
        } catch (IOException | RuntimeException e) {
            throw new PayloadBinder.BadRequestException("Invalid JSON", e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> input)) {
            throw invalid("the body must be a JSON object");
        }
        String threadId = requiredString(input, "threadId");
        String runId = requiredString(input, "runId");
        if (!(input.get("messages") instanceof List<?>)) {
            throw invalid("messages must be an array");
        }
        List<Map<String, Object>> messages = objects(input, "messages");
        for (Map<String, Object> message : messages) {
            if (!(message.get("id") instanceof String) || !(message.get("role") instanceof String)) {
                throw invalid("each message needs a string id and role");
            }
        }
        return new AgUiInput(threadId, runId,
                input.get("parentRunId") instanceof String parent ? parent : null, input.get("state"), messages,
                objects(input, "tools"), objects(input, "context"), input.get("forwardedProps"));
    }

    private static String requiredString(Map<?, ?> input, String field) {
        if (!(input.get(field) instanceof String value) || value.isEmpty()) {
            throw invalid(field + " must be a non-empty string");
        }
        return value;
    }

    /** The array {@code field} as objects; empty when absent. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Map<?, ?> input, String field) {
        Object value = input.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw invalid(field + " must be an array");
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?>)) {
                throw invalid(field + " must hold objects");
            }
            objects.add((Map<String, Object>) item);
        }
        return objects;
    }

    private static PayloadBinder.BadRequestException invalid(String rule) {
        return new PayloadBinder.BadRequestException("Invalid RunAgentInput", rule);
    }
}
