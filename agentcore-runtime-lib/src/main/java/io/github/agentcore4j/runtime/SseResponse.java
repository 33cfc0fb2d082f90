package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * A {@code text/event-stream} response framed as the Python SDK frames it: {@code data: <json>\n\n} per event, each
 * flushed at once, no terminal event. Headers go out with the first event, so a handler that fails before sending
 * anything still gets an ordinary error response; a failure after that becomes one final error event.
 */
final class SseResponse implements EventEmitter {

    private static final byte[] PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TERMINATOR = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpCall call;
    /** An event's data goes to the open stream, whole or as it is serialised. */
    private final AnswerStream.Destination eventData = new AnswerStream.Destination() {
        @Override
        public OutputStream stream() {
            return out;
        }

        @Override
        public void whole(byte[] bytes, int length) throws IOException {
            out.write(bytes, 0, length);
        }
    };
    private OutputStream out;
    private boolean disconnected;
    private boolean finished;

    SseResponse(HttpCall call) {
        this.call = call;
        call.onServerStop(this::endForShutdown);
    }

    static boolean isStream(Object result) {
        return result instanceof Stream || result instanceof Iterator || result instanceof Flow.Publisher;
    }

    /**
     * Sends one event, its JSON serialised straight into the stream: an event over {@link AnswerStream#LIMIT} bytes
     * is never held whole. A failure to serialise after part of it has gone ends the stream, as the caller's leaving
     * does: the event is broken on the wire.
     */
    @Override
    public synchronized void send(Object event) throws IOException {
        if (disconnected) {
            throw new ClientDisconnectedException(new IOException("stream already closed"));
        }
        try {
            commit();
            out.write(PREFIX);
            AnswerStream data = new AnswerStream(eventData);
            Json.write(event, data);
            data.finish();
            out.write(TERMINATOR);
            out.flush();
        } catch (IOException e) {
            disconnected = true;
            throw new ClientDisconnectedException(e);
        }
    }

    /** Whether any part of the response has gone out; after that only events can report an error. */
    synchronized boolean committed() {
        return out != null;
    }

    /**
     * Sends every element of a {@code Stream}, {@code Iterator} or {@code Flow.Publisher}, closing or cancelling the
     * source when the caller disconnects.
     */
    void drain(Object source) throws Exception {
        if (source instanceof Stream<?> stream) {
            try (stream) {
                drain(stream.iterator());
            }
        } else if (source instanceof Iterator<?> iterator) {
            try {
                while (iterator.hasNext()) {
                    send(iterator.next());
                }
            } finally {
                if (iterator instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        } else {
            drain((Flow.Publisher<?>) source);
        }
    }

    private void drain(Flow.Publisher<?> publisher) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<Object>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(Object item) {
                try {
                    send(item);
                    subscription.request(1);
                } catch (IOException e) {
                    subscription.cancel();
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        try {
            done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Ends a committed stream with the Python SDK's error event; the status line already said 200. */
    synchronized void sendError(Throwable failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", String.valueOf(failure.getMessage()));
        error.put("error_type", failure.getClass().getSimpleName());
        error.put("message", "An error occurred during streaming");
        try {
            send(error);
        } catch (IOException callerGone) {
            // Nobody is left to tell.
        }
        finished = true;
    }

    /**
     * Ends a stream the server is stopping under: one final error event, then the clean end of the response, so the
     * caller knows the answer is incomplete rather than seeing the connection cut. The handler's next event fails as
     * if the caller had left.
     */
    synchronized void endForShutdown() {
        if (out == null || disconnected || finished) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", "The agent is stopping (the session ended) before this stream finished");
        error.put("error_type", "AgentStopping");
        error.put("message", "An error occurred during streaming");
        try {
            send(error);
        } catch (IOException | RuntimeException callerGoneOrCallEnded) {
            // Nobody is left to tell.
        }
        disconnected = true;
        call.close();
    }

    /** Completes the response; a stream that sent no events is an empty event stream. */
    synchronized void finish() throws IOException {
        finished = true;
        if (!disconnected) {
            commit();
        }
        call.close();
    }

    private void commit() throws IOException {
        if (out == null) {
            call.setResponseHeader("Content-Type", "text/event-stream; charset=utf-8");
            call.setResponseHeader("Cache-Control", "no-cache");
            call.sendResponseHeaders(200, 0);
            out = call.responseBody();
        }
    }
}
