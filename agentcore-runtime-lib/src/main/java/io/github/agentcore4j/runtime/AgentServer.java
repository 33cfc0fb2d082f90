package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A running agent: the server serving its protocol's routes ({@code /invocations}, {@code /mcp} or A2A's {@code /})
 * and {@code /ping}. Returned by {@link AgentCoreApp#start()}.
 */
public final class AgentServer {

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);
    /** At most this much of the shutdown grace is kept to end open event streams cleanly. */
    private static final Duration STREAM_END_MARGIN = Duration.ofSeconds(1);

    private final List<Route> routes;
    private final Object inFlightLock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The work calls in flight, guarded by {@link #inFlightLock}; their open streams are ended before a stop. */
    private final Set<HttpCall> working = new HashSet<>();
    private ServerEngine engine;
    private int inFlight;
    private boolean draining;

    private AgentServer(List<Route> routes) {
        this.routes = routes;
    }

    /**
     * @param portSettings how the user chooses another port, for the error when this one is taken
     * @param webSocket the {@code /ws} handler; null for none, which keeps the agent on the JDK's HTTP server
     */
    static AgentServer start(String host, int port, String portSettings, List<Route> routes,
            WebSocketHandler webSocket) {
        // Invalid limits fail the start, naming the setting, rather than the first request.
        ServerLimits.readTimeout();
        BodyBudget.shared();
        AgentServer server = new AgentServer(List.copyOf(routes));
        try {
            server.engine = webSocket == null && !ServerEngine.jettyChosen(System::getProperty, System::getenv)
                    ? JdkEngine.start(host, port, portSettings, server::route)
                    : JettyEngine.start(host, port, portSettings, server::route, webSocket);
        } catch (NoClassDefFoundError jettyMissing) {
            throw new IllegalStateException("A WebSocket handler needs Jetty on the classpath: add the dependency "
                    + "org.eclipse.jetty.websocket:jetty-websocket-jetty-server (see the WebSocket agents page)",
                    jettyMissing);
        }
        return server;
    }

    /** The port the agent listens on (useful when it was started on port 0). */
    public int port() {
        return engine.address().getPort();
    }

    /** Where handlers run, for the start-up line. */
    String handlerThreads() {
        return engine.handlerThreads();
    }

    /** The address the agent listens on. */
    public InetSocketAddress address() {
        return engine.address();
    }

    /**
     * Stops gracefully: new invocations are refused with 503 while those in flight get up to {@code grace} to
     * finish. Event streams still open near its end get a final error event and a clean end; then the server closes.
     */
    public void stop(Duration grace) {
        synchronized (inFlightLock) {
            if (draining) {
                return;
            }
            draining = true;
            long end = System.nanoTime() + grace.toNanos();
            // The last part of the grace is kept for ending open streams cleanly before the connections close.
            long streamsEnd = end - Math.min(STREAM_END_MARGIN.toNanos(), grace.toNanos() / 4);
            awaitNoneInFlight(streamsEnd);
            if (inFlight > 0) {
                List<HttpCall> open = List.copyOf(working);
                LOG.warning("Stopping with " + inFlight + " invocation(s) still running after " + grace
                        + "; ending their open event streams with an error event");
                for (HttpCall call : open) {
                    try {
                        call.serverStopping();
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "Could not end an open stream", e);
                    }
                }
                awaitNoneInFlight(end);
            }
        }
        engine.stop();
        LOG.info("Agent stopped");
        stopped.countDown();
    }

    /** Waits, holding {@link #inFlightLock}, until no work is in flight or the deadline has passed. */
    private void awaitNoneInFlight(long deadline) {
        try {
            while (inFlight > 0 && System.nanoTime() < deadline) {
                inFlightLock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once, interrupting invocations in flight. */
    public void stop() {
        stop(Duration.ZERO);
    }

    /** Blocks until the server has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private void route(HttpCall call) {
        try {
            String path = call.path();
            Route matched = null;
            for (Route route : routes) {
                if (route.path().equals(path)) {
                    matched = route;
                    break;
                }
            }
            String badHeader = headerWithControlCharacter(call);
            if (badHeader != null) {
                LOG.warning(() -> "Request refused: the value of header " + Responses.abbreviate(badHeader)
                        + " holds a control character");
                call.setResponseHeader("Connection", "close");
                Responses.error(call, 400, "Invalid header", "The value of header " + Responses.abbreviate(badHeader)
                        + " holds a control character (such as NUL, CR or LF); remove it");
            } else if (matched == null) {
                Responses.error(call, 404, "Not found", "No route for " + path + "; use " + routes.stream()
                        .map(route -> route.method() + " " + route.path()).collect(Collectors.joining(" or ")));
            } else if (!matched.method().equals(call.method())) {
                call.setResponseHeader("Allow", matched.method());
                Responses.error(call, 405, "Method not allowed", "Use " + matched.method());
            } else if (matched.work()) {
                work(call, matched.handler());
            } else {
                matched.handler().handle(call);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not answer " + call.method() + " " + call.path(), e);
        } finally {
            call.close();
        }
    }

    /** The name of a header whose value holds a control character other than tab (RFC 9110 5.5); null if none. */
    private static String headerWithControlCharacter(HttpCall call) {
        for (Map.Entry<String, String> header : call.requestHeaders().entrySet()) {
            String value = header.getValue();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    return header.getKey();
                }
            }
        }
        return null;
    }

    private void work(HttpCall call, Route.Handler handler) throws IOException {
        synchronized (inFlightLock) {
            if (draining) {
                call.setResponseHeader("Connection", "close");
                Responses.error(call, 503, "Shutting down", "This agent is stopping and takes no new invocations");
                return;
            }
            inFlight++;
            working.add(call);
        }
        try {
            handler.handle(call);
        } finally {
            synchronized (inFlightLock) {
                working.remove(call);
                inFlight--;
                inFlightLock.notifyAll();
            }
        }
    }
}
