package io.github.agentcore4j.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Protocol} wires itself into when its app starts: the app's settings a protocol reads, and the routes
 * and WebSocket handler the server is to serve. Every call on an invocation route enters the same way, whatever the
 * protocol: its {@link InvocationScope} (request context and span) is opened once, then a warmup call is served as
 * such, and a real one starts its session first.
 */
final class Wiring {

    private final String path;
    private final long maxRequestBytes;
    private final PingTracker ping;
    private final SessionStarts sessions;
    private final Warmup warmup;
    private final List<Route> routes = new ArrayList<>();
    private WebSocketHandler webSocket;

    /** @param path the configured invocation path, where {@link #invocations} serves */
    Wiring(String path, long maxRequestBytes, PingTracker ping, SessionStarts sessions, Warmup warmup) {
        this.path = path;
        this.maxRequestBytes = maxRequestBytes;
        this.ping = ping;
        this.sessions = sessions;
        this.warmup = warmup;
    }

    /** Larger request bodies are refused with 413. */
    long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** What {@code /ping} reports; background work tracked here keeps it busy. */
    PingTracker ping() {
        return ping;
    }

    /**
     * Serves the protocol's invocations: {@code method} on the invocation path, each call entering with its own
     * {@link InvocationScope}.
     *
     * @param spanName the span's name until the endpoint renames it, e.g. {@code POST /invocations}
     * @param protocol the protocol the span records: HTTP, AGUI, MCP or A2A
     */
    void invocations(String method, String spanName, String protocol, Protocol.Endpoint endpoint) {
        routes.add(Route.work(method, path, call -> {
            InvocationScope scope = InvocationScope.open(call.requestHeaders(), spanName, protocol);
            scope.span().answerWithTraceparent(call);
            try (InvocationScope.Entered entered = scope.enter()) {
                if (warmup.sent(call)) {
                    Warmup.serve(call, warmupCall -> endpoint.serve(warmupCall, scope.context(), scope.span()));
                } else if (sessions.started(call, scope.context())) {
                    endpoint.serve(call, scope.context(), scope.span());
                }
            } finally {
                scope.span().end();
            }
        }));
    }

    /** Serves an information route (an agent card): answered even while the server stops, outside any session. */
    void info(String method, String path, Route.Handler handler) {
        routes.add(Route.info(method, path, handler));
    }

    /** Serves WebSocket connections on {@code /ws} with this handler (null for none). */
    void webSocket(WebSocketHandler handler) {
        this.webSocket = handler;
    }

    List<Route> routes() {
        return routes;
    }

    WebSocketHandler webSocket() {
        return webSocket;
    }
}
