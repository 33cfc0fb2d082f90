package io.github.agentcore4j.maven.core.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in agent the local tests fork: it behaves as {@code FAKE_AGENT_MODE} says, on the port the plugin passes
 * as {@code -Dagentcore.port}.
 * <ul>
 *   <li>{@code healthy}: answers {@code GET /ping} with 200; {@code POST /exit} exits with code 3;</li>
 *   <li>{@code exit}: prints a reason and exits with code 3 before listening;</li>
 *   <li>{@code silent}: never listens;</li>
 *   <li>{@code elsewhere}: serves like {@code healthy}, but on the port in {@code FAKE_AGENT_OWN_PORT}, as an app
 *   that ignores the port it is given.</li>
 * </ul>
 */
public final class FakeAgent {

    private FakeAgent() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String mode = System.getenv().getOrDefault("FAKE_AGENT_MODE", "healthy");
        int port = Integer.parseInt(System.getProperty("agentcore.port"));
        System.out.println("fake agent mode " + mode + ", PORT " + System.getenv("PORT") + ", GREETING "
                + System.getenv("GREETING"));
        switch (mode) {
            case "exit":
                System.err.println("cannot start: MODEL_ID is not set");
                System.exit(3);
                break;
            case "silent":
                Thread.sleep(Long.MAX_VALUE);
                break;
            case "elsewhere":
                serve(Integer.parseInt(System.getenv("FAKE_AGENT_OWN_PORT")));
                break;
            default:
                serve(port);
        }
    }

    private static void serve(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/ping", exchange -> {
            byte[] body = "{\"status\":\"Healthy\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/exit", exchange -> {
            System.out.println("exiting on request");
            System.exit(3);
        });
        server.start();
        System.out.println("fake agent listening on " + port);
    }
}
