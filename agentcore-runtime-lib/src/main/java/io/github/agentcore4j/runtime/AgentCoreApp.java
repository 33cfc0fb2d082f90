package io.github.agentcore4j.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An agent that Amazon Bedrock AgentCore Runtime can host: register an entrypoint, then {@link #run()}.
 *
 * <pre>{@code
 * AgentCoreApp.create()
 *     .entrypoint(Question.class, (question, context) -> new Answer("echo: " + question.prompt()))
 *     .run();
 * }</pre>
 *
 * <p>It serves the AgentCore HTTP contract: {@code POST /invocations} (JSON in; JSON out, or Server-Sent Events when
 * the handler returns a {@code Stream}, {@code Iterator} or {@code Flow.Publisher}, or takes an {@link EventEmitter})
 * and {@code GET /ping}. Each invocation runs on its own thread (virtual on Java 21+). The port is
 * {@code -Dagentcore.port}, else the {@code AGENTCORE_PORT} environment variable, else {@code PORT}, else 8080; the
 * path is {@code -Dagentcore.invocationPath}, else {@code AGENTCORE_INVOCATION_PATH}, else {@code /invocations}; the
 * host is {@code 0.0.0.0} inside a container (environment variable {@code DOCKER_CONTAINER} set, or
 * {@code /.dockerenv} present) and {@code 127.0.0.1} otherwise.
 *
 * <p>On AgentCore Runtime V2 every session restores a snapshot taken after start-up: {@link #onSessionStart} runs
 * per-session set-up, {@link #warmup(Object...)} registers what {@code POST /warmup} runs before the snapshot, and
 * {@link Ids} draws ids that differ per session.
 *
 * <p>The same app serves AgentCore's other protocols: {@link #websocket(WebSocketHandler)} adds {@code /ws} on the
 * HTTP port; {@link #mcpServer(Function)} makes it an MCP server ({@code POST /mcp} on port 8000) and
 * {@link #a2aAgent(A2aAgent)} an A2A agent ({@code POST /} on port 9000); {@link #agUi(AgUiHandler)} an AG-UI
 * agent ({@code POST /invocations} and {@code /ws} on port 8080). {@code /ping} and the task API work the same for
 * all.
 */
public final class AgentCoreApp {

    /** The logger the library logs to; the agent's own loggers get the same JSON format. */
    static final String LOGGER_NAME = "io.github.agentcore4j.runtime";
    static final String PORT_PROPERTY = "agentcore.port";
    static final String HOST_PROPERTY = "agentcore.host";
    /** The environment variable AgentCore deployments set to a custom serving port; beats the protocol's own. */
    static final String PORT_VARIABLE = "AGENTCORE_PORT";
    /** The path the protocol's requests arrive on: {@code /invocations}, {@code /mcp} or A2A's {@code /}. */
    static final String INVOCATION_PATH_PROPERTY = "agentcore.invocationPath";
    static final String INVOCATION_PATH_VARIABLE = "AGENTCORE_INVOCATION_PATH";
    /** AgentCore accepts invocation payloads up to 100 MB. */
    static final long DEFAULT_MAX_REQUEST_BYTES = 100L * 1024 * 1024;
    /** AgentCore gives a stopping session about 15 s; in-flight work gets most of it. */
    static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final PingTracker ping = new PingTracker(Clock.systemUTC());
    /** The protocol registered; null until one is, which serves HTTP without an entrypoint. */
    private Protocol protocol;
    private Integer port;
    private String host;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    private String invocationPath;
    private SessionStartHandler sessionStart;
    private Supplier<List<?>> warmupPayloads;
    private int warmupRounds = Warmup.DEFAULT_ROUNDS;
    private Duration warmupBudget = Warmup.DEFAULT_BUDGET;

    private AgentCoreApp() {
    }

    public static AgentCoreApp create() {
        // Every protocol reads and writes JSON, and most agents serve on the JDK's server: their set-up starts now,
        // beside the rest of start-up.
        FirstCallPrewarm.jdkServer();
        FirstCallPrewarm.json();
        return new AgentCoreApp();
    }

    /**
     * The library's logger, looked up where it is used: a static one would set up the logging system when this class
     * loads, on the main thread, before {@link #create()} has started the set-up that runs beside it.
     */
    private static Logger log() {
        return Logger.getLogger(LOGGER_NAME);
    }

    /** Registers the entrypoint: {@code payload -> response}. */
    public <T> AgentCoreApp entrypoint(Class<T> payloadType, PayloadHandler<? super T> handler) {
        return register(Invocable.of(payloadType, Objects.requireNonNull(handler, "handler")));
    }

    /** Registers the entrypoint: {@code (payload, context) -> response}. */
    public <T> AgentCoreApp entrypoint(Class<T> payloadType, InvocationHandler<? super T> handler) {
        return register(Invocable.of(payloadType, Objects.requireNonNull(handler, "handler")));
    }

    /** Registers a streaming entrypoint: {@code (payload, context, events) -> void}, answering with SSE. */
    public <T> AgentCoreApp entrypoint(Class<T> payloadType, StreamingHandler<? super T> handler) {
        return register(Invocable.of(payloadType, Objects.requireNonNull(handler, "handler")));
    }

    /** Registers the {@link Entrypoint}-annotated method of {@code agent}. */
    public AgentCoreApp entrypoint(Object agent) {
        return register(Invocable.ofAnnotated(Objects.requireNonNull(agent, "agent")));
    }

    private AgentCoreApp register(Invocable invocable) {
        http("an entrypoint").entrypoint(invocable);
        return this;
    }

    /**
     * Serves WebSocket connections on {@code /ws}, beside {@code /invocations} and {@code /ping} on the same port.
     * Needs {@code org.eclipse.jetty.websocket:jetty-websocket-jetty-server} on the classpath: such an agent runs on
     * Jetty, since the JDK's HTTP server cannot upgrade connections; agents without a WebSocket handler never load it.
     */
    public AgentCoreApp websocket(WebSocketHandler handler) {
        http("a WebSocket handler").webSocket(Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /**
     * Makes this app an MCP server: {@code POST /mcp} on port 8000 (or {@code -Dagentcore.port}), stateless
     * streamable HTTP as AgentCore requires. Build the server with the MCP Java SDK on the transport given:
     *
     * <pre>{@code
     * AgentCoreApp.create()
     *     .mcpServer(transport -> McpServer.sync(transport)
     *         .serverInfo("calculator", "1.0.0")
     *         .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
     *         .tools(addTool)
     *         .build())
     *     .run();
     * }</pre>
     *
     * Needs {@code io.modelcontextprotocol.sdk:mcp-core} and {@code mcp-json-jackson2} on the classpath. Tools see
     * the request's {@link RequestContext} through {@link RequestContext#current()}.
     */
    public AgentCoreApp mcpServer(Function<? super io.modelcontextprotocol.spec.McpStatelessServerTransport, ?> server) {
        return serve(new McpEndpoint(Objects.requireNonNull(server, "server")), "an MCP server");
    }

    /**
     * Makes this app an A2A agent: JSON-RPC 2.0 on {@code POST /} and its card on
     * {@code GET /.well-known/agent-card.json}, port 9000 (or {@code -Dagentcore.port}, else {@code A2A_PORT}).
     */
    public AgentCoreApp a2aAgent(A2aAgent agent) {
        return serve(new A2aEndpoint(Objects.requireNonNull(agent, "agent")), "an A2A agent");
    }

    /**
     * Makes this app an AG-UI agent (AgentCore protocol {@code AGUI}): {@code POST /invocations} takes an AG-UI
     * {@code RunAgentInput} and streams the run's events as Server-Sent Events, on port 8080 like HTTP agents. With
     * {@code org.eclipse.jetty.websocket:jetty-websocket-jetty-server} on the classpath, {@code /ws} carries the same
     * runs over WebSocket.
     *
     * <pre>{@code
     * AgentCoreApp.create()
     *     .agUi((input, context, events) -> events.text("You said: " + input.lastUserText()))
     *     .run();
     * }</pre>
     */
    public AgentCoreApp agUi(AgUiHandler handler) {
        return serve(new AgUiEndpoint(Objects.requireNonNull(handler, "handler")), "an AG-UI agent");
    }

    private AgentCoreApp serve(Protocol registered, String what) {
        requireNoOtherProtocol(registered.getClass(), what);
        protocol = registered;
        return this;
    }

    /** The HTTP protocol, which the entrypoint and the WebSocket handler register with in either order. */
    private InvocationEndpoint http(String what) {
        requireNoOtherProtocol(InvocationEndpoint.class, what);
        if (protocol == null) {
            protocol = new InvocationEndpoint();
        }
        return (InvocationEndpoint) protocol;
    }

    private void requireNoOtherProtocol(Class<? extends Protocol> kind, String what) {
        if (protocol != null && protocol.getClass() != kind) {
            throw new IllegalStateException("Cannot register " + what + ": an app serves one AgentCore protocol, "
                    + "HTTP (entrypoint and WebSocket), MCP, A2A or AG-UI; use one app per protocol");
        }
    }

    /**
     * Sets a custom ping status source, consulted unless a status is forced; when it throws or returns null, the
     * automatic status (busy while tasks run) applies.
     */
    public AgentCoreApp ping(Supplier<PingStatus> handler) {
        ping.custom(handler);
        return this;
    }

    /** Makes {@code /ping} report {@code status} until {@link #clearForcedPingStatus()}. */
    public void forcePingStatus(PingStatus status) {
        ping.force(Objects.requireNonNull(status, "status"));
    }

    public void clearForcedPingStatus() {
        ping.clearForced();
    }

    /** The status {@code /ping} reports now. */
    public PingStatus pingStatus() {
        return ping.snapshot().status();
    }

    /**
     * Records that background work has started; {@code /ping} says {@code HealthyBusy} until every such task is
     * completed, which keeps the AgentCore session alive.
     *
     * @return the id to pass to {@link #completeAsyncTask(long)}
     */
    public long addAsyncTask(String name) {
        return ping.addTask(name, null);
    }

    public long addAsyncTask(String name, Map<String, ?> metadata) {
        return ping.addTask(name, metadata);
    }

    /** @return false when no task with that id was running */
    public boolean completeAsyncTask(long taskId) {
        return ping.completeTask(taskId);
    }

    /**
     * Runs {@code work} on a background thread as a tracked task, in the caller's request context, so
     * {@code /ping} says busy until it ends, however it ends.
     */
    public <T> CompletableFuture<T> asyncTask(String name, Callable<T> work) {
        long id = addAsyncTask(name);
        RequestContext context = RequestContext.current().orElse(null);
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            RequestContext previous = context == null ? null : context.makeCurrent();
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                log().log(Level.SEVERE, e, () -> "Async task " + name + " failed");
                result.completeExceptionally(e);
            } finally {
                completeAsyncTask(id);
                RequestContext.restore(previous);
            }
        }, "agentcore-task-" + id);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** {@code {"active_count":n,"running_jobs":[{"name":…,"duration":seconds}]}}, as the Python SDK reports it. */
    public Map<String, Object> asyncTaskInfo() {
        return ping.taskInfo();
    }

    /** Listens on this port instead of the default; 0 picks a free one. */
    public AgentCoreApp port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be 0..65535, not " + port);
        }
        this.port = port;
        return this;
    }

    /** Listens on this address instead of the default. */
    public AgentCoreApp host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /**
     * Serves the protocol's requests on this path instead of {@code -Dagentcore.invocationPath}, the
     * {@code AGENTCORE_INVOCATION_PATH} environment variable or the default ({@code /invocations}, MCP {@code /mcp},
     * A2A {@code /}).
     *
     * @since 0.2.0
     */
    public AgentCoreApp invocationPath(String path) {
        this.invocationPath = requirePath(path, "invocationPath");
        return this;
    }

    /**
     * Runs {@code handler} once per session, when the session's first invocation reaches this process and before
     * that invocation is handled; warmup calls never run it. On AgentCore Runtime V2 every session restores a snapshot
     * taken after start-up, so per-session resources (connection pools, credentials, random seeds, timestamps) belong
     * here, not at start-up.
     *
     * @since 0.2.0
     */
    public AgentCoreApp onSessionStart(SessionStartHandler handler) {
        this.sessionStart = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * The payloads {@code POST /warmup} sends to the entrypoint (or the MCP server, or the A2A agent) in every round:
     * a {@code String} is the body text, a {@code byte[]} the body, anything else is written as JSON. Choose payloads
     * that exercise the code real invocations run, without side effects (no model calls: stub them when the call
     * is a warmup, whose request id starts with {@code warmup-}). MCP servers warm {@code tools/list} when none are
     * given.
     *
     * @since 0.2.0
     */
    public AgentCoreApp warmup(Object... payloads) {
        List<Object> fixed = List.of(payloads);
        this.warmupPayloads = () -> fixed;
        return this;
    }

    /**
     * Like {@link #warmup(Object...)}, with a fresh payload from {@code payload} for every warmup call.
     *
     * @since 0.2.0
     */
    public AgentCoreApp warmup(Supplier<?> payload) {
        Objects.requireNonNull(payload, "payload");
        this.warmupPayloads = () -> List.of(payload.get());
        return this;
    }

    /**
     * How much {@code POST /warmup} does: up to {@code rounds} rounds of the warmup payloads (default 10,000), and no
     * new call after {@code budget} (default 60 s; AgentCore's build hook allows 120 s).
     *
     * @since 0.2.0
     */
    public AgentCoreApp warmupLimits(int rounds, Duration budget) {
        if (rounds < 1) {
            throw new IllegalArgumentException("Warmup rounds must be at least 1, not " + rounds);
        }
        this.warmupRounds = rounds;
        this.warmupBudget = Objects.requireNonNull(budget, "budget");
        return this;
    }

    /** Refuses larger request bodies with 413 (default 100 MB). */
    public AgentCoreApp maxRequestBytes(long maxRequestBytes) {
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive");
        }
        this.maxRequestBytes = maxRequestBytes;
        return this;
    }

    /** How long {@link #run()} lets in-flight invocations finish after SIGTERM (default 10 s). */
    public AgentCoreApp shutdownGrace(Duration grace) {
        this.shutdownGrace = Objects.requireNonNull(grace, "grace");
        return this;
    }

    /** Starts serving and returns at once; the caller stops the returned server. */
    public AgentServer start() {
        JsonLogging.install();
        Protocol served = protocol != null ? protocol : new InvocationEndpoint();
        String resolvedHost = host != null ? host : defaultHost();
        Protocol.Defaults defaults = served.defaults();
        int resolvedPort = port != null ? port
                : defaultPort(defaults.portVariable(), System::getenv, defaults.port());
        String path = invocationPath != null ? invocationPath
                : setting(INVOCATION_PATH_PROPERTY, INVOCATION_PATH_VARIABLE, System::getenv, defaults.path());
        String warmupPath = setting(Warmup.PATH_PROPERTY, Warmup.PATH_VARIABLE, System::getenv, Warmup.DEFAULT_PATH);
        SessionStarts sessions = new SessionStarts(sessionStart, ping::sessionStarted);
        Warmup warmup = new Warmup(path, warmupPayloads != null ? warmupPayloads : served::defaultWarmup,
                warmupRounds, warmupBudget, sessions);
        Wiring wiring = new Wiring(path, maxRequestBytes, ping, sessions, warmup);
        served.wire(wiring);
        AgentServer server = AgentServer.start(resolvedHost, resolvedPort, portSettings(defaults.portVariable()),
                routes(wiring.routes(), warmup, warmupPath), wiring.webSocket());
        warmup.listeningOn(server.address());
        served.listeningOn(resolvedHost, server.port(), path);
        log().info(() -> "Agent listening on http://" + resolvedHost + ":" + server.port() + path + " ("
                + server.handlerThreads() + ")");
        return server;
    }

    /** How the user chooses another port, for the error when this one is taken. */
    private static String portSettings(String protocolVariable) {
        return "-D" + PORT_PROPERTY + "=<port> or the " + PORT_VARIABLE
                + (protocolVariable == null ? "" : " or " + protocolVariable) + " environment variable";
    }

    /** The protocol's routes, then {@code /ping} and the warmup route, whose path must be free. */
    private List<Route> routes(List<Route> protocolRoutes, Warmup warmup, String warmupPath) {
        List<Route> served = new ArrayList<>(protocolRoutes);
        served.add(Route.info("GET", "/ping", call -> Responses.json(call, 200, ping.snapshot().toJson())));
        for (Route route : served) {
            if (route.path().equals(warmupPath)) {
                throw new IllegalStateException("The warmup path " + warmupPath + " is also the path of "
                        + route.method() + " " + route.path() + "; choose another with -D" + Warmup.PATH_PROPERTY
                        + " or " + Warmup.PATH_VARIABLE);
            }
        }
        served.add(Route.work("POST", warmupPath, warmup));
        return served;
    }

    /**
     * Starts serving and blocks until the process is told to stop (SIGTERM, Ctrl-C); then stops gracefully, letting
     * in-flight invocations finish within the shutdown grace.
     */
    public void run() {
        AgentServer server = start();
        StopSignals.onStop(() -> server.stop(shutdownGrace));
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(shutdownGrace);
        }
    }

    static String defaultHost() {
        String configured = System.getProperty(HOST_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        boolean inContainer = System.getenv("DOCKER_CONTAINER") != null || Files.exists(Path.of("/.dockerenv"));
        return inContainer ? "0.0.0.0" : "127.0.0.1";
    }

    /**
     * The port when none was set in code: {@code -Dagentcore.port}, else the protocol's own environment variable
     * ({@code PORT} for HTTP agents, {@code A2A_PORT} for A2A agents as in the Python SDK, none for MCP servers),
     * else the port AgentCore sends the protocol's requests to.
     *
     * @param variable the environment variable, or {@code null} when the protocol has none
     */
    static int defaultPort(String variable, UnaryOperator<String> environment, int protocolPort) {
        String configured = System.getProperty(PORT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return parsePort(configured, "-D" + PORT_PROPERTY);
        }
        configured = environment.apply(PORT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return parsePort(configured, "the " + PORT_VARIABLE + " environment variable");
        }
        configured = variable == null ? null : environment.apply(variable);
        if (configured != null && !configured.isBlank()) {
            return parsePort(configured, "the " + variable + " environment variable");
        }
        return protocolPort;
    }

    /**
     * A path setting: the system property, else the environment variable, else the default; it must start with
     * {@code /}.
     */
    static String setting(String property, String variable, UnaryOperator<String> environment, String fallback) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return requirePath(configured.trim(), "-D" + property);
        }
        configured = environment.apply(variable);
        if (configured != null && !configured.isBlank()) {
            return requirePath(configured.trim(), "the " + variable + " environment variable");
        }
        return fallback;
    }

    private static String requirePath(String path, String source) {
        if (path == null || !path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException(source + " is '" + path + "'; it must be a path starting with /, "
                    + "without query or fragment, e.g. /invocations");
        }
        return path;
    }

    private static int parsePort(String configured, String source) {
        try {
            int port = Integer.parseInt(configured.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(source + " is '" + configured + "'; it must be a port number 0..65535");
    }
}
