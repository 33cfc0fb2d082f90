package io.github.agentcore4j.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An A2A protocol message: who sent it, its parts and its ids. Whichever version the caller speaks (1.0 or 0.3),
 * the role and parts are in A2A 0.3's form: role {@code user} or {@code agent}, parts
 * {@code {"kind":"text","text":…}}, {@code {"kind":"data","data":…}} or {@code {"kind":"file","file":{…}}}.
 *
 * @param role {@code user} or {@code agent}
 * @param parts the parts, each a JSON object as the protocol defines it
 * @param messageId the sender's id of this message
 * @param contextId the conversation it belongs to; may be null
 * @param taskId the task it belongs to; may be null
 */
public record A2aMessage(String role, List<Map<String, Object>> parts, String messageId, String contextId,
        String taskId) {

    public A2aMessage {
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(parts);
    }

    /** The text of all text parts, joined with newlines; empty when there are none. */
    public String text() {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> part : parts) {
            if ("text".equals(part.get("kind")) && part.get("text") != null) {
                texts.add(String.valueOf(part.get("text")));
            }
        }
        return String.join("\n", texts);
    }

    /** A text part: {@code {"kind":"text","text":text}}. */
    public static Map<String, Object> textPart(String text) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("kind", "text");
        part.put("text", text);
        return part;
    }

    /** A structured-data part: {@code {"kind":"data","data":data}}. */
    public static Map<String, Object> dataPart(Object data) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("kind", "data");
        part.put("data", data);
        return part;
    }
}
