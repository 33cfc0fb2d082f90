package io.github.agentcore4j.runtime;

import java.io.IOException;

/**
 * Sends Server-Sent Events to the caller of a streaming invocation, each flushed as soon as it is sent.
 * Each event is written as {@code data: <event as JSON>} followed by a blank line.
 */
public interface EventEmitter {

    /**
     * Sends one event: a string becomes a JSON string, anything else its JSON form.
     *
     * @throws ClientDisconnectedException when the caller has gone; stop producing events then
     */
    void send(Object event) throws IOException;

    /** Signals that the caller went away while a stream was being written. */
    final class ClientDisconnectedException extends IOException {

        private static final long serialVersionUID = 1L;

        ClientDisconnectedException(IOException cause) {
            super("The caller disconnected", cause);
        }
    }
}
