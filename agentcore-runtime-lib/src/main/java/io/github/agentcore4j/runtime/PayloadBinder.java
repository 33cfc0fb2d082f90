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
        String text = decodeUtf8(body);
        if (payloadType == String.class) {
            return text;
        }
        if (text.isBlank()) {
            throw new BadRequestException("Invalid JSON", "The request body is empty; send a JSON document");
        }
        try {
            return JsonNodes.isJsonNodeType(payloadType) ? JsonNodes.read(text) : Json.read(text, payloadType);
        } catch (JSONObjectException e) {
            // Well-formed JSON of the wrong shape for the handler's parameter type.
            throw new BadRequestException("Invalid payload",
                    "Cannot bind to " + payloadType.getSimpleName() + ": " + firstLine(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            throw new BadRequestException("Invalid JSON", firstLine(e.getMessage()));
        }
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
