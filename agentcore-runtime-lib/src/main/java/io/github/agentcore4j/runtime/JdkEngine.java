package io.github.agentcore4j.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * The JDK server resets a connection whose head passes its own limits (200 header lines, 380 KB); raised, so that
     * heads up to these get a proper {@code 431} or {@code 414} from {@link #oversizedHead} instead.
     */
    static final String MAX_HEADERS_PROPERTY = "sun.net.httpserver.maxReqHeaders";
    static final String MAX_HEAD_BYTES_PROPERTY = "sun.net.httpserver.maxReqHeaderSize";
    /** Header lines a request may carry, as the JDK server allows by default. */
    static final int MAX_HEADERS = 200;
    /** The request target and the header fields may each take this much, as on {@link JettyEngine}. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    private final HttpServer http;
    /** The JDK server's dispatcher hands each request to one of these, so a blocked handler stalls no other. */
    private final ExecutorService threads;

    private JdkEngine(HttpServer http, ExecutorService threads) {
        this.http = http;
        this.threads = threads;
    }

    static JdkEngine start(String host, int port, String portSettings, Route.Handler handler) {
        serverProperties();
        FirstCallPrewarm.jdkDateHeader();
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), ServerEngine.BACKLOG);
        } catch (IOException e) {
            throw ServerEngine.cannotListen(host, port, portSettings, e);
        }
        ExecutorService threads = InvocationThreads.create();
        http.setExecutor(threads);
        http.createContext("/", exchange -> {
            JdkHttpCall call = new JdkHttpCall(exchange);
            if (callerCloses(exchange)) {
                // The JDK server closes such a connection after the answer without saying so; a keep-alive client
                // (HttpURLConnection, which warmup uses) would reuse it and meet a reset (RFC 9112 9.6).
                call.setResponseHeader("Connection", "close");
            }
            if (!oversizedHead(call, exchange)) {
                handler.handle(call);
            }
        });
        http.start();
        return new JdkEngine(http, threads);
    }

    /**
     * Creates and closes a server that never binds: the JDK's server classes are loaded and its start-up string
     * concatenations bootstrapped, so that {@link #start} finds them ready. It reads the server's properties, which
     * are set first as {@link #start} would set them.
     */
    static void prepare() throws IOException {
        serverProperties();
        HttpServer.create().stop(0);
    }

    /** Read once by the JDK when its first server is created; a value the application set wins. */
    private static void serverProperties() {
        defaultProperty(NO_DELAY_PROPERTY, "true");
        defaultProperty(MAX_IDLE_CONNECTIONS_PROPERTY, Integer.toString(ServerEngine.BACKLOG));
        defaultProperty(MAX_REQUEST_TIME_PROPERTY, Long.toString(ServerLimits.readTimeout().toSeconds()));
        defaultProperty(MAX_HEADERS_PROPERTY, Integer.toString(MAX_HEADERS * 10));
        defaultProperty(MAX_HEAD_BYTES_PROPERTY, Integer.toString(MAX_HEAD_BYTES * 32));
    }

    private static boolean callerCloses(HttpExchange exchange) {
        String connection = exchange.getRequestHeaders().getFirst("Connection");
        return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
    }

    /** Answers {@code 414} or {@code 431} (and closes) when the head passes the limits; false when it does not. */
    private static boolean oversizedHead(JdkHttpCall call, HttpExchange exchange) throws IOException {
        int targetLength = exchange.getRequestURI().getRawPath().length()
                + (exchange.getRequestURI().getRawQuery() == null ? 0 : exchange.getRequestURI().getRawQuery().length());
        int lines = 0;
        long bytes = 0;
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                lines++;
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        int status;
        String details;
        if (targetLength > MAX_HEAD_BYTES) {
            status = 414;
            details = "The request target is " + targetLength + " characters long; at most " + MAX_HEAD_BYTES
                    + " are accepted";
        } else if (lines > MAX_HEADERS || bytes > MAX_HEAD_BYTES) {
            status = 431;
            details = "The request carries " + lines + " header lines (" + bytes + " bytes); at most " + MAX_HEADERS
                    + " lines and " + MAX_HEAD_BYTES + " bytes are accepted";
        } else {
            return false;
        }
        try {
            call.setResponseHeader("Connection", "close");
            Responses.error(call, status, status == 414 ? "URI too long" : "Request header fields too large",
                    details);
        } finally {
            call.close();
        }
        return true;
    }

    @Override
    public InetSocketAddress address() {
        return http.getAddress();
    }

    @Override
    public String handlerThreads() {
        return (InvocationThreads.virtual() ? "virtual" : "platform") + " threads";
    }

    @Override
    public void stop() {
        http.stop(0);
        threads.shutdownNow();
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
