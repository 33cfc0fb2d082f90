package io.github.agentcore4j.maven.core.invoke;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The agent's answer as it arrives: the body is read while the agent is still streaming.
 *
 * @param statusCode the HTTP status
 * @param contentType the Content-Type, or an empty string
 * @param body the body stream; closing the response closes it
 * @param traceId the trace the invocation was recorded in, or {@code null} when the answer does not say
 */
public record InvocationResponse(int statusCode, String contentType, InputStream body, String traceId)
        implements Closeable {

    /** An answer that names no trace. */
    public InvocationResponse(int statusCode, String contentType, InputStream body) {
        this(statusCode, contentType, body, null);
    }

    /** The trace id in a W3C {@code traceparent} value ({@code 00-<trace id>-<span id>-<flags>}), else null. */
    public static String traceIdOf(String traceparent) {
        String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
