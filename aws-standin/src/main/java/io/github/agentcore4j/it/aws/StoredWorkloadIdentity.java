package io.github.agentcore4j.it.aws;

import java.util.List;

/**
 * A workload identity: its name and ARN, the return URLs a user-federation OAuth flow may come back to, and whether
 * AgentCore made it for an agent runtime (named {@code <runtime name>-<10 characters>}, gone with the runtime).
 */
public record StoredWorkloadIdentity(String name, String arn, List<String> allowedReturnUrls, boolean forRuntime) {
}
