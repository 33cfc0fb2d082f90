package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Large bodies build their strings with {@link LongStrings}; small ones through Jackson's text buffer. Both must
 * give the very same values (same types, same text) and the very same errors, for any document: compared here over
 * thousands of generated ones, valid and broken, bound to every shape a handler may ask for, from one array and from
 * segments so small that strings, escapes and multi-byte characters straddle their borders. (The building path may
 * overwrite the bytes it is given, so it gets a copy.)
 */
class LongStringsTest {

    private static final int DOCUMENTS = 4000;
    private static final List<Class<?>> SHAPES = List.of(Object.class, Map.class, List.class);

    @Test
    void buildsWhatJacksonBuildsForGeneratedDocuments() throws Exception {
        Random random = new Random(11);
        int failures = 0;
        int compared = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            String valid = new Documents(random).value(0);
            String document = random.nextInt(4) == 0 ? breakDocument(valid, random) : valid;
            byte[] json = document.getBytes(StandardCharsets.UTF_8);
            if (json.length > Json.LARGE_BODY_BYTES || document.isBlank()) {
                continue; // Json.read would build strings too; PayloadBinder refuses a blank body before parsing
            }
            compared++;
            for (Class<?> shape : SHAPES) {
                Outcome jackson = outcome(() -> Json.read(json, shape));
                Outcome ours = outcome(() -> Json.readBuildingStrings(json.clone(), shape));
                assertEquals(jackson, ours, () -> "document " + document + " as " + shape.getSimpleName());
                int shift = 1 + random.nextInt(6);
                Outcome segmented = outcome(() -> Json.readBuildingStrings(BodySegments.split(json, shift), shape));
                assertEquals(jackson, segmented, () -> "document " + document + " as " + shape.getSimpleName()
                        + " in segments of " + (1 << shift) + " bytes");
                failures += jackson.failure == null ? 0 : 1;
            }
            Outcome tree = outcome(() -> JsonNodes.read(json));
            assertEquals(tree, outcome(() -> JsonNodes.readBuildingStrings(json.clone())), document);
            assertEquals(tree, outcome(() -> JsonNodes.readBuildingStrings(BodySegments.split(json, 3))), document);
        }
        assertTrue(compared > DOCUMENTS * 9 / 10, "most documents are compared: " + compared);
        assertTrue(failures > DOCUMENTS / 10, "the generated documents include broken ones: " + failures);
    }

    @Test
    void buildsEveryKindOfString() throws Exception {
        List<String> strings = List.of("", "plain", "tab\\tnew\\nline\\r\\b\\f\\/\\\\\\\"", "\\u00e9\\u0041\\u20ac",
                "caf\u00e9 \u00ff", "\u4e2d\u6587", "\ud83d\ude00 emoji", "\\ud83d\\ude00 escaped pair",
                "\\ud800 lone high", "\\udc00 lone low", "mixed \u00e9\\n\u4e2d\\u0000\ud83d\ude00",
                "x".repeat(100_000));
        for (String string : strings) {
            byte[] json = ("{\"s\":\"" + string + "\",\"a\":[\"" + string + "\"]}").getBytes(StandardCharsets.UTF_8);
            assertEquals(Json.read(json.clone(), Map.class), Json.readBuildingStrings(json.clone(), Map.class), string);
            for (int shift : new int[] {1, 2, 5, 12}) {
                assertEquals(Json.read(json.clone(), Map.class),
                        Json.readBuildingStrings(BodySegments.split(json, shift), Map.class), string);
            }
        }
    }

    /**
     * A body far larger than the parser's read buffer, in small segments: the parse lets go of them as it passes
     * them (of all but the strings still to be built), and builds what Jackson builds; none is held afterwards.
     */
    @Test
    void buildsFromSegmentsLetGoOfDuringTheParse() throws Exception {
        StringBuilder document = new StringBuilder("{\"prompt\":\"hi\",\"chunks\":[");
        for (int i = 0; i < 400; i++) {
            document.append(i == 0 ? "" : ",").append(switch (i % 4) {
                case 0 -> "\"" + "a".repeat(1000 + i) + "\"";
                case 1 -> "\"esc\\n" + "b".repeat(2000) + "\\u00e9\"";
                case 2 -> "\"\u00e9\u4e2d\ud83d\ude00" + "c".repeat(3000) + "\"";
                default -> "{\"n\":" + i + ",\"s\":\"" + "d".repeat(i) + "\"}";
            });
        }
        byte[] json = document.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        for (Class<?> shape : List.of(Object.class, Map.class)) {
            for (int shift : new int[] {4, 9, 13}) {
                BodySegments body = BodySegments.split(json, shift);
                assertEquals(outcome(() -> Json.read(json.clone(), shape)),
                        outcome(() -> Json.readBuildingStrings(body, shape)), shape + " in segments of " + (1 << shift));
                for (int at = 0; at < json.length; at++) {
                    assertFalse(body.holds(at), "byte " + at + " is let go of");
                }
            }
        }
        assertEquals(outcome(() -> JsonNodes.read(json)),
                outcome(() -> JsonNodes.readBuildingStrings(BodySegments.split(json, 10))));
    }

    /** A string built from segments is skipped by Jackson unread; its text stays readable in every form. */
    @Test
    void answersEveryTextAccessorForAStringBuiltFromSegments() throws Exception {
        List<String> strings = List.of("a".repeat(50_000), "caf\u00e9 ".repeat(9_000), "\u4e2d".repeat(20_000),
                "QUJD".repeat(10_000));
        StringBuilder document = new StringBuilder("[");
        for (String string : strings) {
            document.append(document.length() > 1 ? "," : "").append('"').append(string).append('"');
        }
        byte[] json = document.append(']').toString().getBytes(StandardCharsets.UTF_8);
        for (boolean tree : new boolean[] {true, false}) {
            BodySegments body = BodySegments.split(json, 10);
            try (com.fasterxml.jackson.core.JsonParser parser = new LongStrings(
                    Json.payloadFactory().createParser(body.stream()), body, tree)) {
                parser.nextToken();
                for (String string : strings) {
                    parser.nextToken();
                    String text = parser.getText();
                    if (tree && text.isEmpty()) {
                        continue; // a non-ASCII Latin-1 string of a tree: its placeholder, until fill()
                    }
                    assertEquals(string, text);
                    assertEquals(string, new String(parser.getTextCharacters(), parser.getTextOffset(),
                            parser.getTextLength()));
                    if (string.startsWith("QUJD")) {
                        assertEquals("ABC".repeat(10_000), new String(parser.getBinaryValue(),
                                StandardCharsets.US_ASCII));
                    }
                }
                assertEquals(com.fasterxml.jackson.core.JsonToken.END_ARRAY, parser.nextToken());
            }
        }
    }

    @Test
    void leavesStringsJacksonRejectsToJackson() {
        for (String broken : List.of("{\"s\":\"a\u0001b\"}", "{\"s\":\"a\\xb\"}", "{\"s\":\"\\u12g4\"}",
                "{\"s\":\"\\u12", "{\"s\":\"open", "[\"\\", "{\"s\":\"line\nbreak\"}")) {
            byte[] json = broken.getBytes(StandardCharsets.UTF_8);
            Outcome jackson = outcome(() -> Json.read(json, Object.class));
            assertTrue(jackson.failure != null, broken);
            assertEquals(jackson, outcome(() -> Json.readBuildingStrings(json.clone(), Object.class)), broken);
        }
    }

    /** A value, or the class and message of what was thrown. */
    private record Outcome(Object value, String failure) {
    }

    private static Outcome outcome(Callable<Object> read) {
        try {
            Object value = read.call();
            return new Outcome(typed(value), null);
        } catch (Exception e) {
            return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** The value with each node's class next to it, so an Integer never equals a Long. */
    private static Object typed(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>(List.of(map.getClass()));
            map.forEach((key, entry) -> entries.add(List.of(key, typed(entry))));
            return entries;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(List.of(list.getClass()));
            list.forEach(item -> items.add(typed(item)));
            return items;
        }
        return value == null ? "null" : List.of(value.getClass(), value);
    }

    private static String breakDocument(String document, Random random) {
        int at = random.nextInt(document.length() + 1);
        return switch (random.nextInt(6)) {
            case 0 -> document.substring(0, at);
            case 1 -> document.substring(0, at) + "\u0001" + document.substring(at);
            case 2 -> document.substring(0, at) + "\\x" + document.substring(at);
            case 3 -> document.substring(0, at) + "\\u12z" + document.substring(at);
            case 4 -> document + (random.nextBoolean() ? " {}" : "]");
            default -> document.substring(0, at) + "\"" + document.substring(at);
        };
    }

    /** Random JSON values: nested objects and arrays, strings of every kind, numbers of every form, literals. */
    private record Documents(Random random) {

        private static final List<String> NUMBERS = List.of("0", "-0", "7", "-42", "2147483647", "2147483648",
                "-2147483649", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
                "0.5", "-1.25", "1e3", "1E-3", "-2.5e+10", "1.0", "0.0", "-0.0", "1e400", "3.141592653589793238462643",
                "01", "1.", ".5", "+1", "-", "1e");
        private static final List<String> PIECES = List.of("a", "Z9 ", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n",
                "\\r", "\\t", "\\u0041", "\\u00e9", "\\u20AC", "\\ud83d\\ude00", "\\udc00", "\\ud800x", "\u00e9",
                "\u00ff", "\u0100", "\u4e2d", "\ud83d\ude00", "~\u007f");

        String value(int depth) {
            int kind = depth > 4 ? 2 + random.nextInt(3) : random.nextInt(5);
            return switch (kind) {
                case 0 -> object(depth);
                case 1 -> array(depth);
                case 2 -> "\"" + string() + "\"";
                case 3 -> NUMBERS.get(random.nextInt(NUMBERS.size()));
                default -> List.of("true", "false", "null").get(random.nextInt(3));
            };
        }

        private String object(int depth) {
            StringBuilder json = new StringBuilder("{");
            int size = random.nextInt(5);
            for (int i = 0; i < size; i++) {
                json.append(i == 0 ? "" : ",").append(space()).append('"').append(random.nextInt(4) == 0 ? string()
                        : "k" + random.nextInt(6)).append('"').append(space()).append(':').append(space())
                        .append(value(depth + 1));
            }
            return json.append(space()).append('}').toString();
        }

        private String array(int depth) {
            StringBuilder json = new StringBuilder("[");
            int size = random.nextInt(5);
            for (int i = 0; i < size; i++) {
                json.append(i == 0 ? "" : ",").append(space()).append(value(depth + 1));
            }
            return json.append(space()).append(']').toString();
        }

        private String string() {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(8) == 0 ? 100 + random.nextInt(500) : random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            return text.toString();
        }

        private String space() {
            return List.of("", "", " ", "\n\t ").get(random.nextInt(4));
        }
    }
}
