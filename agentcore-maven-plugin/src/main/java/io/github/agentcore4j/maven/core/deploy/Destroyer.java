package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpoint;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;

/**
 * The destroy goal's work, in an order that can be re-run after any failure: named endpoints, the runtime, (when
 * asked) the images and repository, the execution role only when this plugin created it, and last the agent's entry
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
