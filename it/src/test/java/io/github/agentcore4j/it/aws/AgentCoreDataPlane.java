package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bedrock AgentCore data plane: InvokeAgentRuntime forwards the payload to a real agent over HTTP
 * ({@code POST <agent>/invocations}, as the service does to the container) and streams the agent's answer back as it
 * arrives, JSON or {@code text/event-stream}; StopRuntimeSession ends a session an invocation started.
 * <p>
 * The agent receives the headers the service passes to a container: the session id, a request id,
 * {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-*}, the trace headers, and any header in the runtime's
 * {@code requestHeaderAllowlist}. A runtime with a {@code customJWTAuthorizer} takes {@code Authorization: Bearer …}
 * instead of SigV4 (any token; it is recorded, not verified) and refuses SigV4, as the real service does.
 */
final class AgentCoreDataPlane {

    static final String SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
    static final String USER_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-User-Id";
    static final String REQUEST_ID_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Request-Id";
    private static final Pattern ROUTE = Pattern.compile("/runtimes/([^/]+)/(invocations|stopruntimesession)");
    private static final List<String> PASSED_THROUGH = List.of("Accept", "X-Amzn-Trace-Id", "traceparent",
            "tracestate", "baggage", "Mcp-Session-Id", "Mcp-Protocol-Version");

    private final AgentCoreStandIn controlPlane;
    private final Function<String, URI> agentUrls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<Invocation> invocations = new ArrayList<>();
    private final Map<String, String> sessions = new HashMap<>();
    private final List<String> stoppedSessions = new ArrayList<>();

    /** {@code agentUrls} maps a runtime name to the base URL of the agent that answers for it. */
    AgentCoreDataPlane(AgentCoreStandIn controlPlane, Function<String, URI> agentUrls) {
        this.controlPlane = controlPlane;
        this.agentUrls = agentUrls;
    }

    static String operation(AwsRequest request) {
        Matcher route = ROUTE.matcher(request.rawPath());
        if (!route.matches() || !request.method().equals("POST")) {
            return null;
        }
        return route.group(2).equals("invocations") ? "InvokeAgentRuntime" : "StopRuntimeSession";
    }

    static boolean isBearer(AwsRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    synchronized List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    synchronized List<String> stoppedSessions() {
        return List.copyOf(stoppedSessions);
    }

    Reply handle(String operation, AwsRequest request) {
        Matcher route = ROUTE.matcher(request.rawPath());
        if (!route.matches()) {
            throw AwsService.AGENTCORE_DATA.unknownOperation(request.rawPath());
        }
        String runtimeArn = AwsRequest.urlDecode(route.group(1));
        String qualifier = request.query().getOrDefault("qualifier", AgentCoreStandIn.DEFAULT_ENDPOINT);
        AgentCoreStandIn.Target target = controlPlane.target(runtimeArn, qualifier);
        if (target.jwtAuthorized() != isBearer(request)) {
            throw new ServiceError(403, "AccessDeniedException", "Authorization method mismatch. The agent is"
                    + " configured for a different authorization method than what was used in your request.");
        }
        return operation.equals("InvokeAgentRuntime") ? invoke(request, qualifier, target) : stop(request, target);
    }

    private Reply invoke(AwsRequest request, String qualifier, AgentCoreStandIn.Target target) {
        String sessionId = Optional.ofNullable(request.header(SESSION_HEADER)).orElseGet(() -> UUID.randomUUID().toString());
        URI agent = agentUrls.apply(target.runtimeName());
        if (agent == null) {
            throw runtimeClientError("No agent is configured for runtime " + target.runtimeName()
                    + " in the stand-in");
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(agent.resolve("/invocations"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", Optional.ofNullable(request.header("Content-Type")).orElse("application/json"))
                .header(SESSION_HEADER, sessionId)
                .header(REQUEST_ID_HEADER, UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String header : forwardedHeaders(request, target.requestHeaderAllowlist())) {
            forward.header(header, request.header(header));
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw runtimeClientError("The runtime's agent at " + agent + " is not reachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw runtimeClientError("Interrupted while calling the agent");
        }
        synchronized (this) {
            invocations.add(new Invocation(target.runtimeId(), qualifier, target.version(), sessionId,
                    request.header(USER_HEADER), response.statusCode()));
            sessions.put(sessionId, target.runtimeId());
        }
        if (response.statusCode() / 100 != 2) {
            try (InputStream body = response.body()) {
                body.readAllBytes();
            } catch (IOException ignored) {
                // The status is what the caller hears about; the agent's error body stays in its own logs.
            }
            throw runtimeClientError("Received error (" + response.statusCode()
                    + ") from runtime. Please check your CloudWatch logs for more information.");
        }
        return exchange -> stream(exchange, response, sessionId);
    }

    /** Copies the agent's answer to the caller as it arrives, flushing each read, so SSE events are not held back. */
    private static void stream(HttpExchange exchange, HttpResponse<InputStream> response, String sessionId)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type",
                response.headers().firstValue("Content-Type").orElse("application/json"));
        exchange.getResponseHeaders().set(SESSION_HEADER, sessionId);
        exchange.sendResponseHeaders(response.statusCode(), 0);
        try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
    }

    private Reply stop(AwsRequest request, AgentCoreStandIn.Target target) {
        String sessionId = request.header(SESSION_HEADER);
        synchronized (this) {
            if (sessionId == null || !target.runtimeId().equals(sessions.get(sessionId))) {
                throw ServiceError.notFound("Session " + sessionId + " not found for agent runtime "
                        + target.runtimeId());
            }
            sessions.remove(sessionId);
            stoppedSessions.add(sessionId);
        }
        return Reply.json(200, Json.object(), Map.of(SESSION_HEADER, sessionId));
    }

    private static List<String> forwardedHeaders(AwsRequest request, JsonNode allowlist) {
        List<String> names = new ArrayList<>();
        for (String name : request.headers().keySet()) {
            boolean custom = name.toLowerCase(Locale.ROOT).startsWith("x-amzn-bedrock-agentcore-runtime-custom-");
            boolean passed = PASSED_THROUGH.stream().anyMatch(name::equalsIgnoreCase);
            boolean allowed = false;
            for (JsonNode entry : allowlist) {
                allowed |= entry.asText().equalsIgnoreCase(name);
            }
            if (custom || passed || allowed) {
                names.add(name);
            }
        }
        return names;
    }

    private static ServiceError runtimeClientError(String message) {
        return new ServiceError(424, "RuntimeClientError", message);
    }
}
