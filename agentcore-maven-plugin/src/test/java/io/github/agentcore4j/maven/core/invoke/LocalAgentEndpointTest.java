package io.github.agentcore4j.maven.core.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.agentcore4j.maven.core.config.Protocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalAgentEndpointTest {

    private final AtomicReference<String> requestedPath = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void startAgent() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requestedPath.set(exchange.getRequestURI().getPath());
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopAgent() {
        server.stop(0);
    }

    @Test
    void sendsToTheConfiguredInvocationPath() throws Exception {
        LocalAgentEndpoint endpoint = new LocalAgentEndpoint(Protocol.HTTP, server.getAddress().getPort(),
                "/agent/run", Duration.ofSeconds(10));

        try (InvocationResponse response = endpoint.send(new InvocationRequest("{}", "s".repeat(33), Map.of()))) {
            assertEquals(200, response.statusCode());
        }
        assertEquals("/agent/run", requestedPath.get());
        assertTrue(endpoint.describe().endsWith(":" + server.getAddress().getPort() + "/agent/run"));
    }

    @Test
    void keepsEachProtocolsPathWhenNoneIsConfigured() {
        int port = server.getAddress().getPort();
        assertTrue(describe(Protocol.HTTP, port).endsWith(":" + port + "/invocations"));
        assertTrue(describe(Protocol.MCP, port).endsWith(":" + port + "/mcp"));
        assertTrue(describe(Protocol.A2A, port).endsWith(":" + port + "/"));
    }

    private static String describe(Protocol protocol, int port) {
        return new LocalAgentEndpoint(protocol, port, null, Duration.ofSeconds(1)).describe();
    }
}
