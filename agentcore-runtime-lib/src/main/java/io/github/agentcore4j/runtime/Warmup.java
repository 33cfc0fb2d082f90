package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code POST /warmup}: runs the protocol's endpoint in memory with the app's warmup payloads, round after round, until
 * the rounds are done or the time budget is spent, so the JIT has compiled the hot paths before AgentCore Runtime V2
 * takes its snapshot. Answers 200 with what it did; refused with 409 once a real session has started. Warmup calls
 * never start a session, and only the first round's log lines are written.
 */
final class Warmup implements Route.Handler {

    static final String PATH_PROPERTY = "agentcore.warmupPath";
    static final String PATH_VARIABLE = "AGENTCORE_WARMUP_PATH";
    static final String DEFAULT_PATH = "/warmup";
    /** Enough for C2 to compile the hot paths (its thresholds are around 10,000 calls of a method). */
    static final int DEFAULT_ROUNDS = 10_000;
    /** Half of the build hook's 120 s, leaving time for the start-up before it and for one slow last call. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);
    /** The thread running rounds after the first, whose log records are dropped. */
    private static volatile Thread quietThread;

    private final String path;
    private final Route.Handler endpoint;
    private final Supplier<List<?>> payloads;
    private final int rounds;
    private final Duration budget;
    private final SessionStarts sessions;

    /**
     * @param path the protocol's invocation path, which warmup calls carry
     * @param endpoint the protocol's endpoint, without session starts
     * @param payloads one round's payloads: a String is the body text, a byte[] the body, anything else is written
     *     as JSON
     */
    Warmup(String path, Route.Handler endpoint, Supplier<List<?>> payloads, int rounds, Duration budget,
            SessionStarts sessions) {
        this.path = path;
        this.endpoint = endpoint;
        this.payloads = payloads;
        this.rounds = rounds;
        this.budget = budget;
        this.sessions = sessions;
    }

    /** Whether records logged on {@code thread} are warmup noise, dropped by the library's log handler. */
    static boolean quietens(Thread thread) {
        return thread == quietThread;
    }

    @Override
    public void handle(HttpCall call) throws IOException {
        if (sessions.anyStarted()) {
            LOG.warning("Warmup refused: a session has started");
            Responses.error(call, 409, "Warmup refused",
                    "A session has started; warmup runs only before the first session, when the snapshot is taken");
            return;
        }
        Map<String, Object> done;
        synchronized (this) {
            done = run();
        }
        Responses.json(call, 200, Json.writeMap(done));
    }

    private Map<String, Object> run() throws IOException {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        LOG.info(() -> "Warmup started: up to " + rounds + " rounds or " + budget.toSeconds() + " s");
        int round = 0;
        int calls = 0;
        int failures = 0;
        try {
            while (round < rounds && System.nanoTime() < deadline && !sessions.anyStarted()) {
                round++;
                if (round == 2) {
                    quietThread = Thread.currentThread();
                }
                for (Object payload : payloads.get()) {
                    WarmupCall warmupCall = new WarmupCall(path, body(payload), "warmup-" + round);
                    endpoint.handle(warmupCall);
                    calls++;
                    if (warmupCall.status() >= 400) {
                        if (failures++ == 0) {
                            LOG.warning(() -> "Warmup call answered HTTP " + warmupCall.status() + ": "
                                    + warmupCall.answerStart());
                        }
                    }
                }
                if (calls == 0) {
                    break;
                }
            }
        } finally {
            quietThread = null;
        }
        int roundsRun = round;
        int callsRun = calls;
        int failed = failures;
        String seconds = InvocationEndpoint.seconds(started);
        LOG.info(() -> "Warmup done: " + callsRun + " call(s) in " + roundsRun + " round(s), " + failed
                + " failed (" + seconds + ")");
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("rounds", roundsRun);
        done.put("calls", callsRun);
        done.put("failures", failed);
        done.put("seconds", seconds.substring(0, seconds.length() - 1));
        return done;
    }

    private static byte[] body(Object payload) {
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return Json.write(payload);
    }
}
