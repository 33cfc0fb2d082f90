package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * What one deploy is asked to do.
 *
 * @param settings the agent's validated settings
 * @param mainClass the agent's main class, recorded as its entrypoint
 * @param repositoryName the ECR repository name, or {@code null} for {@code bedrock-agentcore-<name>}
 * @param executionRole a role ARN to run as (used untouched), or {@code null} to use the one in the YAML or create one
 * @param endpointName a named endpoint to point at the new version, or {@code null}
 * @param waitTimeout how long to wait for READY
 * @param dryRun print the requests instead of sending those that change anything
 * @param projectVersion the project version, the first part of the image tag
 */
public record DeployRequest(AgentSettings settings, String mainClass, String repositoryName, String executionRole,
        String endpointName, Duration waitTimeout, boolean dryRun, String projectVersion) {

    public DeployRequest {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(waitTimeout, "waitTimeout");
        Objects.requireNonNull(projectVersion, "projectVersion");
    }
}
