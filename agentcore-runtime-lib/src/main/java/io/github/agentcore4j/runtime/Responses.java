package io.github.agentcore4j.runtime;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading request bodies and writing plain JSON answers on the JDK HTTP server. */
final class Responses {

    static final String JSON = "application/json";

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code {"error":error}} plus {@code "details"} when given. */
    static void error(HttpExchange exchange, int status, String error, String details) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (details != null) {
            body.put("details", details);
        }
        json(exchange, status, Json.writeMap(body));
    }

    /**
     * Reads the whole body, refusing one larger than {@code limit} bytes: by its declared length before reading any of
     * it, or as soon as a chunked body passes the limit.
     */
    static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
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
        try (InputStream in = exchange.getRequestBody()) {
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
