package com.example.deployagent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dependency-free agent that speaks the AgentCore Runtime contract (GET /ping, POST /invocations on
 * agentcore.host:agentcore.port): {"prompt":"x"} is answered with JSON, {"prompt":"a b","stream":true} with one
 * server-sent event per word; with "holdUntil":"<file>" the stream pauses after the first event until that file
 * exists. Tests change GREETING to make a new version.
 */
public final class DeployAgent {

    static final String GREETING = "hello";
    private static final Pattern PROMPT = Pattern.compile("\"prompt\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static final Pattern HOLD = Pattern.compile("\"holdUntil\"\\s*:\\s*\"([^\"]*)\"");

    private DeployAgent() {
    }

    public static void main(String[] args) throws IOException {
        String host = System.getProperty("agentcore.host", "0.0.0.0");
        int port = Integer.getInteger("agentcore.port", 8080);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/ping", exchange -> send(exchange, 200, "application/json",
                "{\"status\":\"Healthy\"}"));
        server.createContext("/invocations", DeployAgent::invoke);
        server.start();
        System.out.println("deploy-agent listening on " + host + ":" + port);
    }

    private static void invoke(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher prompt = PROMPT.matcher(body);
        String text = prompt.find() ? prompt.group(1) : "";
        String session = exchange.getRequestHeaders().getFirst("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id");
        if (!STREAM.matcher(body).find()) {
            send(exchange, 200, "application/json", "{\"response\":\"" + GREETING + ": " + text
                    + "\",\"sessionId\":\"" + session + "\"}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        Matcher hold = HOLD.matcher(body);
        Path release = hold.find() ? Path.of(hold.group(1)) : null;
        try (OutputStream out = exchange.getResponseBody()) {
            String[] words = text.split(" ");
            for (int i = 0; i < words.length; i++) {
                if (i == 1 && release != null) {
                    awaitFile(release);
                }
                out.write(("data: \"" + words[i] + "\"\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    /** Holds the stream after its first event until a test creates the file (at most 30 s). */
    private static void awaitFile(Path file) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
