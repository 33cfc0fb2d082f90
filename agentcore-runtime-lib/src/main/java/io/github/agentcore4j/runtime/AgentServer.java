package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
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

    private final List<Route> routes;
    private final ExecutorService threads;
    private final Object inFlightLock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ServerEngine engine;
    private int inFlight;
    private boolean draining;

    private AgentServer(List<Route> routes, ExecutorService threads) {
        this.routes = routes;
        this.threads = threads;
    }

    /**
     * @param portSettings how the user chooses another port, for the error when this one is taken
     * @param webSocket the {@code /ws} handler; null for none, which keeps the agent on the JDK's HTTP server
     */
    static AgentServer start(String host, int port, String portSettings, List<Route> routes,
            WebSocketHandler webSocket) {
        ExecutorService threads = InvocationThreads.create();
        AgentServer server = new AgentServer(List.copyOf(routes), threads);
        try {
            server.engine = webSocket == null
                    ? JdkEngine.start(host, port, portSettings, server::route, threads)
                    : JettyEngine.start(host, port, portSettings, server::route, threads, webSocket);
        } catch (NoClassDefFoundError jettyMissing) {
            threads.shutdownNow();
            throw new IllegalStateException("A WebSocket handler needs Jetty on the classpath: add the dependency "
                    + "org.eclipse.jetty.websocket:jetty-websocket-jetty-server (see the WebSocket agents page)",
                    jettyMissing);
        } catch (RuntimeException e) {
            threads.shutdownNow();
            throw e;
        }
        return server;
    }

    /** The port the agent listens on (useful when it was started on port 0). */
    public int port() {
        return engine.address().getPort();
    }

    /** The address the agent listens on. */
    public InetSocketAddress address() {
        return engine.address();
    }

    /**
     * Stops gracefully: new invocations are refused with 503 while those in flight get up to {@code grace} to
     * finish; then the server closes.
     */
    public void stop(Duration grace) {
        synchronized (inFlightLock) {
            if (draining) {
                return;
            }
            draining = true;
            long deadline = System.nanoTime() + grace.toNanos();
            try {
                while (inFlight > 0 && System.nanoTime() < deadline) {
                    inFlightLock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (inFlight > 0) {
                LOG.warning("Stopping with " + inFlight + " invocation(s) still running after " + grace);
            }
        }
        engine.stop();
        threads.shutdownNow();
        LOG.info("Agent stopped");
        stopped.countDown();
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
            if (matched == null) {
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

    private void work(HttpCall call, Route.Handler handler) throws IOException {
        synchronized (inFlightLock) {
            if (draining) {
                call.setResponseHeader("Connection", "close");
                Responses.error(call, 503, "Shutting down", "This agent is stopping and takes no new invocations");
                return;
            }
            inFlight++;
        }
        try {
            handler.handle(call);
        } finally {
            synchronized (inFlightLock) {
                inFlight--;
                inFlightLock.notifyAll();
            }
        }
    }
}
