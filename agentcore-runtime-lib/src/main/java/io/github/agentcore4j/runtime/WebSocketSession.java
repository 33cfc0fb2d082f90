package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;

/** One WebSocket connection on {@code /ws}, as its {@link WebSocketHandler} sees it. */
public interface WebSocketSession {

    /** Normal closure. */
    int NORMAL = 1000;
    /** The endpoint cannot accept this kind of data (text or binary). */
    int UNSUPPORTED_DATA = 1003;
    /** A policy was violated. */
    int POLICY_VIOLATION = 1008;
    /** The message is larger than the agent accepts (the platform's frame limit is 32 KB). */
    int MESSAGE_TOO_BIG = 1009;
    /** The handler failed. */
    int SERVER_ERROR = 1011;

    /** The context of the upgrade request: session id, request id, tokens and forwarded headers. */
    RequestContext context();

    /** Sends a text message and waits until it is written. */
    void sendText(String message) throws IOException;

    /** Sends a binary message and waits until it is written. */
    void sendBinary(ByteBuffer message) throws IOException;

    /** Starts the closing handshake with this code and reason. */
    void close(int code, String reason);

    boolean isOpen();
}
