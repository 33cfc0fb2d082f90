package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code POST /warmup}: sends the app's warmup payloads to the agent's own invocation path over loopback, round after
 * round, until the rounds are done or the time budget is spent, so the JIT has compiled the whole request path (HTTP
 * engine included) before AgentCore Runtime V2 takes its snapshot. Answers 200 with what it did; refused with 409 once
 * a real session has started. Warmup calls carry a token valid only while warmup runs; they never start a session,
 * and only the first round's log lines are written.
 */
final class Warmup implements Route.Handler {

    static final String PATH_PROPERTY = "agentcore.warmupPath";
    static final String PATH_VARIABLE = "AGENTCORE_WARMUP_PATH";
    static final String DEFAULT_PATH = "/warmup";
    /** The header that marks the library's own warmup calls. */
    static final String TOKEN_HEADER = "X-Agentcore4j-Warmup";
    /** Enough for C2 to compile the hot paths (its thresholds are around 10,000 calls of a method). */
    static final int DEFAULT_ROUNDS = 10_000;
    /** Half of the build hook's 120 s, leaving time for the start-up before it and for one slow last call. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);
    /**
     * Warmup calls' request ids are {@code warmup-<round>-<uuid>}: drawn from {@link Ids} as a real invocation's id
     * is when its caller sends none, so that path is compiled before the snapshot too.
     */
    private static final String FIRST_ROUND_PREFIX = "warmup-1-";
    /** How long the JIT must stay idle after the rounds before warmup answers. */
    private static final long COMPILER_IDLE_MILLIS = 200;
    /** Set on a thread while it serves a warmup call after the first round, whose log records are dropped. */
    private static final ThreadLocal<Boolean> QUIET = new ThreadLocal<>();

    private final String path;
    private final Supplier<List<?>> payloads;
    private final int rounds;
    private final Duration budget;
    private final SessionStarts sessions;
    private volatile String token;
    private volatile URL target;

    /**
     * @param path the protocol's invocation path
     * @param payloads one round's payloads: a String is the body text, a byte[] the body, anything else is written
     *     as JSON
     */
    Warmup(String path, Supplier<List<?>> payloads, int rounds, Duration budget, SessionStarts sessions) {
        this.path = path;
        this.payloads = payloads;
        this.rounds = rounds;
        this.budget = budget;
        this.sessions = sessions;
    }

    /** Where the warmup calls go, once the server listens: its address, or loopback when it listens on all. */
    void listeningOn(InetSocketAddress address) {
        InetAddress host = address.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress()
                : address.getAddress();
        try {
            target = new URL("http", host.getHostAddress(), address.getPort(), path);
        } catch (MalformedURLException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether {@code call} is one of the calls the warmup running now sends. */
    boolean sent(HttpCall call) {
        String current = token;
        return current != null && current.equals(call.requestHeader(TOKEN_HEADER));
    }

    /** Serves a warmup call, its log records dropped after the first round. */
    static void serve(HttpCall call, Route.Handler endpoint) throws IOException {
        String requestId = call.requestHeader(RequestContext.REQUEST_ID_HEADER);
        boolean quiet = requestId == null || !requestId.startsWith(FIRST_ROUND_PREFIX);
        QUIET.set(quiet ? Boolean.TRUE : null);
        try {
            endpoint.handle(call);
        } finally {
            QUIET.remove();
        }
    }

    /** Whether records logged on this thread now are warmup noise, dropped by the library's log handler. */
    static boolean quiet() {
        return QUIET.get() != null;
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
            token = Ids.uuid();
            try {
                done = run();
            } finally {
                token = null;
            }
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
        while (round < rounds && System.nanoTime() < deadline && !sessions.anyStarted()) {
            round++;
            for (Object payload : payloads.get()) {
                calls++;
                // Every fourth round ends its connection: a restored session's first invocation comes on a new one.
                String failure = send(body(payload), "warmup-" + round + "-" + Ids.uuid(), round % 4 == 0);
                if (failure != null && failures++ == 0) {
                    LOG.warning(() -> "Warmup call failed: " + failure);
                }
            }
            if (calls == 0) {
                break;
            }
        }
        if (calls > 0) {
            awaitCompilerIdle(deadline);
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

    /**
     * Waits, within the budget, until the JIT has compiled what the rounds queued (its total compilation time stops
     * growing), so a snapshot taken now holds the compiled code rather than a compile queue.
     */
    private static void awaitCompilerIdle(long deadline) {
        CompilationMXBean compiler;
        try {
            compiler = ManagementFactory.getCompilationMXBean();
        } catch (LinkageError runtimeWithoutJavaManagement) {
            return;
        }
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long compiled = -1;
        try {
            while (System.nanoTime() < deadline && compiler.getTotalCompilationTime() != compiled) {
                compiled = compiler.getTotalCompilationTime();
                Thread.sleep(COMPILER_IDLE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One warmup call over loopback; null when it answered 2xx. */
    private String send(byte[] body, String requestId, boolean closeConnection) throws IOException {
        // Never through a proxy the application configured for its own calls.
        HttpURLConnection connection = (HttpURLConnection) target.openConnection(Proxy.NO_PROXY);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setRequestProperty("Content-Type", Responses.JSON);
        connection.setRequestProperty("Accept", Responses.JSON + ", text/event-stream");
        connection.setRequestProperty(RequestContext.REQUEST_ID_HEADER, requestId);
        connection.setRequestProperty(TOKEN_HEADER, token);
        if (closeConnection) {
            // Asked of the server, so the next round connects anew: HttpURLConnection.disconnect() cannot close a
            // connection it has already put back in its keep-alive cache, and warmup then never ran the server's
            // accept and close paths (-XX:+PrintCompilation showed them compiled only after the first real calls).
            connection.setRequestProperty("Connection", "close");
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        byte[] text = answer == null ? new byte[0] : answer.readAllBytes();
        if (answer != null) {
            answer.close();
        }
        return status < 300 ? null
                : "HTTP " + status + ": " + new String(text, 0, Math.min(text.length, 300), StandardCharsets.UTF_8);
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
