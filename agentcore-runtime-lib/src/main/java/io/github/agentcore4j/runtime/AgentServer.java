package io.github.agentcore4j.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running agent: the HTTP server serving {@code /invocations} and {@code /ping}. Returned by
 * {@link AgentCoreApp#start()}.
 */
public final class AgentServer {

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);
    /** Connections the kernel may queue while the accept loop catches up with a burst of new callers. */
    private static final int BACKLOG = 4096;

    private final HttpServer http;
    private final ExecutorService threads;
    private final InvocationEndpoint invocations;
    private final PingTracker ping;
    private final Object inFlightLock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private int inFlight;
    private boolean draining;

    private AgentServer(HttpServer http, ExecutorService threads, InvocationEndpoint invocations, PingTracker ping) {
        this.http = http;
        this.threads = threads;
        this.invocations = invocations;
        this.ping = ping;
    }

    static AgentServer start(String host, int port, InvocationEndpoint invocations, PingTracker ping) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another agent running there? Stop it, or choose another port with -D"
                    + AgentCoreApp.PORT_PROPERTY + "=<port> or the PORT environment variable", e);
        }
        ExecutorService threads = InvocationThreads.create();
        AgentServer server = new AgentServer(http, threads, invocations, ping);
        http.setExecutor(threads);
        http.createContext("/", server::route);
        http.start();
        return server;
    }

    /** The port the agent listens on (useful when it was started on port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The address the agent listens on. */
    public InetSocketAddress address() {
        return http.getAddress();
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
        http.stop(0);
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

    private void route(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/ping")) {
                if (!method.equals("GET")) {
                    methodNotAllowed(exchange, "GET");
                } else {
                    Responses.json(exchange, 200, ping.snapshot().toJson());
                }
            } else if (path.equals("/invocations")) {
                if (!method.equals("POST")) {
                    methodNotAllowed(exchange, "POST");
                } else {
                    invoke(exchange);
                }
            } else {
                Responses.error(exchange, 404, "Not found", "No route for " + path + "; use POST /invocations or GET /ping");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not answer " + exchange.getRequestURI(), e);
        }
    }

    private void invoke(HttpExchange exchange) throws IOException {
        synchronized (inFlightLock) {
            if (draining) {
                exchange.getResponseHeaders().set("Connection", "close");
                Responses.error(exchange, 503, "Shutting down", "This agent is stopping and takes no new invocations");
                return;
            }
            inFlight++;
        }
        try {
            invocations.handle(exchange);
        } finally {
            synchronized (inFlightLock) {
                inFlight--;
                inFlightLock.notifyAll();
            }
        }
    }

    private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        Responses.error(exchange, 405, "Method not allowed", "Use " + allowed);
    }
}
