package io.github.agentcore4j.runtime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A warmup invocation, in memory: it runs the protocol's endpoint exactly as a request from AgentCore would (binding,
 * handler, JSON or events out, logging) without a connection, and keeps the status and the start of the answer.
 */
final class WarmupCall implements HttpCall {

    private static final int KEPT_ANSWER_BYTES = 512;

    private final String path;
    private final byte[] body;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final StringBuilder answer = new StringBuilder();
    private int status;

    WarmupCall(String path, byte[] body, String requestId) {
        this.path = path;
        this.body = body;
        headers.put("Content-Type", Responses.JSON);
        headers.put("Accept", Responses.JSON + ", text/event-stream");
        headers.put("Content-Length", Integer.toString(body.length));
        headers.put(RequestContext.REQUEST_ID_HEADER, requestId);
    }

    int status() {
        return status;
    }

    /** The first bytes of the answer, to explain a failed warmup call. */
    String answerStart() {
        return answer.toString();
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String requestHeader(String name) {
        return headers.get(name);
    }

    @Override
    public Map<String, String> requestHeaders() {
        return Collections.unmodifiableMap(headers);
    }

    @Override
    public InputStream requestBody() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public void setResponseHeader(String name, String value) {
        // Nobody reads a warmup call's answer headers.
    }

    @Override
    public void sendResponseHeaders(int status, long length) {
        this.status = status;
    }

    @Override
    public OutputStream responseBody() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                int kept = Math.min(length, KEPT_ANSWER_BYTES - answer.length());
                if (kept > 0) {
                    answer.append(new String(bytes, offset, kept, StandardCharsets.UTF_8));
                }
            }
        };
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
