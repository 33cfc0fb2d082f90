package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    /**
     * A body is checked for UTF-8 by the library's own rules, in one array or across segments; they must be Java's
     * decoder's, down to the byte named: compared over generated bodies of valid and broken sequences, whole and in
     * 4-byte segments.
     */
    @Test
    void checksUtf8InSegmentsAsTheDecoderDoes() {
        Random random = new Random(12);
        int[] broken = {'a', 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef,
            0xf0, 0xf1, 0xf4, 0xf5, 0xff};
        int[] codePoints = {'b', 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x4e2d, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000,
            0x1f600, 0x10ffff};
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
            json.writeBytes("[\"".getBytes(StandardCharsets.US_ASCII));
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                if (random.nextInt(8) == 0) {
                    json.write(broken[random.nextInt(broken.length)]);
                } else {
                    json.writeBytes(Character.toString(codePoints[random.nextInt(codePoints.length)])
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            json.writeBytes("\"]".getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = json.toByteArray();
            Integer decoderRefusesAt = decoderRefusesAt(bytes);
            String whole = outcome(() -> new PayloadBinder(Object.class).bind(bytes.clone()));
            if (decoderRefusesAt == null) {
                assertTrue(whole.startsWith("["), () -> whole + " for " + java.util.HexFormat.of().formatHex(bytes));
            } else {
                assertEquals("Invalid encoding: The request body is not valid UTF-8 (at byte " + decoderRefusesAt
                        + "); send JSON as UTF-8", whole, () -> java.util.HexFormat.of().formatHex(bytes));
            }
            assertEquals(whole, outcome(() -> new PayloadBinder(Object.class).bind(BodySegments.split(bytes, 2))),
                    () -> java.util.HexFormat.of().formatHex(bytes));
            refused += decoderRefusesAt != null ? 1 : 0;
        }
        assertTrue(refused > 1000 && refused < 19_000, "valid and broken bodies both: " + refused);
    }

    /** Where Java's UTF-8 decoder finds the first ill-formed sequence, or null when it decodes the whole body. */
    private static Integer decoderRefusesAt(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .decode(in, java.nio.CharBuffer.allocate(bytes.length), true);
        return result.isError() ? in.position() : null;
    }

    private static String outcome(java.util.function.Supplier<Object> bind) {
        try {
            return String.valueOf(bind.get());
        } catch (PayloadBinder.BadRequestException e) {
            return e.getMessage() + ": " + e.details();
        }
    }
}
