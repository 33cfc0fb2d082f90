package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP protocol: {@code POST /invocations} binds the payload, calls the entrypoint, answers with JSON or an event
 * stream; {@code /ws} on the same port when the app has a WebSocket handler.
 */
final class InvocationEndpoint implements Protocol {

    /** The port AgentCore sends HTTP (and AG-UI) requests to. */
    static final int PORT = 8080;
    /** The generic port variable, honoured by HTTP agents only. */
    static final String PORT_VARIABLE = "PORT";
    static final String PATH = "/invocations";
    static final Defaults DEFAULTS = new Defaults(PORT, PORT_VARIABLE, PATH);

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);

    private Invocable entrypoint;
    private WebSocketHandler webSocket;
    private long maxRequestBytes;

    void entrypoint(Invocable entrypoint) {
        this.entrypoint = entrypoint;
    }

    void webSocket(WebSocketHandler webSocket) {
        this.webSocket = webSocket;
    }

    @Override
    public Defaults defaults() {
        return DEFAULTS;
    }

    @Override
    public void wire(Wiring wiring) {
        if (entrypoint == null) {
            LOG.warning("No entrypoint registered; /invocations will answer 500 until one is");
        }
        maxRequestBytes = wiring.maxRequestBytes();
        wiring.invocations("POST", "POST /invocations", "HTTP", this::invoke);
        wiring.webSocket(webSocket);
    }

    private void invoke(HttpCall call, RequestContext context, InvocationSpan span) throws IOException {
        long started = System.nanoTime();
        SseResponse events = new SseResponse(call);
        RequestBody body = null;
        try {
            if (entrypoint == null) {
                Responses.error(call, 500, "No entrypoint defined", null);
                return;
            }
            body = entrypoint.takesWholeBody() ? RequestBody.readWhole(call, maxRequestBytes)
                    : RequestBody.read(call, maxRequestBytes);
            // No local keeps the body or the payload: once bound, the body is garbage, and the payload once called.
            Object result = await(entrypoint.call(entrypoint.bind(body), context, events));
            if (entrypoint.emitsEvents() || SseResponse.isStream(result)) {
                span.name("POST /invocations (stream)");
                if (!entrypoint.emitsEvents()) {
                    events.drain(result);
                }
                events.finish();
                LOG.info(() -> "Streaming invocation completed (" + seconds(started) + ")");
            } else {
                Responses.result(call, 200, result);
                LOG.info(() -> "Invocation completed successfully (" + seconds(started) + ")");
            }
        } catch (PayloadBinder.BadRequestException e) {
            Responses.badRequest(call, e);
        } catch (RequestBody.Refused e) {
            Responses.refused(call, e);
        } catch (EventEmitter.ClientDisconnectedException e) {
            LOG.info(() -> "The caller disconnected; stream stopped (" + seconds(started) + ")");
        } catch (Exception e) {
            span.fail(e);
            fail(call, events, e, started);
        } finally {
            if (body != null) {
                body.close();
            }
            call.close();
        }
    }

    private static void fail(HttpCall call, SseResponse events, Exception failure, long started)
            throws IOException {
        if (failure instanceof AuthorizationRequiredException authorization) {
            answerAuthorizationRequired(call, events, authorization, started);
            return;
        }
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        if (events.committed()) {
            LOG.log(Level.SEVERE, failure, () -> "Streaming invocation failed (" + seconds(started) + ")");
            events.sendError(failure);
        } else if (failure instanceof InvocationException answer) {
            LOG.warning(() -> "Invocation returned HTTP " + answer.status() + " (" + seconds(started) + "): " + message);
            Responses.error(call, answer.status(), message, null);
        } else {
            LOG.log(Level.SEVERE, failure, () -> "Invocation failed (" + seconds(started) + ")");
            Responses.error(call, 500, message, null);
        }
    }

    /**
     * Hands a user's authorization URL to the caller in a 200 answer (or the stream's last event): a deployed agent's
     * error status reaches its caller as a bare 424, without the URL.
     */
    private static void answerAuthorizationRequired(HttpCall call, SseResponse events,
            AuthorizationRequiredException authorization, long started) throws IOException {
        LOG.info(() -> "Invocation needs the user's authorization for credential provider "
                + authorization.providerName() + " (" + seconds(started) + ")");
        if (events.committed()) {
            events.send(authorization.toEvent());
            events.finish();
        } else {
            Responses.result(call, 200, authorization.toEvent());
        }
    }

    /** A handler may answer later: its {@code CompletionStage} is awaited on the invocation's own thread. */
    private static Object await(Object result) throws Exception {
        if (!(result instanceof CompletionStage<?> stage)) {
            return result;
        }
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Elapsed time as {@code 0.042s}; String.format would load locale data on the first invocation. */
    static String seconds(long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        String fraction = Long.toString(1000 + millis % 1000).substring(1);
        return millis / 1000 + "." + fraction + "s";
    }
}
