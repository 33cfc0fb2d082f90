package io.github.agentcore4j.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/**
 * The JDK's own HTTP server: nothing to load beyond the JDK, which keeps the cold start of every new AgentCore session
 * short. It cannot upgrade connections, so agents with a WebSocket handler run on {@link JettyEngine} instead.
 */
final class JdkEngine implements ServerEngine {

    /**
     * Without TCP_NODELAY, JDK 17's server sends a response's headers and body as two small segments and the second
     * waits for the client's delayed ACK: about 40 ms per request on a kept-alive connection (726 requests/s over 32
     * connections in the benchmark, against 34,833 with it on).
     */
    static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
    /** The server closes idle keep-alive connections beyond this (200 by default), so busy callers reconnect. */
    static final String MAX_IDLE_CONNECTIONS_PROPERTY = "sun.net.httpserver.maxIdleConnections";

    /**
     * Seconds a caller has to send a whole request, head and body; the JDK's default is forever,
     * so a caller sending half a request would hold a connection and a thread for good.
     */
    static final String MAX_REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";

    private final HttpServer http;

    private JdkEngine(HttpServer http) {
        this.http = http;
    }

    static JdkEngine start(String host, int port, String portSettings, Route.Handler handler,
            ExecutorService threads) {
        // Read once by the JDK when its first server is created; a value the application set wins.
        defaultProperty(NO_DELAY_PROPERTY, "true");
        defaultProperty(MAX_IDLE_CONNECTIONS_PROPERTY, Integer.toString(ServerEngine.BACKLOG));
        defaultProperty(MAX_REQUEST_TIME_PROPERTY, Long.toString(ServerLimits.readTimeout().toSeconds()));
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), ServerEngine.BACKLOG);
        } catch (IOException e) {
            throw ServerEngine.cannotListen(host, port, portSettings, e);
        }
        http.setExecutor(threads);
        http.createContext("/", exchange -> handler.handle(new JdkHttpCall(exchange)));
        http.start();
        return new JdkEngine(http);
    }

    @Override
    public InetSocketAddress address() {
        return http.getAddress();
    }

    @Override
    public void stop() {
        http.stop(0);
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
