package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A snapshot of one version of an agent runtime: its status and the configuration it was created or updated with
 * (the request body without {@code clientToken}, {@code agentRuntimeName} and {@code tags}, with what the service
 * fills in: both lifecycle values, the protocol, the platform version, MMDSv2), as GetAgentRuntime answers it.
 */
public record RuntimeVersion(String version, ResourceStatus status, String failureReason, JsonNode configuration,
                             Instant createdAt) {

    /** The image the version runs, or {@code null} for a code artifact. */
    public String containerUri() {
        return configuration.path("agentRuntimeArtifact").path("containerConfiguration").path("containerUri")
                .asText(null);
    }

    public String roleArn() {
        return configuration.path("roleArn").asText(null);
    }
}
