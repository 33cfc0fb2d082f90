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
 * One {@code /ws} connection on Jetty, handed to the agent's {@link WebSocketHandler} in its request context.
 * Not part of the API: it is public only because Jetty calls its listener methods through public method handles.
 */
public final class JettyWebSocket implements Session.Listener.AutoDemanding, WebSocketSession {

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);

    private final WebSocketHandler handler;
    private final RequestContext context;
    /** One span for the whole connection, current while a handler method runs. */
    private final InvocationSpan span;
    private volatile Session session;

    JettyWebSocket(WebSocketHandler handler, RequestContext context) {
        this.handler = handler;
        this.context = context;
        this.span = InvocationSpan.start("WebSocket /ws", "WebSocket", context, Map.of());
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
            RequestContext previous = context.makeCurrent();
            try {
                LOG.warning(() -> "WebSocket message refused: " + failure.getMessage());
            } finally {
                RequestContext.restore(previous);
            }
        } else {
            LOG.log(Level.FINE, "WebSocket error", failure);
        }
    }

    @Override
    public void onWebSocketClose(int code, String reason) {
        try (InvocationSpan.Scope scope = span.attach()) {
            context.runWith(() -> {
                try {
                    handler.onClose(this, code, reason);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "WebSocket close handler failed", e);
                }
            });
        } finally {
            span.end();
        }
    }

    /** Runs one handler method with the connection's context current; a failure closes the connection with 1011. */
    private void dispatch(String event, HandlerCall call) {
        RequestContext previous = context.makeCurrent();
        try (InvocationSpan.Scope scope = span.attach()) {
            call.run();
        } catch (Exception | Error e) {
            span.fail(e);
            LOG.log(Level.SEVERE, e, () -> "WebSocket handler failed on " + event + "; closing with " + SERVER_ERROR);
            close(SERVER_ERROR, "Internal server error");
        } finally {
            RequestContext.restore(previous);
        }
    }

    @FunctionalInterface
    private interface HandlerCall {
        void run() throws Exception;
    }

    @Override
    public RequestContext context() {
        return context;
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
