package io.github.agentcore4j.it.aws;

/**
 * An InvokeAgentRuntime call the data plane forwarded: which runtime and version answered (resolved from the
 * qualifier), for which session and user, and the agent's HTTP status.
 */
public record Invocation(String runtimeId, String qualifier, String version, String sessionId, String userId,
                         int agentStatus) {
}
