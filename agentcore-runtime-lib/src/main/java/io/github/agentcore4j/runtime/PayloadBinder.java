package io.github.agentcore4j.runtime;

import com.fasterxml.jackson.jr.ob.JSONObjectException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a request body into what the handler asked for: the raw bytes, the body text, or JSON bound to a tree, map,
 * list, record or bean. Bodies that are not UTF-8 or not JSON are the caller's fault (400).
 */
final class PayloadBinder {

    private final Class<?> payloadType;

    PayloadBinder(Class<?> payloadType) {
        this.payloadType = payloadType;
    }

    Object bind(byte[] body) {
        if (payloadType == byte[].class) {
            return body;
        }
        if (payloadType == String.class) {
            return decodeUtf8(body);
        }
        requireUtf8(body);
        return parse(body, null, isBlank(body));
    }

    /**
     * As {@link #bind(byte[])}, for a request body: a large one bound from JSON is parsed from its segments, each let
     * go of as the parse passes it; raw bytes and text take the body whole.
     */
    Object bind(RequestBody body) {
        BodySegments segments = takesWholeBody() ? null : body.takeSegments();
        return segments == null ? bind(body.take()) : bind(segments);
    }

    /** Whether the payload is the raw bytes or the text: read such a body whole ({@link RequestBody#readWhole}). */
    boolean takesWholeBody() {
        return payloadType == byte[].class || payloadType == String.class;
    }

    /** As {@link #bind(byte[])}, JSON from a body in segments. */
    Object bind(BodySegments segments) {
        if (segments.hasNonAscii()) {
            requireUtf8(segments);
        }
        return parse(null, segments, segments.isBlank());
    }

    /** The JSON payload of a UTF-8 body, from {@code bytes} or else from {@code segments}. */
    private Object parse(byte[] bytes, BodySegments segments, boolean blank) {
        if (blank) {
            throw new BadRequestException("Invalid JSON", "The request body is empty; send a JSON document");
        }
        boolean tree = JsonNodes.isJsonNodeType(payloadType);
        Object payload;
        try {
            payload = segments == null ? tree ? JsonNodes.read(bytes) : Json.read(bytes, payloadType)
                    : tree ? JsonNodes.readBuildingStrings(segments) : Json.readBuildingStrings(segments, payloadType);
        } catch (JSONObjectException e) {
            // Well-formed JSON of the wrong shape for the handler's parameter type.
            throw new BadRequestException("Invalid payload",
                    "Cannot bind to " + payloadType.getSimpleName() + ": " + firstLine(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            throw new BadRequestException("Invalid JSON", firstLine(e.getMessage()));
        }
        if (payload == null && payloadType != Object.class) {
            throw new BadRequestException("Invalid payload", "The body is JSON null; send a JSON value the handler's "
                    + payloadType.getSimpleName() + " parameter can take");
        }
        return payload;
    }

    /** Empty, or JSON whitespace only (a UTF-8 body; others are left to the parser). */
    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("Invalid encoding", "The request body is not valid UTF-8: " + e);
        }
    }

    /**
     * Checks the body is UTF-8. An ASCII body (most JSON) is UTF-8 as it is; any other is checked byte by byte, so a
     * 100 MB body is not copied to text to be checked.
     */
    private static void requireUtf8(byte[] body) {
        if (!isAscii(body)) {
            requireUtf8(BodySegments.of(body));
        }
    }

    /**
     * Checks the body is UTF-8, across its segments, by the rules of Java's decoder (Unicode's well-formed sequences:
     * no overlong forms, no surrogates, nothing beyond U+10FFFF), and names the first byte of the first ill-formed
     * sequence as the decoder does.
     */
    private static void requireUtf8(BodySegments body) {
        int sequence = 0;
        int continuations = 0;
        int low = 0x80;
        int high = 0xBF;
        for (int at = 0; at < body.length(); at++) {
            int b = body.at(at) & 0xFF;
            if (continuations > 0) {
                if (b < low || b > high) {
                    throw notUtf8(sequence);
                }
                low = 0x80;
                high = 0xBF;
                continuations--;
            } else if (b >= 0x80) {
                sequence = at;
                if (b >= 0xC2 && b <= 0xDF) {
                    continuations = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    continuations = 2;
                    low = b == 0xE0 ? 0xA0 : 0x80;
                    high = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    continuations = 3;
                    low = b == 0xF0 ? 0x90 : 0x80;
                    high = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    throw notUtf8(at);
                }
            }
        }
        if (continuations > 0) {
            throw notUtf8(sequence);
        }
    }

    private static BadRequestException notUtf8(int at) {
        return new BadRequestException("Invalid encoding", "The request body is not valid UTF-8 (at byte " + at
                + "); send JSON as UTF-8");
    }

    /** No byte with the high bit set: UTF-8 as it is, checked with no more than this loop. */
    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A request the caller must fix: {@code 400 {"error":error,"details":details}}. */
    static final class BadRequestException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String details;

        BadRequestException(String error, String details) {
            super(error);
            this.details = details;
        }

        String details() {
            return details;
        }
    }
}
