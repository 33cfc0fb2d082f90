package io.github.agentcore4j.runtime;

import java.io.IOException;

/**
 * Jackson databind's {@code JsonNode}, for handlers that want the tree they know. Databind is an optional
 * dependency: nothing here loads it unless the application has it and a handler asks for or returns a JsonNode.
 */
final class JsonNodes {

    private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";

    private JsonNodes() {
    }

    static boolean isJsonNodeType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(JSON_NODE)) {
                return true;
            }
        }
        return false;
    }

    static boolean isJsonNode(Object value) {
        return value != null && isJsonNodeType(value.getClass());
    }

    static Object read(byte[] json) throws IOException {
        return json.length > Json.LARGE_BODY_BYTES ? readBuildingStrings(json) : Mapper.INSTANCE.readTree(json);
    }

    /** As {@link #read(byte[])}, each string value built from the body's bytes by {@link LongStrings}. */
    static Object readBuildingStrings(byte[] json) throws IOException {
        return readBuildingStrings(Mapper.INSTANCE.createParser(json), BodySegments.of(json));
    }

    /** As {@link #read(byte[])}, from a body in segments, each let go of once the parse is past it. */
    static Object readBuildingStrings(BodySegments body) throws IOException {
        return readBuildingStrings(Mapper.INSTANCE.createParser(body.stream()), body);
    }

    private static Object readBuildingStrings(com.fasterxml.jackson.core.JsonParser source, BodySegments body)
            throws IOException {
        try (com.fasterxml.jackson.core.JsonParser parser = source) {
            return LongStrings.canRead(parser, body) ? Mapper.INSTANCE.readTree(new LongStrings(parser, body, false))
                    : Mapper.INSTANCE.readTree(parser);
        }
    }

    /** Created on first use only, so agents that never touch JsonNode never pay for an ObjectMapper. */
    private static final class Mapper {
        static final com.fasterxml.jackson.databind.ObjectMapper INSTANCE =
                new com.fasterxml.jackson.databind.ObjectMapper(Json.payloadFactory())
                        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
