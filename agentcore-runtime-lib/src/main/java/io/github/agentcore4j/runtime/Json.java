package io.github.agentcore4j.runtime;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for payloads, responses and events, with jackson-jr: it binds maps, records and beans for a small fraction of
 * jackson-databind's start-up cost, which every new AgentCore session pays. Jackson {@code JsonNode} is used only
 * when a handler asks for it.
 */
final class Json {

    /**
     * Jackson caps a JSON string at 20 million characters by default; AgentCore payloads go up to 100 MB, and one
     * string may carry nearly all of it (a document, an encoded file). The body size limit bounds what is read.
     */
    static final StreamReadConstraints PAYLOAD_CONSTRAINTS = StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE)
            .build();

    /**
     * Parse errors quote none of the caller's body (by default Jackson quotes up to 256 characters of it, which
     * then reach the agent's log): a payload may carry secrets.
     */
    static final ErrorReportConfiguration QUIET_ERRORS = ErrorReportConfiguration.builder()
            .maxErrorTokenLength(0)
            .maxRawContentLength(0)
            .build();

    /**
     * Bodies larger than this have their string values built from the body's bytes ({@link LongStrings}), where a
     * long string would cost four times its size through Jackson's text buffer; smaller ones, the common case, stay
     * on jackson-jr's own path.
     */
    static final int LARGE_BODY_BYTES = 64 * 1024;

    /** Nulls are written and records keep their declared component order, as a handler author expects. */
    private static final JSON JR = JSON.builder(payloadFactory())
            .enable(JSON.Feature.WRITE_NULL_PROPERTIES, JSON.Feature.WRITE_RECORD_FIELDS_IN_DECLARATION_ORDER)
            .build();

    private Json() {
    }

    /** How every payload parser of the library is configured. */
    static JsonFactory payloadFactory() {
        return JsonFactory.builder().streamReadConstraints(PAYLOAD_CONSTRAINTS).errorReportConfiguration(QUIET_ERRORS)
                .build();
    }

    /**
     * Serialises a handler's result as the Python SDK does: directly when it can, else as the JSON string of
     * {@code String.valueOf(value)}, else an error object naming the type.
     */
    static byte[] write(Object value) {
        if (JsonNodes.isJsonNode(value)) {
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }
        return withFallbacks(value, JR::asBytes);
    }

    /**
     * As {@link #write(Object)}, into an answer being sent: a fallback starts the answer over, which it can while
     * none of it has left (a failure after that is thrown).
     */
    static void write(Object value, AnswerStream out) throws IOException {
        if (JsonNodes.isJsonNode(value)) {
            out.write(value.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        withFallbacks(value, attempt -> {
            if (!out.restart()) {
                throw new IOException("The answer failed to serialise after part of it was sent");
            }
            JR.write(attempt, out);
            return null;
        });
    }

    private interface Serialiser<T> {
        T serialise(Object value) throws IOException;
    }

    private static <T> T withFallbacks(Object value, Serialiser<T> serialiser) {
        try {
            return serialiser.serialise(value);
        } catch (IOException | RuntimeException notSerialisable) {
            try {
                return serialiser.serialise(String.valueOf(value));
            } catch (IOException | RuntimeException stillNot) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", "Serialization failed");
                error.put("original_type", value.getClass().getName());
                try {
                    return serialiser.serialise(error);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Serialises a map of plain values (strings, numbers, lists, maps), which cannot fail. */
    static byte[] writeMap(Map<String, ?> map) {
        try {
            return JR.asBytes(map);
        } catch (IOException e) {
            throw new IllegalStateException("Plain map not serialisable: " + map.keySet(), e);
        }
    }

    static String writeString(Map<String, ?> map) {
        return new String(writeMap(map), StandardCharsets.UTF_8);
    }

    private static boolean hasPrimitiveComponent(Class<?> record) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                return true;
            }
        }
        return false;
    }

    /**
     * jackson-jr passes null for a record component missing from the JSON, which a primitive cannot take; a missing
     * {@code int} becomes 0 and a missing {@code boolean} false instead, as with jackson-databind.
     */
    private static Object readRecordDefaultingPrimitives(Class<?> record, JsonParser parser) throws IOException {
        Map<String, Object> fields = JR.mapFrom(parser);
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type.isPrimitive()) {
                fields.putIfAbsent(component.getName(), type == boolean.class ? Boolean.FALSE
                        : type == char.class ? "\u0000" : (Object) 0);
            }
        }
        return JR.beanFrom(record, JR.asBytes(fields));
    }

    /**
     * Reads a whole JSON document as {@code type} from its bytes (UTF-8, or UTF-16/32 as JSON allows), without a
     * text copy of the body; content after the document is an error, as in Python. The caller hands the bytes over:
     * a large body's may be overwritten ({@link LongStrings#fill}).
     */
    static Object read(byte[] json, Class<?> type) throws IOException {
        return json.length > LARGE_BODY_BYTES ? readBuildingStrings(json, type) : read(JR.createParser(json), type);
    }

    /** As {@link #read(byte[], Class)}, each string value built from the body's bytes by {@link LongStrings}. */
    static Object readBuildingStrings(byte[] json, Class<?> type) throws IOException {
        return readBuildingStrings(JR.createParser(json), BodySegments.of(json), type);
    }

    /**
     * A request body as {@code type}: a large one is parsed from its segments, which are let go of as the parse
     * passes them ({@link #readBuildingStrings(BodySegments, Class)}).
     */
    static Object read(RequestBody body, Class<?> type) throws IOException {
        BodySegments segments = body.takeSegments();
        return segments == null ? read(body.take(), type) : readBuildingStrings(segments, type);
    }

    /** As {@link #read(byte[], Class)}, from a body in segments, each let go of once the parse is past it. */
    static Object readBuildingStrings(BodySegments body, Class<?> type) throws IOException {
        return readBuildingStrings(JR.createParser(body.stream()), body, type);
    }

    private static Object readBuildingStrings(JsonParser parser, BodySegments body, Class<?> type)
            throws IOException {
        if (!LongStrings.canRead(parser, body)) {
            return read(parser, type);
        }
        boolean tree = type == Object.class || Map.class.isAssignableFrom(type) || List.class.isAssignableFrom(type);
        LongStrings strings = new LongStrings(parser, body, tree);
        return strings.fill(read(strings, type));
    }

    /** As {@link #read(byte[], Class)}, for JSON already held as text. */
    static Object read(String json, Class<?> type) throws IOException {
        return read(JR.createParser(json), type);
    }

    private static Object read(JsonParser source, Class<?> type) throws IOException {
        try (JsonParser parser = source) {
            Object value;
            if (type == Object.class) {
                value = JR.anyFrom(parser);
            } else if (Map.class.isAssignableFrom(type)) {
                value = JR.mapFrom(parser);
            } else if (List.class.isAssignableFrom(type)) {
                value = JR.listFrom(parser);
            } else if (type.isRecord() && hasPrimitiveComponent(type)) {
                value = readRecordDefaultingPrimitives(type, parser);
            } else {
                value = JR.beanFrom(type, parser);
            }
            if (parser.nextToken() != null) {
                throw new IOException("Unexpected content after the JSON value at " + parser.currentLocation());
            }
            return value;
        }
    }
}
