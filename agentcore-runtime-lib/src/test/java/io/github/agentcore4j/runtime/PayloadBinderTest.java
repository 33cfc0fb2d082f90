package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadBinderTest {

    record Settings(String model, int maxTokens, boolean stream, List<String> tools) {
    }

    public static class Bean {
        private String prompt;

        public String getPrompt() {
            return prompt;
        }

        public void setPrompt(String prompt) {
            this.prompt = prompt;
        }
    }

    private static Object bind(Class<?> type, String json) {
        return new PayloadBinder(type).bind(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bindsRecordsDefaultingMissingPrimitives() {
        assertEquals(new Settings("m", 0, false, List.of("a")), bind(Settings.class, "{\"model\":\"m\",\"tools\":[\"a\"]}"));
        assertEquals(new Settings(null, 5, true, null), bind(Settings.class, "{\"maxTokens\":5,\"stream\":true}"));
    }

    @Test
    void bindsBeansMapsListsAndPlainTrees() {
        assertEquals("hi", ((Bean) bind(Bean.class, "{\"prompt\":\"hi\",\"other\":1}")).getPrompt());
        assertEquals(Map.of("a", List.of(1, "b")), bind(Map.class, "{\"a\":[1,\"b\"]}"));
        assertEquals(List.of(true, Map.of()), bind(List.class, "[true,{}]"));
        assertEquals("just a string", bind(Object.class, "\"just a string\""));
    }

    @Test
    void bindsJacksonTreesWhenDatabindIsPresent() {
        JsonNode tree = (JsonNode) bind(JsonNode.class, "{\"a\":{\"b\":[1,2]}}");
        assertEquals(2, tree.at("/a/b/1").asInt());
    }

    @Test
    void bindsAStringLongerThanJacksonsDefaultLimit() {
        String document = "a".repeat(25_000_000); // jackson's default cap is 20 million characters
        String json = "{\"prompt\":\"" + document + "\"}";

        assertEquals(document.length(), ((Map<?, ?>) bind(Map.class, json)).get("prompt").toString().length());
        assertEquals(document.length(), ((JsonNode) bind(JsonNode.class, json)).get("prompt").asText().length());
    }

    @Test
    void passesRawBodiesThrough() {
        byte[] notJson = {1, 2, (byte) 0xff};
        assertArrayEquals(notJson, (byte[]) new PayloadBinder(byte[].class).bind(notJson));
        assertEquals("not { json", bind(String.class, "not { json"));
    }

    @Test
    void namesWhatIsWrongWithABadBody() {
        assertEquals("Invalid JSON", assertThrows(PayloadBinder.BadRequestException.class,
                () -> bind(Map.class, "{\"a\":")).getMessage());
        assertEquals("Invalid JSON", assertThrows(PayloadBinder.BadRequestException.class,
                () -> bind(Map.class, "{} {}")).getMessage());
        assertEquals("Invalid JSON", assertThrows(PayloadBinder.BadRequestException.class,
                () -> bind(JsonNode.class, "{} {}")).getMessage());
        assertEquals("Invalid JSON", assertThrows(PayloadBinder.BadRequestException.class,
                () -> bind(Map.class, "  ")).getMessage());
        PayloadBinder.BadRequestException wrongShape = assertThrows(PayloadBinder.BadRequestException.class,
                () -> bind(Map.class, "[1]"));
        assertEquals("Invalid payload", wrongShape.getMessage());
        assertEquals("Invalid encoding", assertThrows(PayloadBinder.BadRequestException.class,
                () -> new PayloadBinder(Map.class).bind(new byte[] {'{', (byte) 0xc3, '}'})).getMessage());
    }
}
