package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Emits the events of one AG-UI run, each sent to the client at once (an SSE event on {@code /invocations}, a text
 * message on {@code /ws}). The methods are named after the protocol's event types; {@link #text(String)} and
 * {@link #toolCall(String, String)} send a whole message or tool call in one go.
 */
public final class AgUiEvents {

    /** The AG-UI protocol version this library speaks. */
    static final String PROTOCOL_VERSION = "1.0";

    private final EventEmitter out;

    AgUiEvents(EventEmitter out) {
        this.out = out;
    }

    /** Sends any AG-UI event, e.g. {@code CUSTOM} or {@code STEP_STARTED}: {@code type} plus the fields given. */
    public void send(String type, Map<String, ?> fields) throws IOException {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", Objects.requireNonNull(type, "type"));
        event.putAll(fields);
        out.send(event);
    }

    /** {@code TEXT_MESSAGE_START} of an assistant message. */
    public void textMessageStart(String messageId) throws IOException {
        send("TEXT_MESSAGE_START", Map.of("messageId", messageId, "role", "assistant"));
    }

    /** {@code TEXT_MESSAGE_CONTENT}: the next piece of the message's text (not empty). */
    public void textMessageContent(String messageId, String delta) throws IOException {
        if (delta == null || delta.isEmpty()) {
            throw new IllegalArgumentException("AG-UI text deltas must not be empty");
        }
        send("TEXT_MESSAGE_CONTENT", Map.of("messageId", messageId, "delta", delta));
    }

    public void textMessageEnd(String messageId) throws IOException {
        send("TEXT_MESSAGE_END", Map.of("messageId", messageId));
    }

    /** A whole assistant message: start, its text, end. @return its message id */
    public String text(String text) throws IOException {
        String messageId = Ids.uuid();
        textMessageStart(messageId);
        textMessageContent(messageId, text);
        textMessageEnd(messageId);
        return messageId;
    }

    /** {@code TOOL_CALL_START}; {@code parentMessageId} may be null. */
    public void toolCallStart(String toolCallId, String toolName, String parentMessageId) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("toolCallId", toolCallId);
        fields.put("toolCallName", toolName);
        if (parentMessageId != null) {
            fields.put("parentMessageId", parentMessageId);
        }
        send("TOOL_CALL_START", fields);
    }

    /** {@code TOOL_CALL_ARGS}: the next piece of the call's JSON arguments. */
    public void toolCallArgs(String toolCallId, String delta) throws IOException {
        send("TOOL_CALL_ARGS", Map.of("toolCallId", toolCallId, "delta", delta));
    }

    public void toolCallEnd(String toolCallId) throws IOException {
        send("TOOL_CALL_END", Map.of("toolCallId", toolCallId));
    }

    /** A whole tool call: start, its JSON arguments, end. @return its tool call id */
    public String toolCall(String toolName, String argumentsJson) throws IOException {
        String toolCallId = Ids.uuid();
        toolCallStart(toolCallId, toolName, null);
        toolCallArgs(toolCallId, argumentsJson);
        toolCallEnd(toolCallId);
        return toolCallId;
    }

    /** {@code TOOL_CALL_RESULT}: what a tool the agent ran itself returned. */
    public void toolCallResult(String toolCallId, String content) throws IOException {
        send("TOOL_CALL_RESULT", Map.of("messageId", Ids.uuid(), "toolCallId", toolCallId,
                "content", content, "role", "tool"));
    }

    /** {@code STATE_SNAPSHOT}: the whole state (any JSON value). */
    public void stateSnapshot(Object state) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("snapshot", state);
        send("STATE_SNAPSHOT", fields);
    }

    /** {@code STATE_DELTA}: JSON Patch (RFC 6902) operations on the state, e.g. {@code {"op":"replace",…}}. */
    public void stateDelta(List<Map<String, Object>> patch) throws IOException {
        send("STATE_DELTA", Map.of("delta", List.copyOf(patch)));
    }
}
