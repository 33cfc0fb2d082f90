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
 */
public record InvocationResponse(int statusCode, String contentType, InputStream body) implements Closeable {

    @Override
    public void close() throws IOException {
        body.close();
    }
}
