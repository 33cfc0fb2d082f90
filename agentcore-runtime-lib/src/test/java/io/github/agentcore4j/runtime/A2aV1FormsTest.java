package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The A2A 1.0 ProtoJSON forms against the 0.3 forms handlers see, both ways, for every kind of part. */
class A2aV1FormsTest {

    @Test
    void aV1MessageReachesTheHandlerIn03Form() {
        A2aMessage message = A2aV1.message(Map.of("messageId", "m", "contextId", "", "role", "ROLE_USER",
                "parts", List.of(Map.of("text", "hi", "metadata", Map.of("k", 1)), Map.of("data", Map.of("a", 1)),
                        Map.of("url", "https://x/y.png", "mediaType", "image/png", "filename", "y.png"),
                        Map.of("raw", "AAEC"))));
        assertEquals("user", message.role());
        assertNull(message.contextId(), "an empty ProtoJSON string is no context");
        assertEquals(List.of(
                Map.of("kind", "text", "text", "hi", "metadata", Map.of("k", 1)),
                Map.of("kind", "data", "data", Map.of("a", 1)),
                Map.of("kind", "file", "file", Map.of("uri", "https://x/y.png", "name", "y.png",
                        "mimeType", "image/png")),
                Map.of("kind", "file", "file", Map.of("bytes", "AAEC"))), message.parts());
        assertEquals("hi", message.text());

        assertNull(A2aV1.message(Map.of("role", "ROLE_USER", "parts", List.of(Map.of("unknown", 1)))));
        assertNull(A2aV1.message(Map.of("parts", List.of())));
    }

    @Test
    void aTaskGoesOutInTheV1Form() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", "input-required");
        status.put("message", Map.of("kind", "message", "role", "agent", "parts",
                List.of(Map.of("kind", "file", "file", Map.of("uri", "https://x", "mimeType", "text/plain")))));
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("kind", "task");
        task.put("id", "t");
        task.put("status", status);
        task.put("history", List.of(Map.of("kind", "message", "role", "user", "parts",
                List.of(Map.of("kind", "text", "text", "hi")))));

        assertEquals(Map.of("task", Map.of("id", "t",
                "status", Map.of("state", "TASK_STATE_INPUT_REQUIRED", "message", Map.of("role", "ROLE_AGENT",
                        "parts", List.of(Map.of("url", "https://x", "mediaType", "text/plain")))),
                "history", List.of(Map.of("role", "ROLE_USER", "parts", List.of(Map.of("text", "hi")))))),
                A2aV1.sendResult(task));
        assertEquals("input-required", A2aV1.legacyState("TASK_STATE_INPUT_REQUIRED"));
    }
}
