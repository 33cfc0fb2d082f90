package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real, tiny agent on 127.0.0.1 that answers {@code GET /ping} and {@code POST /invocations} as an AgentCore
 * container does: JSON
 * ({@code {"answer":"<name>: <prompt>", "sessionId":…}}), or, when the payload says {@code "stream": true}, a
 * {@code text/event-stream} of two events with a pause between them that {@link #releaseSecondEvent()} ends, so a test
 * can prove the first event reached it before the agent finished. Status 500 when the prompt is {@code "fail"}.
 */
final class TinyAgent implements AutoCloseable {

    /** The {@code Mcp-Session-Id} the agent's MCP path answers with. */
    static final String MCP_SESSION = "mcp-session-chosen-by-the-server";

    private final String name;
    private final HttpServer server;
    private final List<Headers> requestHeaders = new CopyOnWriteArrayList<>();
    private final CountDownLatch secondEvent = new CountDownLatch(1);
    private final AtomicInteger pings = new AtomicInteger();

    TinyAgent(String name) throws IOException {
        this.name = name;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/invocations", this::invocation);
        server.createContext("/ping", this::ping);
        server.createContext("/", this::otherPath);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The headers of every invocation received, in order. */
    List<Headers> requestHeaders() {
        return requestHeaders;
    }

    void releaseSecondEvent() {
        secondEvent.countDown();
    }

    private void invocation(HttpExchange exchange) throws IOException {
        try (exchange) {
            requestHeaders.add(exchange.getRequestHeaders());
            JsonNode payload = Json.MAPPER.readTree(exchange.getRequestBody());
            String prompt = payload.path("prompt").asText();
            String sessionId = exchange.getRequestHeaders().getFirst(AgentCoreDataPlane.SESSION_HEADER);
            if (prompt.equals("fail")) {
                exchange.sendResponseHeaders(500, -1);
            } else if (payload.path("stream").asBoolean()) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write(("data: {\"chunk\":\"" + name + ": " + prompt + "\"}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                boolean released = awaitRelease();
                out.write(("data: {\"chunk\":\"done\",\"released\":" + released + "}\n\n").getBytes(StandardCharsets.UTF_8));
                out.close();
            } else {
                byte[] body = Json.MAPPER.writeValueAsBytes(Json.object().put("answer", name + ": " + prompt)
                        .put("sessionId", sessionId));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    /**
     * Any other path (an MCP server's {@code /mcp}, an A2A agent's {@code /}, a configured path): answers
     * {@code {"path": <path>}}, with an {@code Mcp-Session-Id} of its own ({@link #MCP_SESSION}) on {@code /mcp}.
     */
    private void otherPath(HttpExchange exchange) throws IOException {
        try (exchange) {
            requestHeaders.add(exchange.getRequestHeaders());
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/mcp")) {
                exchange.getResponseHeaders().set(AgentCoreDataPlane.MCP_SESSION_HEADER, MCP_SESSION);
            }
            byte[] body = Json.MAPPER.writeValueAsBytes(Json.object().put("path", path));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void ping(HttpExchange exchange) throws IOException {
        try (exchange) {
            pings.incrementAndGet();
            byte[] body = "{\"status\":\"Healthy\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** How many {@code GET /ping} health checks it answered. */
    int pings() {
        return pings.get();
    }

    /** Waits, bounded, for the test to have read the first event. */
    private boolean awaitRelease() {
        try {
            return secondEvent.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        releaseSecondEvent();
        server.stop(0);
    }
}
