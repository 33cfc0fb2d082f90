package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException;

/**
 * The {@code /ws} connections on Jetty, each handed to the agent's {@link WebSocketHandler}: a connection is one call,
 * whose {@link InvocationScope} (request context from the upgrade request, and one span from open to close) is
 * entered for every event.
 */
final class JettyWebSocket {

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);

    private JettyWebSocket() {
    }

    /** @param upgradeHeaders the upgrade request's headers, custom headers from its query included */
    static Connection open(WebSocketHandler handler, Map<String, String> upgradeHeaders) {
        return new Connection(handler, upgradeHeaders);
    }

    /**
     * One connection. Public only because Jetty calls a listener's methods through public method handles; the
     * package-private class around it keeps it out of the library's API.
     */
    public static final class Connection implements Session.Listener.AutoDemanding, WebSocketSession {

        private final WebSocketHandler handler;
        private final InvocationScope scope;
        private volatile Session session;

        private Connection(WebSocketHandler handler, Map<String, String> upgradeHeaders) {
            this.handler = handler;
            this.scope = InvocationScope.open(upgradeHeaders, "WebSocket /ws", "WebSocket");
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
            dispatch("open", () -> handler.onOpen(this));
        }

        @Override
        public void onWebSocketText(String message) {
            dispatch("text message", () -> handler.onText(this, message));
        }

        @Override
        public void onWebSocketBinary(ByteBuffer message, Callback callback) {
            // The buffer is Jetty's until the callback completes, so the handler reads it first.
            dispatch("binary message", () -> handler.onBinary(this, message));
            callback.succeed();
        }

        @Override
        public void onWebSocketError(Throwable failure) {
            if (failure instanceof MessageTooLargeException) {
                try (InvocationScope.Entered entered = scope.enter()) {
                    LOG.warning(() -> "WebSocket message refused: " + failure.getMessage());
                }
            } else {
                LOG.log(Level.FINE, "WebSocket error", failure);
            }
        }

        @Override
        public void onWebSocketClose(int code, String reason) {
            try (InvocationScope.Entered entered = scope.enter()) {
                try {
                    handler.onClose(this, code, reason);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "WebSocket close handler failed", e);
                }
            } finally {
                scope.span().end();
            }
        }

        /** Runs one handler method with the connection's context current; a failure closes the connection with 1011. */
        private void dispatch(String event, HandlerCall call) {
            try (InvocationScope.Entered entered = scope.enter()) {
                try {
                    call.run();
                } catch (Exception | Error e) {
                    scope.span().fail(e);
                    LOG.log(Level.SEVERE, e, () -> "WebSocket handler failed on " + event + "; closing with "
                            + SERVER_ERROR);
                    close(SERVER_ERROR, "Internal server error");
                }
            }
        }

        @FunctionalInterface
        private interface HandlerCall {
            void run() throws Exception;
        }

        @Override
        public RequestContext context() {
            return scope.context();
        }

        @Override
        public void sendText(String message) throws IOException {
            await(callback -> session.sendText(message, callback));
        }

        @Override
        public void sendBinary(ByteBuffer message) throws IOException {
            await(callback -> session.sendBinary(message, callback));
        }

        /** One message at a time, so handlers may send from several threads without interleaving frames. */
        private synchronized void await(Consumer<Callback.Completable> send) throws IOException {
            try {
                Callback.Completable.with(send).get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while sending", e);
            }
        }

        @Override
        public void close(int code, String reason) {
            Session current = session;
            if (current != null) {
                current.close(code, reason, Callback.NOOP);
            }
        }

        @Override
        public boolean isOpen() {
            Session current = session;
            return current != null && current.isOpen();
        }
    }
}
