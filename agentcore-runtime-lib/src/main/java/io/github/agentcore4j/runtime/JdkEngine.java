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


    private final HttpServer http;

    private JdkEngine(HttpServer http) {
        this.http = http;
    }

    static JdkEngine start(String host, int port, String portSettings, Route.Handler handler,
            ExecutorService threads) {
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
}
