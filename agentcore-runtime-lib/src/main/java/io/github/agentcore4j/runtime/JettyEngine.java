package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Jetty 12, for agents with a WebSocket handler (the JDK's HTTP server cannot upgrade a connection, and {@code /ws}
 * shares the HTTP port with {@code /invocations} and {@code /ping}) and for those that choose it with
 * {@code agentcore.engine=jetty} (half the JDK server's CPU per request). HTTP requests take the same routes as on
 * {@link JdkEngine}, run on the Jetty thread that parsed them: no hand-off to another thread, whose two context
 * switches cost about a fifth of a request's CPU. Jetty is an optional dependency, loaded only here.
 */
final class JettyEngine implements ServerEngine {

    static final String WEBSOCKET_PATH = "/ws";
    /** AgentCore's WebSocket frame limit; a larger message is closed with 1009. */
    static final int MAX_MESSAGE_BYTES = 32 * 1024;
    /** Matches AgentCore's default session idle timeout, so quiet streams and sockets are not cut before it. */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
    /** Tokens and allow-listed headers can be long; the JDK server accepts far more than Jetty's 8 KB default. */
    private static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;
    /**
     * Handlers block (a model call takes seconds) on Jetty's own threads, one each, so the pool must hold far more
     * than Jetty's default 200: a thousand blocked invocations still leave threads for {@code /ping}. Threads are
     * created on demand and leave after Jetty's idle timeout, so an idle agent keeps few.
     */
    static final int MAX_THREADS = 4096;

    /**
     * Jetty's start-up banner and connector lines would go to the agent's log on every session start; its warnings
     * still do. Held here because java.util.logging keeps loggers weakly.
     */
    private static final Logger JETTY_LOG = quietJettyLogging();

    private final Server server;
    /** Kept from the start: Jetty forgets the port once stopped, and callers may still ask. */
    private final InetSocketAddress address;

    private JettyEngine(Server server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** @param webSocket the {@code /ws} handler, or null to serve HTTP only */
    static JettyEngine start(String host, int port, String portSettings, Route.Handler handler,
            WebSocketHandler webSocket) {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS);
        pool.setName("agentcore-jetty");
        pool.setDaemon(true);
        Server server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setAcceptQueueSize(ServerEngine.BACKLOG);
        server.addConnector(connector);

        // Handler.Abstract is a blocking handler: Jetty runs it on a pool thread while another takes over the
        // selector, so a handler that blocks never stalls other connections.
        Handler http = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                try {
                    handler.handle(new JettyHttpCall(request, response, callback));
                } catch (IOException | RuntimeException e) {
                    callback.failed(e);
                }
                return true;
            }
        };
        server.setHandler(webSocket == null ? http : withWebSocket(server, http, webSocket));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw ServerEngine.cannotListen(host, port, portSettings, e);
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("Cannot start the server on " + host + ":" + port + ": " + e, e);
        }
        return new JettyEngine(server, new InetSocketAddress(host, connector.getLocalPort()));
    }

    /** {@code /ws} upgrades to {@code webSocket}; every other request goes to {@code http}. */
    private static Handler withWebSocket(Server server, Handler http, WebSocketHandler webSocket) {
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
            container.setIdleTimeout(IDLE_TIMEOUT);
            container.addMapping(WEBSOCKET_PATH, (request, response, callback) ->
                    JettyWebSocket.open(webSocket, upgradeHeaders(request)));
        });
        upgrades.setHandler(http);
        return upgrades;
    }

    /**
     * The upgrade request's headers plus custom headers passed as query parameters, which is how browser clients
     * send {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-*} to {@code /ws}; a real header of the same name wins.
     */
    static Map<String, String> upgradeHeaders(ServerUpgradeRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        String prefix = RequestContext.CUSTOM_HEADER_PREFIX.toLowerCase(Locale.ROOT);
        for (Fields.Field parameter : Request.extractQueryParameters(request)) {
            if (parameter.getName().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                headers.put(parameter.getName(), parameter.getValue());
            }
        }
        headers.putAll(JettyHttpCall.headersOf(request));
        return headers;
    }

    private static Logger quietJettyLogging() {
        Logger jetty = Logger.getLogger("org.eclipse.jetty");
        if (jetty.getLevel() == null) {
            jetty.setLevel(Level.WARNING);
        }
        return jetty;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // Already failing to start; the start failure is what the user needs to see.
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public String handlerThreads() {
        return "Jetty's threads";
    }

    @Override
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the server", e);
        }
    }
}
