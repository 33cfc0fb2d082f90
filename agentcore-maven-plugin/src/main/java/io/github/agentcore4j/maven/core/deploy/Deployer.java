package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.aws.Secrets;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.image.ImageBuildException;
import io.github.agentcore4j.maven.core.memory.MemoryRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeEndpointResponse;

/**
 * The deploy goal's work: read the runtime (if any), refuse what AWS would refuse, ensure the repository and the
 * execution role, build and push the image, compute the {@link DeploymentPlan} and apply it, point the named endpoint,
 * then record the deployment in {@code .bedrock_agentcore.yaml} and {@code runtime.json}. A dry run prints the plan.
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
     * @throws InvalidSettingException when the runtime cannot take the POM's configuration (network, authorizer)
     */
    public Optional<Deployment> deploy(DeployRequest request, ImagePusher images)
            throws ImageBuildException, InterruptedException {
        String name = request.settings().name().value();
        AgentEntry entry = AgentEntry.read(configFile, name);
        entry.configure(request.settings(), request.mainClass());
        MemoryRecord.configure(entry, request.memory());
        if (request.dryRun()) {
            printDryRun(request, entry);
            return Optional.empty();
        }
        log.info("Deploying agent " + name + " to account " + aws.accountId() + " in " + aws.region());
        Optional<LiveRuntime> existing = existingRuntime(entry, request.waitTimeout());
        // Refuses what AWS would refuse (network change, dropping the JWT authorizer) before anything is built.
        plan(request, existing, PENDING_IMAGE, "<execution role>");

        MemoryAndIdentity.Provisioned services = new MemoryAndIdentity(aws, log).provision(request, entry);
        entry.save();
        request = withServiceEnvironment(request, services);
        Repositories.Resolved repository = new Repositories(aws, log)
                .ensure(request.repository(), request.keepImages(), false);
        ExecutionRoles.Resolved role = executionRole(request, entry, request.repository(),
                services.roleStatements(aws, name));
        entry.awsAccount(aws.accountId(), aws.region());
        entry.ecrRepository(repository.uri());
        entry.executionRole(role.arn(), role.ownedHere());
        entry.save();

        String containerUri = images.push(repository.uri() + ":"
                + ResourceNames.imageTag(request.projectVersion(), Instant.now())).digestReference();
        if (!request.settings().environment().isEmpty()) {
            log.info("Environment: " + Secrets.describe(request.settings().environment()));
        }
        DeploymentPlan plan = plan(request, existing, containerUri, role.arn());
        plan.notes().forEach(log::info);
        PlanApplier.Applied applied = new PlanApplier(aws, runtimes, log).apply(plan, role.arn(),
                request.settings().runtime().tags(), entry.deployedTagKeys(), request.waitTimeout(), made -> {
                    entry.deployment(made.id(), made.arn());
                    entry.save();
                });
        if (request.endpointName() != null) {
            pointEndpoint(applied.id(), request.endpointName(), applied.version(), request);
        }
        entry.deployedVersion(applied.version(), ResourceNames.imageDigest(containerUri));
        entry.deployedTagKeys(request.settings().runtime().tags().keySet());
        entry.save();
        Deployment deployment = new Deployment(applied.id(), applied.arn(), applied.version(), containerUri, role.arn(),
                aws.region(), request.endpointName(), plan.action() != DeploymentPlan.Action.NOTHING);
        deployment.writeTo(outputDirectory);
        log.info("Agent runtime " + applied.arn() + " version " + applied.version() + " is READY"
                + (plan.action() == DeploymentPlan.Action.NOTHING ? "" : " and DEFAULT serves it") + ". Logs: "
                + ResourceNames.logGroup(applied.id(), Runtimes.DEFAULT_ENDPOINT)
                + ". Try it: mvn agentcore:invoke -Dagentcore.invoke.prompt=Hello");
        return Optional.of(deployment);
    }

    /**
     * Prints the plan against the runtime as it is; without credentials or network, the plan of a first create.
     * Reads only: the repository, the role and the runtime are left as they are, and no image is built.
     */
    private void printDryRun(DeployRequest request, AgentEntry entry) throws InterruptedException {
        String name = request.settings().name().value();
        Optional<LiveRuntime> existing;
        String roleArn;
        try {
            log.info("[dry run] Deploying agent " + name + " to account " + aws.accountId() + " in " + aws.region());
            existing = existingRuntime(entry, null);
            MemoryAndIdentity.Provisioned services = new MemoryAndIdentity(aws, log).provision(request, entry);
            request = withServiceEnvironment(request, services);
            new Repositories(aws, log).ensure(request.repository(), request.keepImages(), true);
            roleArn = executionRole(request, entry, request.repository(), services.roleStatements(aws, name))
                    .arn();
        } catch (SdkClientException e) {
            log.info("[dry run] AWS is not reachable with these credentials (" + e.getMessage() + "); showing the "
                    + "plan of a first create");
            existing = Optional.empty();
            roleArn = request.executionRole() != null ? request.executionRole() : "<execution role deploy creates>";
        }
        plan(request, existing, PENDING_IMAGE, roleArn).describe().forEach(line -> log.info("[dry run] " + line));
    }

    /** Stands for the image digest before the image is built. */
    static final String PENDING_IMAGE = "<digest of the image this build makes>";

    /** The plan that takes the runtime (if any) to the POM's configuration running {@code containerUri}. */
    static DeploymentPlan plan(DeployRequest request, Optional<LiveRuntime> existing, String containerUri,
            String roleArn) {
        ObjectNode desired = DesiredRuntime.of(request.settings(), containerUri, roleArn,
                request.settings().environment());
        String name = request.settings().name().value();
        return existing.isPresent() ? DeploymentPlan.update(name, desired, existing.get())
                : DeploymentPlan.create(name, desired, request.settings().runtime().tags());
    }

    /**
     * The request with the variables memory and identity add to the runtime's environment; a variable the POM sets
     * itself wins. An unchanged memory gives the same variables, so the plan makes no new version for it.
     */
    private static DeployRequest withServiceEnvironment(DeployRequest request, MemoryAndIdentity.Provisioned services) {
        Map<String, String> environment = new LinkedHashMap<>(request.settings().environment());
        services.environment().forEach(environment::putIfAbsent);
        return request.withSettings(request.settings().withEnvironment(environment));
    }

    private ExecutionRoles.Resolved executionRole(DeployRequest request, AgentEntry entry,
            String repositoryName, List<ObjectNode> serviceStatements) {
        String name = request.settings().name().value();
        Optional<String> configured = Optional.ofNullable(request.executionRole()).filter(role -> !role.isBlank())
                .or(() -> entry.executionRole().filter(role -> !entry.createdExecutionRole()));
        ExecutionRoles roles = new ExecutionRoles(aws, log);
        if (configured.isPresent()) {
            roles.requireTrustsAgentCore(configured.get().trim());
            log.info("Using the configured execution role " + configured.get() + " (not changed)");
            if (!serviceStatements.isEmpty()) {
                log.warn("The agent's memory or credential providers need these statements in the policy of "
                        + configured.get().trim() + ", which deploy does not change: "
                        + PolicyDocuments.statementsDocument(serviceStatements));
            }
            return new ExecutionRoles.Resolved(configured.get().trim(), false);
        }
        return roles.ensure(name, repositoryName, request.settings().protocol(), request.marketplaceAccess(),
                serviceStatements, request.dryRun());
    }

    /**
     * The runtime recorded in the YAML, else one with the agent's name, once it has stopped changing (an update
     * while one is in progress would be refused); a stale recorded id is reported.
     */
    private Optional<LiveRuntime> existingRuntime(AgentEntry entry, Duration settleTimeout)
            throws InterruptedException {
        String name = entry.name();
        Optional<String> storedId = entry.agentId();
        Optional<LiveRuntime> found = Optional.empty();
        if (storedId.isPresent()) {
            found = runtimes.read(storedId.get(), null);
            if (found.isEmpty()) {
                log.warn("Agent runtime " + storedId.get() + " recorded in " + configFile + " no longer exists; "
                        + "looking for a runtime named " + name + ", else creating one");
            }
        }
        if (found.isEmpty()) {
            Optional<AgentRuntime> byName = runtimes.findByName(name);
            if (byName.isPresent()) {
                log.info("Adopting the existing agent runtime " + byName.get().agentRuntimeId() + " named " + name);
                found = runtimes.read(byName.get().agentRuntimeId(), null);
            }
        }
        if (settleTimeout == null || found.isEmpty()) {
            return found;
        }
        return runtimes.awaitSettled(found.get(), settleTimeout);
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
