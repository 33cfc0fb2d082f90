package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading request bodies and writing plain JSON answers, on either server engine. */
final class Responses {

    static final String JSON = "application/json";

    private Responses() {
    }

    static void json(HttpCall call, int status, byte[] body) throws IOException {
        call.setResponseHeader("Content-Type", JSON);
        call.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = call.responseBody()) {
            out.write(body);
        }
    }

    /** {@code {"error":error}} plus {@code "details"} when given. */
    static void error(HttpCall call, int status, String error, String details) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (details != null) {
            body.put("details", details);
        }
        json(call, status, Json.writeMap(body));
    }

    /**
     * Reads the whole body, refusing one larger than {@code limit} bytes: by its declared length before reading any of
     * it, or as soon as a chunked body passes the limit.
     */
    static byte[] readBody(HttpCall call, long limit) throws IOException {
        String declared = call.requestHeader("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw new PayloadBinder.BadRequestException("Invalid Content-Length", declared);
            }
            if (length > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
        try (InputStream in = call.requestBody()) {
            if (length >= 0) {
                return in.readNBytes((int) length);
            }
            byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (body.length > limit) {
                throw new PayloadTooLargeException(limit);
            }
            return body;
        }
    }

    /** A body over the limit: {@code 413}. */
    static final class PayloadTooLargeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        PayloadTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }
}
