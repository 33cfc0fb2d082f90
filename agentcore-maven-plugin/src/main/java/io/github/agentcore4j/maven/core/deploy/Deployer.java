package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.aws.Secrets;
import io.github.agentcore4j.maven.core.config.AgentCoreConfig;
import io.github.agentcore4j.maven.core.config.AgentCoreConfigFile;
import io.github.agentcore4j.maven.core.image.ImageBuildException;
import io.github.agentcore4j.maven.core.image.ImageBuildResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeEndpointResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeResponse;

/**
 * The deploy goal's work: repository, execution role, image, runtime (create, adopt, update or nothing), READY,
 * optional named endpoint, then the record in {@code .bedrock_agentcore.yaml} and {@code runtime.json}.
 */
public final class Deployer {

    private final AwsSession aws;
    private final Path configFile;
    private final Path outputDirectory;
    private final BuildLog log;
    private final Runtimes runtimes;

    /**
     * @param configFile the {@code .bedrock_agentcore.yaml} that records the deployment
     * @param outputDirectory where {@code runtime.json} goes ({@code target/agentcore})
     */
    public Deployer(AwsSession aws, Path configFile, Path outputDirectory, BuildLog log) {
        this.aws = aws;
        this.configFile = configFile;
        this.outputDirectory = outputDirectory;
        this.log = log;
        this.runtimes = new Runtimes(aws.control(), log);
    }

    /**
     * @return what runs now, or empty for a dry run
     * @throws DeployFailedException when the runtime fails or does not become READY in time
     * @throws ImageBuildException when the image cannot be built or pushed
     */
    public Optional<Deployment> deploy(DeployRequest request, ImagePusher images)
            throws ImageBuildException, InterruptedException {
        String name = request.settings().name().value();
        boolean dryRun = request.dryRun();
        String endpointName = request.endpointName();
        AgentCoreConfig config = AgentCoreConfigFile.read(configFile);
        config.configureAgent(request.settings(), request.mainClass());
        log.info((dryRun ? "[dry run] " : "") + "Deploying agent " + name + " to account " + aws.accountId()
                + " in " + aws.region());

        String repositoryName = request.repository();
        Repositories.Resolved repository = new Repositories(aws, log).ensure(repositoryName, dryRun);
        ExecutionRoles.Resolved role = executionRole(request, config, repositoryName);
        if (!dryRun) {
            config.awsAccount(name, aws.accountId(), aws.region());
            config.ecrRepository(name, repository.uri(), repository.createdNow());
            config.executionRole(name, role.arn(), role.ownedHere());
            AgentCoreConfigFile.write(configFile, config);
        }

        String containerUri;
        if (dryRun) {
            containerUri = repository.uri() + "@<digest of the image this build makes>";
            log.info("[dry run] would build and push " + repository.uri() + ":"
                    + ResourceNames.imageTag(request.projectVersion(), Instant.now()));
        } else {
            ImageBuildResult image = images.push(repository.uri() + ":"
                    + ResourceNames.imageTag(request.projectVersion(), Instant.now()));
            containerUri = image.digestReference();
        }
        RuntimeConfiguration desired = RuntimeConfiguration.from(request.settings(), containerUri, role.arn());
        if (!desired.environment().isEmpty()) {
            log.info("Environment: " + Secrets.describe(desired.environment()));
        }

        Optional<GetAgentRuntimeResponse> existing = existingRuntime(config, name);
        String runtimeId;
        String runtimeArn;
        String version;
        boolean newVersion = true;
        if (existing.isPresent()) {
            runtimeId = existing.get().agentRuntimeId();
            runtimeArn = existing.get().agentRuntimeArn();
            GetAgentRuntimeResponse latest = settledLatest(existing.get(), request);
            if (!dryRun && latest.status() == AgentRuntimeStatus.READY && desired.matches(latest)) {
                version = latest.agentRuntimeVersion();
                newVersion = false;
                log.info("Nothing changed: version " + version + " of agent runtime " + runtimeId + " already runs "
                        + desired.imageDigest() + " with this configuration, so no new version was made");
            } else if (dryRun) {
                log.info("[dry run] would send " + desired.updateRequest(runtimeId));
                return Optional.empty();
            } else {
                UpdateAgentRuntimeResponse updated = RolePropagation.retry(role.arn(),
                        () -> aws.control().updateAgentRuntime(desired.updateRequest(runtimeId)), log);
                version = updated.agentRuntimeVersion();
                log.info("Updating agent runtime " + runtimeId + " to version " + version + " ("
                        + desired.imageDigest() + ")");
            }
        } else if (dryRun) {
            log.info("[dry run] would send " + desired.createRequest(name));
            return Optional.empty();
        } else {
            Created created = create(name, desired, role.arn());
            runtimeId = created.id();
            runtimeArn = created.arn();
            version = created.version();
        }
        config.deployment(name, runtimeId, runtimeArn);
        AgentCoreConfigFile.write(configFile, config);

        if (newVersion) {
            runtimes.awaitReady(runtimeId, version, request.waitTimeout());
        }
        if (endpointName != null) {
            pointEndpoint(runtimeId, endpointName, version, request);
        }
        config.deployedVersion(name, version, desired.imageDigest());
        AgentCoreConfigFile.write(configFile, config);
        Deployment deployment = new Deployment(runtimeId, runtimeArn, version, containerUri, role.arn(),
                aws.region(), endpointName, newVersion);
        deployment.writeTo(outputDirectory);
        log.info("Agent runtime " + runtimeArn + " version " + version + " is READY. Logs: "
                + ResourceNames.logGroup(runtimeId, Runtimes.DEFAULT_ENDPOINT)
                + ". Try it: mvn agentcore:invoke -Dagentcore.prompt=Hello");
        return Optional.of(deployment);
    }

    private ExecutionRoles.Resolved executionRole(DeployRequest request, AgentCoreConfig config,
            String repositoryName) {
        String name = request.settings().name().value();
        Optional<String> configured = Optional.ofNullable(request.executionRole()).filter(role -> !role.isBlank())
                .or(() -> config.executionRole(name).filter(role -> !config.createdExecutionRole(name)));
        if (configured.isPresent()) {
            log.info("Using the configured execution role " + configured.get() + " (not changed)");
            return new ExecutionRoles.Resolved(configured.get().trim(), false);
        }
        return new ExecutionRoles(aws, log).ensure(name, repositoryName, request.settings().protocol(),
                request.dryRun());
    }

    /** The runtime recorded in the YAML, else one with the agent's name; a stale recorded id is reported. */
    private Optional<GetAgentRuntimeResponse> existingRuntime(AgentCoreConfig config, String name) {
        Optional<String> storedId = config.agentId(name);
        if (storedId.isPresent()) {
            Optional<GetAgentRuntimeResponse> stored = runtimes.find(storedId.get());
            if (stored.isPresent()) {
                return stored;
            }
            log.warn("Agent runtime " + storedId.get() + " recorded in " + configFile + " no longer exists; looking "
                    + "for a runtime named " + name + ", else creating one");
        }
        Optional<AgentRuntime> byName = runtimes.findByName(name);
        if (byName.isPresent()) {
            log.info("Adopting the existing agent runtime " + byName.get().agentRuntimeId() + " named " + name);
            return runtimes.find(byName.get().agentRuntimeId());
        }
        return Optional.empty();
    }

    /** The latest version once it has stopped changing: an update while one is in progress would be refused. */
    private GetAgentRuntimeResponse settledLatest(GetAgentRuntimeResponse latest, DeployRequest request)
            throws InterruptedException {
        if (latest.status() != AgentRuntimeStatus.CREATING && latest.status() != AgentRuntimeStatus.UPDATING) {
            return latest;
        }
        log.info("Agent runtime " + latest.agentRuntimeId() + " is " + latest.status() + "; waiting for it first");
        return runtimes.awaitSettled(latest.agentRuntimeId(), latest.agentRuntimeVersion(), request.waitTimeout());
    }

    private record Created(String id, String arn, String version) {
    }

    /** Creates the runtime; one created meanwhile under the same name (a conflict) is adopted and updated. */
    private Created create(String name, RuntimeConfiguration desired, String roleArn) throws InterruptedException {
        try {
            CreateAgentRuntimeResponse created = RolePropagation.retry(roleArn,
                    () -> aws.control().createAgentRuntime(desired.createRequest(name)), log);
            log.info("Creating agent runtime " + created.agentRuntimeId() + " (version "
                    + created.agentRuntimeVersion() + ", " + desired.imageDigest() + ")");
            return new Created(created.agentRuntimeId(), created.agentRuntimeArn(), created.agentRuntimeVersion());
        } catch (ConflictException e) {
            AgentRuntime other = runtimes.findByName(name).orElseThrow(() -> e);
            log.info("An agent runtime named " + name + " appeared meanwhile (" + other.agentRuntimeId()
                    + "); updating it instead");
            UpdateAgentRuntimeResponse updated = RolePropagation.retry(roleArn,
                    () -> aws.control().updateAgentRuntime(desired.updateRequest(other.agentRuntimeId())), log);
            return new Created(other.agentRuntimeId(), other.agentRuntimeArn(), updated.agentRuntimeVersion());
        }
    }

    private void pointEndpoint(String runtimeId, String endpointName, String version, DeployRequest request)
            throws InterruptedException {
        Optional<GetAgentRuntimeEndpointResponse> endpoint = runtimes.endpoint(runtimeId, endpointName);
        if (endpoint.isPresent() && version.equals(endpoint.get().liveVersion())
                && version.equals(endpoint.get().targetVersion())) {
            log.info("Endpoint " + endpointName + " already serves version " + version);
            return;
        }
        if (endpoint.isPresent()) {
            aws.control().updateAgentRuntimeEndpoint(call -> call.agentRuntimeId(runtimeId).endpointName(endpointName)
                    .agentRuntimeVersion(version));
        } else {
            aws.control().createAgentRuntimeEndpoint(call -> call.agentRuntimeId(runtimeId).name(endpointName)
                    .agentRuntimeVersion(version));
        }
        runtimes.awaitEndpoint(runtimeId, endpointName, version, request.waitTimeout());
        log.info("Endpoint " + endpointName + " serves version " + version
                + (endpoint.isPresent() ? " (was " + endpoint.get().liveVersion() + ")" : " (new endpoint)"));
    }
}
