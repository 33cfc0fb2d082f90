package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as it arrived: the raw (still percent-encoded) path, the decoded query (the last value of each
 * name; {@link #queryValues} has them all), the headers (names case-insensitive), the body and the raw query.
 */
public record AwsRequest(String method, String rawPath, Map<String, String> query, Map<String, List<String>> headers,
                         byte[] body, String rawQuery) {

    static AwsRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new AwsRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                decodeForm(exchange.getRequestURI().getRawQuery()), Collections.unmodifiableMap(headers), body,
                exchange.getRequestURI().getRawQuery());
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a query parameter, in order (a list member bound to the query string repeats its name). */
    public List<String> queryValues(String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (urlDecode(equals < 0 ? pair : pair.substring(0, equals)).equals(name)) {
                    values.add(equals < 0 ? "" : urlDecode(pair.substring(equals + 1)));
                }
            }
        }
        return values;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON; an empty body reads as a missing node. */
    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ServiceError(400, "SerializationException", "Cannot parse the request body as JSON: " + e.getMessage());
        }
    }

    /** The body as {@code application/x-www-form-urlencoded} parameters (the query protocol of STS and IAM). */
    public Map<String, String> form() {
        return decodeForm(bodyText());
    }

    static Map<String, String> decodeForm(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(urlDecode(name), urlDecode(value));
        }
        return parameters;
    }

    static String urlDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ServiceError(400, "MalformedQueryString", "Bad percent-encoding: " + value);
        }
    }
}
