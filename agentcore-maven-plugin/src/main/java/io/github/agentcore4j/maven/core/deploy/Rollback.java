package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.aws.JsonMembers;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeEndpointResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;

/**
 * The rollback goal's work. A named endpoint is repointed to the chosen version. {@code DEFAULT} always serves the
 * latest version, so it cannot be repointed: the chosen version's image and configuration are re-applied, which
 * makes a new version that runs exactly what the old one ran.
 */
public final class Rollback {

    private final AwsSession aws;
    private final Path configFile;
    private final Path outputDirectory;
    private final BuildLog log;
    private final Runtimes runtimes;

    public Rollback(AwsSession aws, Path configFile, Path outputDirectory, BuildLog log) {
        this.aws = aws;
        this.configFile = configFile;
        this.outputDirectory = outputDirectory;
        this.log = log;
        this.runtimes = new Runtimes(aws.control(), log);
    }

    /**
     * @param agentName the agent whose YAML entry records the deployed version (may have none)
     * @param version the version to go back to, or {@code null} for the one before the version now served
     * @param endpointName the endpoint to roll back; {@code null} or {@code DEFAULT} for DEFAULT
     */
    public Deployment rollback(String agentName, DeployedAgent agent, String version, String endpointName,
            Duration timeout) throws InterruptedException {
        String endpoint = endpointName == null || endpointName.isBlank() ? Runtimes.DEFAULT_ENDPOINT
                : endpointName.trim();
        List<AgentRuntime> versions = runtimes.versions(agent.id());
        GetAgentRuntimeEndpointResponse current = runtimes.endpoint(agent.id(), endpoint).orElseThrow(() ->
                new InvalidSettingException(PropertyNames.ROLLBACK_ENDPOINT, "agent runtime " + agent.id()
                        + " has no endpoint " + endpoint, "use DEFAULT or an endpoint `mvn agentcore:status` lists"));
        String serving = current.liveVersion();
        String target = version != null && !version.isBlank() ? checked(version.trim(), versions, agent)
                : previous(serving, versions, agent);
        if (target.equals(serving)) {
            log.info("Endpoint " + endpoint + " already serves version " + target + "; nothing to roll back");
            return record(agentName, agent, runtimes.version(agent.id(), target), endpoint, false);
        }
        if (!endpoint.equals(Runtimes.DEFAULT_ENDPOINT)) {
            aws.control().updateAgentRuntimeEndpoint(call -> call.agentRuntimeId(agent.id()).endpointName(endpoint)
                    .agentRuntimeVersion(target));
            runtimes.awaitEndpoint(agent.id(), endpoint, target, timeout);
            log.info("Rolled back endpoint " + endpoint + ": it now serves version " + target + " (was " + serving
                    + "). DEFAULT is unchanged and still serves the latest version.");
            return record(agentName, agent, runtimes.version(agent.id(), target), endpoint, false);
        }
        // Every member the old version reports goes back, those the SDK does not know included.
        LiveRuntime old = runtimes.read(agent.id(), target).orElseThrow();
        LiveRuntime latest = runtimes.read(agent.id(), null).orElseThrow();
        DeploymentPlan plan = DeploymentPlan.update(latest.response().agentRuntimeName(),
                DeploymentPlan.updatableMembers(old.raw()), latest);
        plan.notes().forEach(log::info);
        String created = RolePropagation.retry(old.response().roleArn(), () -> aws.control().updateAgentRuntime(
                request -> request.agentRuntimeId(agent.id()).overrideConfiguration(JsonMembers.adding(plan.body()))),
                log).agentRuntimeVersion();
        GetAgentRuntimeResponse ready = runtimes.awaitReady(agent.id(), created, timeout);
        runtimes.awaitEndpoint(agent.id(), Runtimes.DEFAULT_ENDPOINT, created, timeout);
        log.info("Rolled back DEFAULT: it always serves the latest version, so version " + target + "'s image ("
                + imageDigest(old.response()) + ") and configuration were re-applied as new version " + created
                + " (was " + serving + ")");
        return record(agentName, agent, ready, null, true);
    }

    private static String checked(String version, List<AgentRuntime> versions, DeployedAgent agent) {
        AgentRuntime found = versions.stream().filter(candidate -> candidate.agentRuntimeVersion().equals(version))
                .findFirst().orElseThrow(() -> new InvalidSettingException(PropertyNames.ROLLBACK_VERSION,
                        "agent runtime " + agent.id() + " has no version " + version, "pick one that "
                                + "`mvn agentcore:versions` lists"));
        if (found.status() != AgentRuntimeStatus.READY) {
            throw new InvalidSettingException(PropertyNames.ROLLBACK_VERSION, "version " + version
                    + " is " + found.statusAsString() + ", not READY", "pick a READY version from `mvn agentcore:versions`");
        }
        return version;
    }

    /** The newest READY version older than the one served. */
    private static String previous(String serving, List<AgentRuntime> versions, DeployedAgent agent) {
        int servingNumber = serving == null ? Integer.MAX_VALUE : Integer.parseInt(serving);
        return versions.stream()
                .filter(candidate -> Integer.parseInt(candidate.agentRuntimeVersion()) < servingNumber)
                .filter(candidate -> candidate.status() == AgentRuntimeStatus.READY)
                .map(AgentRuntime::agentRuntimeVersion).findFirst()
                .orElseThrow(() -> new InvalidSettingException(PropertyNames.ROLLBACK_VERSION,
                        "agent runtime " + agent.id() + " has no READY version before " + serving,
                        "name the version with -Dagentcore.rollback.version=N"));
    }

    private Deployment record(String agentName, DeployedAgent agent, GetAgentRuntimeResponse version,
            String endpoint, boolean newVersion) {
        AgentEntry entry = AgentEntry.read(configFile, agentName);
        if (entry.exists() && endpoint == null) {
            entry.deployedVersion(version.agentRuntimeVersion(), imageDigest(version));
            entry.save();
        }
        Deployment deployment = new Deployment(agent.id(), agent.arn(), version.agentRuntimeVersion(),
                containerUri(version), version.roleArn(), agent.region(), endpoint, newVersion);
        deployment.writeTo(outputDirectory);
        return deployment;
    }

    private static String containerUri(GetAgentRuntimeResponse version) {
        return version.agentRuntimeArtifact().containerConfiguration().containerUri();
    }

    private static String imageDigest(GetAgentRuntimeResponse version) {
        return ResourceNames.imageDigest(containerUri(version));
    }
}
