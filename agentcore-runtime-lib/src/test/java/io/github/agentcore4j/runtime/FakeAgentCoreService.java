package io.github.agentcore4j.runtime;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;

/**
 * A real HTTP server on a free 127.0.0.1 port playing the AgentCore data plane: it answers each path with the JSON
 * queued for it (the last one again once the queue is down to one) and records every request as it came on the wire.
 */
final class FakeAgentCoreService implements AutoCloseable {

    static final String ACCESS_KEY_ID = "AKIDMEMLIBTEST";
    static final String REGION = "eu-west-1";

    /** One request as the SDK sent it. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return String.join(", ", header.getValue());
                }
            }
            return null;
        }

        Map<String, Object> json() throws IOException {
            return JSON.std.mapFrom(body);
        }
    }

    private final HttpServer server;
    private final Map<String, Queue<String>> answers = new HashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** How many clients {@link #clientFactory()} made. */
    final AtomicInteger clientsMade = new AtomicInteger();

    FakeAgentCoreService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Answers requests to {@code path} with these JSON bodies in turn, the last one for good. */
    synchronized FakeAgentCoreService answer(String path, String... jsonBodies) {
        answers.put(path, new ArrayDeque<>(List.of(jsonBodies)));
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Makes, and counts, real SDK clients pointed here with test credentials and no retries. */
    Supplier<BedrockAgentCoreClient> clientFactory() {
        return () -> {
            clientsMade.incrementAndGet();
            return BedrockAgentCoreClient.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY_ID, "test-secret")))
                    .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build();
        };
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        String answer;
        synchronized (this) {
            Queue<String> queued = answers.get(path);
            answer = queued == null ? null : queued.size() > 1 ? queued.poll() : queued.peek();
        }
        byte[] bytes = (answer != null ? answer : "{\"message\":\"no answer for " + path + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (answer == null) {
            exchange.getResponseHeaders().set("X-Amzn-ErrorType", "ResourceNotFoundException");
        }
        exchange.sendResponseHeaders(answer != null ? (path.endsWith("/events") ? 201 : 200) : 404, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
