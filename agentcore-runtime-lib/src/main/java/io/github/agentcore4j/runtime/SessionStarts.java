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
 * invocation arrives and before that invocation's handler, in that invocation's {@link RequestContext}; other
 * invocations of the session wait until it is done.
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
     * Starts the session of a real (not warmup) call, if this is its first, with the call's context current; other
     * calls of the session wait until that is done.
     *
     * @return false when the session start failed and the call has been answered
     */
    boolean started(HttpCall call, RequestContext context) throws IOException {
        if (!anyStarted) {
            anyStarted = true;
            firstSession.run();
        }
        return handler == null || start(call, context);
    }

    private boolean start(HttpCall call, RequestContext context) throws IOException {
        String sessionId = context.sessionId();
        String key = sessionId == null ? NO_SESSION : sessionId;
        FutureTask<Void> start = started.get(key);
        if (start == null) {
            FutureTask<Void> mine = new FutureTask<>(() -> {
                runHandler(context);
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

    private void runHandler(RequestContext context) throws Exception {
        long started = System.nanoTime();
        handler.onSessionStart(context);
        LOG.info(() -> "Session started (" + InvocationEndpoint.seconds(started) + ")");
    }
}
