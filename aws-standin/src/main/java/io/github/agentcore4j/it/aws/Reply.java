package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the stand-in answers to one request. */
@FunctionalInterface
interface Reply {

    void send(HttpExchange exchange) throws IOException;

    static Reply json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    static Reply json(int status, JsonNode body, Map<String, String> headers) {
        return buffered(status, "application/json", headers, write(body));
    }

    static Reply awsJson(JsonNode body) {
        return awsJson(200, body, Map.of());
    }

    static Reply awsJson(int status, JsonNode body, Map<String, String> headers) {
        return buffered(status, "application/x-amz-json-1.1", headers, write(body));
    }

    static Reply xml(int status, String body) {
        return buffered(status, "text/xml", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply buffered(int status, String contentType, Map<String, String> headers, byte[] body) {
        return exchange -> {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put("Content-Type", contentType);
            all.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        };
    }

    private static byte[] write(JsonNode body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
