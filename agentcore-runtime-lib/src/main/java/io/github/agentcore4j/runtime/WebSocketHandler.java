package io.github.agentcore4j.runtime;

import java.nio.ByteBuffer;

/**
 * Handles the WebSocket connections AgentCore Runtime opens on {@code /ws}; register it with
 * {@link AgentCoreApp#websocket(WebSocketHandler)}.
 *
 * <pre>{@code
 * AgentCoreApp.create()
 *     .entrypoint(Question.class, question -> answer(question))
 *     .websocket(new WebSocketHandler() {
 *         public void onText(WebSocketSession session, String message) throws IOException {
 *             session.sendText("echo: " + message);
 *         }
 *     })
 *     .run();
 * }</pre>
 *
 * <p>Messages of one connection arrive one at a time, in order, each with the connection's {@link RequestContext}
 * current (see {@link RequestContext#current()}). When a method throws, the connection is closed with code
 * {@value WebSocketSession#SERVER_ERROR} (server error); a message larger than the platform's 32 KB limit closes it
 * with {@value WebSocketSession#MESSAGE_TOO_BIG}.
 */
public interface WebSocketHandler {

    /** The connection is open; the session can send at once. */
    default void onOpen(WebSocketSession session) throws Exception {
    }

    /** A text message (JSON or plain text). Unless overridden, text is refused with close code 1003. */
    default void onText(WebSocketSession session, String message) throws Exception {
        session.close(WebSocketSession.UNSUPPORTED_DATA, "This agent does not accept text messages");
    }

    /** A binary message. Unless overridden, binary data is refused with close code 1003. */
    default void onBinary(WebSocketSession session, ByteBuffer message) throws Exception {
        session.close(WebSocketSession.UNSUPPORTED_DATA, "This agent does not accept binary messages");
    }

    /** The connection has closed, by either side, with this close code. */
    default void onClose(WebSocketSession session, int code, String reason) {
    }
}
