package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sessions this process has served: runs the app's {@link SessionStartHandler} once per session id, when its first
 * invocation arrives and before that invocation's handler; other invocations of the session wait until it is done.
 * Invocations without a session id (local calls) count as one session. Warmup calls never start one.
 */
final class SessionStarts {

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);
    /** The key of invocations that carry no session id. */
    private static final String NO_SESSION = "";

    private final SessionStartHandler handler;
    private final Runnable firstSession;
    private final Map<String, FutureTask<Void>> started = new ConcurrentHashMap<>();
    private volatile boolean anyStarted;

    /**
     * @param handler the app's handler, or null for none
     * @param firstSession what to do when the process's first real invocation arrives
     */
    SessionStarts(SessionStartHandler handler, Runnable firstSession) {
        this.handler = handler;
        this.firstSession = firstSession;
    }

    /** Whether a real (not warmup) invocation has arrived: after that, no snapshot is being prepared. */
    boolean anyStarted() {
        return anyStarted;
    }

    /**
     * {@code endpoint}, preceded by the session start of a session's first invocation; the calls {@code warmup}
     * sends are served as they are.
     */
    Route.Handler before(Route.Handler endpoint, Warmup warmup) {
        return call -> {
            if (warmup.sent(call)) {
                Warmup.serve(call, endpoint);
                return;
            }
            if (!anyStarted) {
                anyStarted = true;
                firstSession.run();
            }
            if (handler != null && !start(call)) {
                return;
            }
            endpoint.handle(call);
        };
    }

    /** @return false when the session start failed and its invocation has been answered */
    private boolean start(HttpCall call) throws IOException {
        String sessionId = call.requestHeader(RequestContext.SESSION_ID_HEADER);
        String key = sessionId == null ? NO_SESSION : sessionId;
        FutureTask<Void> start = started.get(key);
        if (start == null) {
            FutureTask<Void> mine = new FutureTask<>(() -> {
                runHandler(call);
                return null;
            });
            start = started.putIfAbsent(key, mine);
            if (start == null) {
                start = mine;
                mine.run();
            }
        }
        try {
            start.get();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.error(call, 503, "Session start interrupted", null);
        } catch (ExecutionException e) {
            // The next invocation of the session tries again.
            started.remove(key, start);
            Throwable cause = e.getCause();
            LOG.log(Level.SEVERE, cause, () -> "Session start failed for session " + sessionId);
            Responses.error(call, 500, "Session start failed",
                    cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
        }
        return false;
    }

    private void runHandler(HttpCall call) throws Exception {
        RequestContext context = RequestContext.fromHeaders(call.requestHeaders());
        RequestContext previous = context.makeCurrent();
        long started = System.nanoTime();
        try {
            handler.onSessionStart(context);
            LOG.info(() -> "Session started (" + InvocationEndpoint.seconds(started) + ")");
        } finally {
            RequestContext.restore(previous);
        }
    }
}
