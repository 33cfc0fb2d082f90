package io.github.agentcore4j.maven.core.invoke;

import io.github.agentcore4j.maven.core.config.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A local agent (run-local, start) on 127.0.0.1, called over plain HTTP like AgentCore Runtime calls the container. */
public final class LocalAgentEndpoint implements AgentEndpoint {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI uri;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param port where the agent listens on 127.0.0.1
     * @param timeout how long to wait for the whole answer
     */
    public LocalAgentEndpoint(Protocol protocol, int port, Duration timeout) {
        this(protocol, port, null, timeout);
    }

    /**
     * @param port where the agent listens on 127.0.0.1
     * @param invocationPath the custom invocation path ({@code agentcore.invocationPath}), or {@code null} for the
     *     protocol's
     * @param timeout how long to wait for the whole answer
     */
    public LocalAgentEndpoint(Protocol protocol, int port, String invocationPath, Duration timeout) {
        this.uri = URI.create("http://127.0.0.1:" + port + (invocationPath != null ? invocationPath : path(protocol)));
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    @Override
    public InvocationResponse send(InvocationRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", InvocationRequest.ACCEPT)
                .header(InvocationRequest.SESSION_HEADER, request.sessionId())
                .POST(HttpRequest.BodyPublishers.ofString(request.payload()));
        request.headers().forEach(http::header);
        try {
            HttpResponse<InputStream> response = client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new InvocationResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    InvocationResponse.traceIdOf(response.headers().firstValue("traceparent").orElse(null)));
        } catch (ConnectException e) {
            throw new InvocationFailedException("No agent answers at " + uri + ": start it with "
                    + "`mvn agentcore:run-local` (or agentcore:start), or point -Dagentcore.port at it", e);
        }
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    /** The route each protocol's server takes requests on, per the AgentCore Runtime service contract. */
    private static String path(Protocol protocol) {
        switch (protocol) {
            case MCP:
                return "/mcp";
            case A2A:
                return "/";
            default:
                return "/invocations";
        }
    }
}
