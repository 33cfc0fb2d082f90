package io.github.agentcore4j.it.aws;

import java.util.Map;

/**
 * What the platform sent the container for one forwarded invocation: the container port and path it would call for
 * the runtime's protocol ({@code 8080 /invocations}, {@code 8000 /mcp}, {@code 9000 /}, or the configured ones) and
 * the headers the agent received (the allowlist applied).
 */
public record AgentRequest(String runtimeId, String sessionId, int containerPort, String path,
                           Map<String, String> headers) {

    /** A header the agent received, by name in any case, or {@code null}. */
    public String header(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
