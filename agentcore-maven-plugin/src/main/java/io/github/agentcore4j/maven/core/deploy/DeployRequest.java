package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.config.ServiceRules;
import io.github.agentcore4j.maven.core.identity.IdentitySettings;
import io.github.agentcore4j.maven.core.memory.MemorySettings;
import java.time.Duration;
import java.util.Objects;

/**
 * What one deploy is asked to do, checked against the service's rules when made, so a name AWS would refuse fails
 * before any AWS call and before any image is built.
 *
 * @param settings the agent's validated settings
 * @param mainClass the agent's main class, recorded as its entrypoint
 * @param repositoryName the ECR repository name, or {@code null} for {@code bedrock-agentcore-<name>}
 * @param executionRole a role ARN to run as (used untouched), or {@code null} to use the one in the YAML or create one
 * @param endpointName a named endpoint to point at the new version, or {@code null}
 * @param waitTimeout how long to wait for READY
 * @param dryRun print the requests instead of sending those that change anything
 * @param projectVersion the project version, the first part of the image tag
 * @param marketplaceAccess whether a role deploy creates may subscribe to Marketplace models on first use
 * @param keepImages how many images a repository deploy creates keeps (an ECR lifecycle policy); 0 for no policy
 * @param memory the agent's memory: none, one deploy creates, or an existing one
 * @param identity the credential providers the agent uses, with the API keys already read
 */
public record DeployRequest(AgentSettings settings, String mainClass, String repositoryName, String executionRole,
        String endpointName, Duration waitTimeout, boolean dryRun, String projectVersion, boolean marketplaceAccess,
        int keepImages, MemorySettings memory, IdentitySettings identity) {

    /** A request for an agent without memory or credential providers. */
    public DeployRequest(AgentSettings settings, String mainClass, String repositoryName, String executionRole,
            String endpointName, Duration waitTimeout, boolean dryRun, String projectVersion,
            boolean marketplaceAccess, int keepImages) {
        this(settings, mainClass, repositoryName, executionRole, endpointName, waitTimeout, dryRun, projectVersion,
                marketplaceAccess, keepImages, MemorySettings.none(settings.name().value()), IdentitySettings.none());
    }

    /** This request with other settings, e.g. with the environment observability adds. */
    public DeployRequest withSettings(AgentSettings other) {
        return new DeployRequest(other, mainClass, repositoryName, executionRole, endpointName, waitTimeout, dryRun,
                projectVersion, marketplaceAccess, keepImages, memory, identity);
    }

    public DeployRequest {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(waitTimeout, "waitTimeout");
        Objects.requireNonNull(projectVersion, "projectVersion");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(identity, "identity");
        endpointName = namedEndpoint(endpointName);
        if (keepImages < 0) {
            throw new InvalidSettingException(PropertyNames.DEPLOY_KEEP_IMAGES, "must be 0 or more, got "
                    + keepImages, "set how many images to keep, e.g. 20, or 0 for no lifecycle policy");
        }
        repositoryName = repositoryName == null || repositoryName.isBlank() ? null
                : ServiceRules.checkRepositoryName(repositoryName.trim(), false);
        if (repositoryName == null) {
            ServiceRules.checkRepositoryName(ResourceNames.repositoryName(settings.name().value()), true);
        }
    }

    /** The ECR repository: the configured one, else {@code bedrock-agentcore-<name>}. */
    public String repository() {
        return repositoryName != null ? repositoryName : ResourceNames.repositoryName(settings.name().value());
    }

    private static String namedEndpoint(String endpointName) {
        if (endpointName == null || endpointName.isBlank()) {
            return null;
        }
        String name = endpointName.trim();
        if (name.equals(Runtimes.DEFAULT_ENDPOINT)) {
            throw new InvalidSettingException(PropertyNames.DEPLOY_ENDPOINT, "DEFAULT always serves the "
                    + "latest version and cannot be pointed anywhere", "name your own endpoint, e.g. prod, or unset it");
        }
        return ServiceRules.checkEndpointName(PropertyNames.DEPLOY_ENDPOINT, name);
    }
}
