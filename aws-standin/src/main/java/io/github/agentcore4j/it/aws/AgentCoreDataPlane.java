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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Bedrock AgentCore data plane, following the container contract: InvokeAgentRuntime forwards the payload to a
 * real agent where the platform would reach the container for the runtime's protocol (HTTP and AGUI {@code :8080
 * /invocations}, MCP {@code :8000 /mcp}, A2A {@code :9000 /}, or {@code protocolConfiguration.port/path} when set),
 * after a {@code GET /ping} on that port for each new session, and streams the agent's answer back as it arrives,
 * JSON or {@code text/event-stream}; StopRuntimeSession ends a session an invocation started. The agent's base URL
 * stands for the container's serving port.
 * <p>
 * The agent receives the headers the service passes to a container: the session id, a request id, a workload access
 * token ({@code WorkloadAccessToken}, minted for the runtime's workload identity and the caller's user: the bearer
 * JWT's {@code sub}, else {@code X-Amzn-Bedrock-AgentCore-Runtime-User-Id}; see {@link IdentityStandIn}), the trace and MCP headers, and only
 * those {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-*} or other headers that the runtime's
 * {@code requestHeaderAllowlist} names; others are dropped silently, as AWS drops them. An MCP server's
 * {@code Mcp-Session-Id} answer header comes back to the caller. A runtime with a {@code customJWTAuthorizer} takes
 * {@code Authorization: Bearer …} instead of SigV4 (any token; it is recorded, not verified) and refuses SigV4, as the
 * real service does. A runtime without MMDSv2 ({@link AgentCoreStandIn#seedLegacyRuntime}) cannot be invoked. When
 * the agent answers an error (a 424 for the caller), its status and body go to the runtime's log group
 * ({@link LogsStandIn#runtimeLogGroup}), stream {@code runtime-logs-<session>}, as the agent's output would.
 */
final class AgentCoreDataPlane {

    static final String SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
    static final String USER_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-User-Id";
    static final String REQUEST_ID_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Request-Id";
    static final String MCP_SESSION_HEADER = "Mcp-Session-Id";
    /** The data plane's model: its operations' {@code http} traits are this service's route table. */
    static final ServiceModel MODEL = ServiceModel.named("bedrock-agentcore");
    /** The message AWS gives since 2026-07-14 for a runtime without MMDSv2 (agentcore-2026.md section 1.2). */
    static final String NOT_MMDSV2_MESSAGE = "This runtime is not MMDSv2-enabled and can no longer be invoked. Enable"
            + " MMDSv2 by calling UpdateAgentRuntime with requireMMDSV2=True in metadataConfiguration.";
    private static final List<String> PASSED_THROUGH = List.of("Accept", "X-Amzn-Trace-Id", "traceparent",
            "tracestate", "baggage", MCP_SESSION_HEADER, "Mcp-Protocol-Version", "Mcp-Method", "Mcp-Name");

    private final AgentCoreStandIn controlPlane;
    private final Function<String, URI> agentUrls;
    private final LogsStandIn logs;
    private final IdentityStandIn identity;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<Invocation> invocations = new ArrayList<>();
    private final List<AgentRequest> agentRequests = new ArrayList<>();
    private final Map<String, String> sessions = new HashMap<>();
    private final List<String> stoppedSessions = new ArrayList<>();

    /**
     * {@code agentUrls} maps a runtime name to the base URL of the agent that answers for it; an agent's error answers
     * go to {@code logs}, where AWS's 424 message tells the caller to look; {@code identity} mints the workload access
     * token each invocation hands the agent.
     */
    AgentCoreDataPlane(AgentCoreStandIn controlPlane, Function<String, URI> agentUrls, LogsStandIn logs,
                       IdentityStandIn identity) {
        this.controlPlane = controlPlane;
        this.agentUrls = agentUrls;
        this.logs = logs;
        this.identity = identity;
    }

    static boolean isBearer(AwsRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    synchronized List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    synchronized List<AgentRequest> agentRequests() {
        return List.copyOf(agentRequests);
    }

    synchronized List<String> stoppedSessions() {
        return List.copyOf(stoppedSessions);
    }

    Reply handle(String operation, AwsRequest request, Map<String, String> labels) {
        String runtimeArn = labels.get("agentRuntimeArn");
        String qualifier = request.query().getOrDefault("qualifier", AgentCoreStandIn.DEFAULT_ENDPOINT);
        AgentCoreStandIn.Target target = controlPlane.target(runtimeArn, qualifier);
        if (target.jwtAuthorized() != isBearer(request)) {
            throw new ServiceError(403, "AccessDeniedException", "Authorization method mismatch. The agent is"
                    + " configured for a different authorization method than what was used in your request.");
        }
        return operation.equals("InvokeAgentRuntime") ? invoke(request, qualifier, target) : stop(request, target);
    }

    private Reply invoke(AwsRequest request, String qualifier, AgentCoreStandIn.Target target) {
        if (!target.mmdsV2()) {
            throw ServiceError.validation(NOT_MMDSV2_MESSAGE);
        }
        String sessionId = Optional.ofNullable(request.header(SESSION_HEADER)).orElseGet(() -> UUID.randomUUID().toString());
        URI agent = agentUrls.apply(target.runtimeName());
        if (agent == null) {
            throw runtimeClientError("No agent is configured for runtime " + target.runtimeName()
                    + " in the stand-in");
        }
        ContainerAddress address = ContainerAddress.of(target.protocolConfiguration());
        boolean newSession;
        synchronized (this) {
            newSession = !target.runtimeId().equals(sessions.get(sessionId));
        }
        if (newSession) {
            ping(agent);
        }
        Map<String, String> forwarded = new LinkedHashMap<>();
        forwarded.put("Content-Type", Optional.ofNullable(request.header("Content-Type")).orElse("application/json"));
        forwarded.put(SESSION_HEADER, sessionId);
        forwarded.put(REQUEST_ID_HEADER, UUID.randomUUID().toString());
        String bearer = isBearer(request) ? request.header("Authorization").substring(7).strip() : null;
        forwarded.put(IdentityStandIn.TOKEN_HEADER, identity.tokenForInvocation(target.workloadIdentityName(), bearer,
                request.header(USER_HEADER)));
        for (String header : forwardedHeaders(request, target.requestHeaderAllowlist())) {
            forwarded.put(header, request.header(header));
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(agent.resolve(address.path()))
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        forwarded.forEach(forward::header);
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
            agentRequests.add(new AgentRequest(target.runtimeId(), sessionId, address.port(), address.path(),
                    Map.copyOf(forwarded)));
            sessions.put(sessionId, target.runtimeId());
        }
        if (response.statusCode() / 100 != 2) {
            String endpoint = qualifier.matches("[1-9][0-9]*") ? AgentCoreStandIn.DEFAULT_ENDPOINT : qualifier;
            try (InputStream body = response.body()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                logs.append(LogsStandIn.runtimeLogGroup(target.runtimeId(), endpoint), "runtime-logs-" + sessionId,
                        ("HTTP " + response.statusCode() + " " + text).strip().split("\\R"));
            } catch (IOException ignored) {
                // The status is what the caller hears about.
            }
            throw runtimeClientError("Received error (" + response.statusCode()
                    + ") from runtime. Please check your CloudWatch logs for more information.");
        }
        return exchange -> stream(exchange, response, sessionId);
    }

    /** The platform's health check before a session's first invocation: {@code GET /ping} must answer 200. */
    private void ping(URI agent) {
        try {
            HttpResponse<Void> ping = http.send(HttpRequest.newBuilder(agent.resolve("/ping"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (ping.statusCode() != 200) {
                throw runtimeClientError("Runtime health check failed: GET /ping answered " + ping.statusCode());
            }
        } catch (IOException e) {
            throw runtimeClientError("Runtime health check failed or timed out: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw runtimeClientError("Interrupted while checking the agent's health");
        }
    }

    /** Where the platform reaches a container: the protocol's port and path unless the runtime configures them. */
    record ContainerAddress(int port, String path) {

        static ContainerAddress of(JsonNode protocolConfiguration) {
            String protocol = protocolConfiguration.path("serverProtocol").asText("HTTP");
            ContainerAddress standard = switch (protocol) {
                case "MCP" -> new ContainerAddress(8000, "/mcp");
                case "A2A" -> new ContainerAddress(9000, "/");
                default -> new ContainerAddress(8080, "/invocations");
            };
            return new ContainerAddress(protocolConfiguration.path("port").asInt(standard.port()),
                    protocolConfiguration.path("path").asText(standard.path()));
        }
    }

    /** Copies the agent's answer to the caller as it arrives, flushing each read, so SSE events are not held back. */
    private static void stream(HttpExchange exchange, HttpResponse<InputStream> response, String sessionId)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type",
                response.headers().firstValue("Content-Type").orElse("application/json"));
        exchange.getResponseHeaders().set(SESSION_HEADER, sessionId);
        response.headers().firstValue(MCP_SESSION_HEADER)
                .ifPresent(mcpSession -> exchange.getResponseHeaders().set(MCP_SESSION_HEADER, mcpSession));
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

    /** The platform's headers, then those the allowlist names (custom-prefixed or not); the rest are dropped. */
    private static List<String> forwardedHeaders(AwsRequest request, JsonNode allowlist) {
        List<String> names = new ArrayList<>();
        for (String name : request.headers().keySet()) {
            boolean passed = PASSED_THROUGH.stream().anyMatch(name::equalsIgnoreCase);
            boolean allowed = false;
            for (JsonNode entry : allowlist) {
                allowed |= entry.asText().equalsIgnoreCase(name);
            }
            if (passed || allowed) {
                names.add(name);
            }
        }
        return names;
    }

    private static ServiceError runtimeClientError(String message) {
        return new ServiceError(424, "RuntimeClientError", message);
    }
}
