package io.github.agentcore4j.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The A2A 1.0 wire forms (ProtoJSON: no {@code kind} discriminators, {@code ROLE_*} and {@code TASK_STATE_*} enums,
 * parts told apart by their field) translated from and to the A2A 0.3 forms the endpoint works in, so one agent
 * answers both versions with the same tasks.
 */
final class A2aV1 {

    private A2aV1() {
    }

    /** A 1.0 {@code Message} as an {@link A2aMessage} with 0.3-shaped parts; null when it is not a message. */
    static A2aMessage message(Object value) {
        if (!(value instanceof Map<?, ?> message) || !(message.get("parts") instanceof List<?> parts)
                || !(message.get("role") instanceof String role)) {
            return null;
        }
        List<Map<String, Object>> legacyParts = new ArrayList<>();
        for (Object part : parts) {
            Map<String, Object> legacy = part instanceof Map<?, ?> map ? legacyPart(map) : null;
            if (legacy == null) {
                return null;
            }
            legacyParts.add(legacy);
        }
        return new A2aMessage(legacyRole(role), legacyParts, stringOrNull(message.get("messageId")),
                stringOrNull(message.get("contextId")), stringOrNull(message.get("taskId")));
    }

    /** The result of {@code SendMessage}: {@code {"message":…}} or {@code {"task":…}}. */
    static Map<String, Object> sendResult(Map<String, Object> legacy) {
        return Map.of(String.valueOf(legacy.get("kind")), translate(legacy));
    }

    /** One event of {@code SendStreamingMessage} or {@code SubscribeToTask}: a {@code StreamResponse}. */
    static Map<String, Object> streamResponse(Map<String, Object> legacy) {
        String field = switch (String.valueOf(legacy.get("kind"))) {
            case "status-update" -> "statusUpdate";
            case "artifact-update" -> "artifactUpdate";
            default -> String.valueOf(legacy.get("kind"));
        };
        return Map.of(field, translate(legacy));
    }

    /** A task, message or update event in its 1.0 form. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> translate(Map<String, Object> legacy) {
        Map<String, Object> translated = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : legacy.entrySet()) {
            Object value = field.getValue();
            switch (field.getKey()) {
                case "kind", "final" -> {
                    // 1.0 tells objects apart by the field holding them and ends streams by closing them.
                }
                case "role" -> translated.put("role", "ROLE_" + String.valueOf(value).toUpperCase(Locale.ROOT));
                case "state" -> translated.put("state", "TASK_STATE_"
                        + String.valueOf(value).toUpperCase(Locale.ROOT).replace('-', '_'));
                case "parts" -> {
                    List<Object> parts = new ArrayList<>();
                    for (Object part : (List<?>) value) {
                        parts.add(part((Map<String, Object>) part));
                    }
                    translated.put("parts", parts);
                }
                case "status", "message", "artifact" -> translated.put(field.getKey(),
                        translate((Map<String, Object>) value));
                case "history", "artifacts" -> {
                    List<Object> items = new ArrayList<>();
                    for (Object item : (List<?>) value) {
                        items.add(translate((Map<String, Object>) item));
                    }
                    translated.put(field.getKey(), items);
                }
                default -> translated.put(field.getKey(), value);
            }
        }
        return translated;
    }

    /** {@code {"kind":"text","text":…}} → {@code {"text":…}}; files become {@code url} or {@code raw} parts. */
    private static Map<String, Object> part(Map<String, Object> legacy) {
        Map<String, Object> part = new LinkedHashMap<>();
        switch (String.valueOf(legacy.get("kind"))) {
            case "text" -> part.put("text", legacy.get("text"));
            case "data" -> part.put("data", legacy.get("data"));
            default -> {
                Map<?, ?> file = legacy.get("file") instanceof Map<?, ?> map ? map : Map.of();
                if (file.get("uri") != null) {
                    part.put("url", file.get("uri"));
                } else {
                    part.put("raw", file.get("bytes"));
                }
                putIfPresent(part, "filename", file.get("name"));
                putIfPresent(part, "mediaType", file.get("mimeType"));
            }
        }
        putIfPresent(part, "metadata", legacy.get("metadata"));
        return part;
    }

    /** The reverse of {@link #part}; null for a part of no known kind. */
    private static Map<String, Object> legacyPart(Map<?, ?> part) {
        Map<String, Object> legacy;
        if (part.get("text") != null) {
            legacy = A2aMessage.textPart(String.valueOf(part.get("text")));
        } else if (part.containsKey("data")) {
            legacy = A2aMessage.dataPart(part.get("data"));
        } else if (part.get("url") != null || part.get("raw") != null) {
            Map<String, Object> file = new LinkedHashMap<>();
            if (part.get("url") != null) {
                file.put("uri", part.get("url"));
            } else {
                file.put("bytes", part.get("raw"));
            }
            putIfPresent(file, "name", part.get("filename"));
            putIfPresent(file, "mimeType", part.get("mediaType"));
            legacy = new LinkedHashMap<>();
            legacy.put("kind", "file");
            legacy.put("file", file);
        } else {
            return null;
        }
        putIfPresent(legacy, "metadata", part.get("metadata"));
        return legacy;
    }

    /** {@code ROLE_USER} → {@code user}; a 0.3 spelling passes unchanged. */
    private static String legacyRole(String role) {
        return role.startsWith("ROLE_") ? role.substring(5).toLowerCase(Locale.ROOT) : role;
    }

    /** {@code TASK_STATE_INPUT_REQUIRED} → {@code input-required}; a 0.3 spelling passes unchanged. */
    static String legacyState(String state) {
        return state.startsWith("TASK_STATE_")
                ? state.substring(11).toLowerCase(Locale.ROOT).replace('_', '-') : state;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String stringOrNull(Object value) {
        return value == null || "".equals(value) ? null : String.valueOf(value);
    }
}
