package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.config.Protocol;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a local agent whether it is up. An HTTP agent must answer {@code GET /ping} with 200, as AgentCore Runtime
 * requires; MCP and A2A servers have no ping route, so any HTTP answer on their port counts.
 */
final class HealthCheck {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final HttpRequest request;
    private final Protocol protocol;

    HealthCheck(Protocol protocol, int port) {
        this.protocol = protocol;
        String path = protocol.servesInvocations() ? "/ping" : "/";
        this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
    }

    boolean isHealthy() throws InterruptedException {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return !protocol.servesInvocations() || status == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}
