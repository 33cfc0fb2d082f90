package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.identity.CredentialProviderRecord;
import io.github.agentcore4j.maven.core.identity.CredentialProviders;
import io.github.agentcore4j.maven.core.identity.IdentityRecord;
import io.github.agentcore4j.maven.core.memory.Memories;
import io.github.agentcore4j.maven.core.memory.MemoryRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpoint;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;

/**
 * The destroy goal's work, in an order that can be re-run after any failure: named endpoints, the runtime, (when
 * asked) the images and repository, the memory and API-key credential providers only when deploy created them, the
 * execution role only when this plugin created it, and last the agent's entry
 * in {@code .bedrock_agentcore.yaml}, so nothing is forgotten while it still exists.
 */
public final class Destroyer {

    /**
     * @param deleteImages delete every image in the agent's repository
     * @param deleteRepository delete the repository itself (with its images)
     * @param dryRun list what would be deleted, delete nothing
     */
    public record Options(boolean deleteImages, boolean deleteRepository, boolean dryRun) {
    }

    /** How long destroy waits for a memory to be deleted, the toolkit's bound on its memory waits. */
    static final Duration MEMORY_DELETE_TIMEOUT = Duration.ofSeconds(300);

    private final AwsSession aws;
    private final Path configFile;
    private final BuildLog log;

    public Destroyer(AwsSession aws, Path configFile, BuildLog log) {
        this.aws = aws;
        this.configFile = configFile;
        this.log = log;
    }

    /** @param agent the runtime to delete, or empty when the agent was never deployed */
    public void destroy(String agentName, Optional<DeployedAgent> agent, Options options) {
        String prefix = options.dryRun() ? "[dry run] would delete " : "Deleted ";
        if (agent.isPresent()) {
            deleteRuntime(agent.get(), options, prefix);
        }
        AgentEntry entry = AgentEntry.read(configFile, agentName);
        if (options.deleteImages() || options.deleteRepository()) {
            String repository = entry.ecrRepository().map(uri -> uri.substring(uri.lastIndexOf('/') + 1))
                    .orElse(ResourceNames.repositoryName(agentName));
            Repositories repositories = new Repositories(aws, log);
            if (repositories.find(repository).isEmpty()) {
                log.info("ECR repository " + repository + " does not exist");
            } else if (options.deleteRepository()) {
                repositories.delete(repository, options.dryRun());
            } else {
                repositories.deleteImages(repository, options.dryRun());
            }
        }
        deleteMemoryAndProviders(entry, options.dryRun());
        Optional<String> role = entry.executionRole();
        if (role.isPresent() && entry.createdExecutionRole()) {
            new ExecutionRoles(aws, log).delete(role.get(), options.dryRun());
        } else if (role.isPresent()) {
            log.info("Keeping execution role " + role.get() + ": this plugin did not create it");
        }
        if (entry.exists()) {
            if (options.dryRun()) {
                log.info("[dry run] would remove agent " + agentName + " from " + configFile);
            } else {
                entry.remove();
                entry.save();
                log.info("Removed agent " + agentName + " from " + configFile);
            }
        }
    }

    /**
     * Deletes the memory only if deploy created it ({@code was_created_by_toolkit}) and the API-key providers deploy
     * created; says what it keeps and why.
     */
    private void deleteMemoryAndProviders(AgentEntry entry, boolean dryRun) {
        Optional<MemoryRecord> memory = MemoryRecord.read(entry);
        if (memory.isPresent() && memory.get().createdByDeploy()) {
            try {
                new Memories(aws.control(), log).delete(memory.get().memoryId(), MEMORY_DELETE_TIMEOUT, dryRun);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeployFailedException("Interrupted while memory " + memory.get().memoryId()
                        + " was being deleted; it goes on being deleted", e);
            }
        } else if (memory.isPresent()) {
            log.info("Keeping memory " + memory.get().memoryId() + ": deploy did not create it");
        }
        Set<String> created = IdentityRecord.createdApiKeyProviders(entry);
        CredentialProviders vault = new CredentialProviders(aws.control(), log);
        created.forEach(provider -> vault.deleteApiKey(provider, dryRun));
        for (CredentialProviderRecord provider : IdentityRecord.providers(entry)) {
            if (!created.contains(provider.name())) {
                log.info("Keeping credential provider " + provider.name() + ": deploy did not create it");
            }
        }
    }

    private void deleteRuntime(DeployedAgent agent, Options options, String prefix) {
        Runtimes runtimes = new Runtimes(aws.control(), log);
        if (runtimes.find(agent.id()).isEmpty()) {
            log.info("Agent runtime " + agent.id() + " is already gone");
            return;
        }
        for (AgentRuntimeEndpoint endpoint : runtimes.endpoints(agent.id())) {
            if (!endpoint.name().equals(Runtimes.DEFAULT_ENDPOINT)) {
                if (!options.dryRun()) {
                    aws.control().deleteAgentRuntimeEndpoint(call -> call.agentRuntimeId(agent.id())
                            .endpointName(endpoint.name()));
                }
                log.info(prefix + "endpoint " + endpoint.name() + " of agent runtime " + agent.id());
            }
        }
        if (!options.dryRun()) {
            try {
                aws.control().deleteAgentRuntime(call -> call.agentRuntimeId(agent.id()));
            } catch (ResourceNotFoundException gone) {
                log.info("Agent runtime " + agent.id() + " is already gone");
                return;
            }
        }
        log.info(prefix + "agent runtime " + agent.arn() + " with all its versions");
    }
}
