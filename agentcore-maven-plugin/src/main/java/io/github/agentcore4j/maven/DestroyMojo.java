package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.AgentCoreException;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import io.github.agentcore4j.maven.core.deploy.Destroyer;
import java.io.Console;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes what deploy made: the runtime's named endpoints, the runtime, optionally the images or the whole ECR
 * repository, the execution role only if this plugin created it, and last the agent's entry in
 * {@code .bedrock_agentcore.yaml}. Asks for confirmation; a non-interactive build (-B, CI) needs
 * {@code -Dagentcore.destroy.confirm=true}.
 *
 * @since 0.1.0
 */
@Mojo(name = "destroy", threadSafe = true)
public class DestroyMojo extends AbstractDeployedAgentMojo {

    /**
     * Confirms the deletion without asking, as a non-interactive build must.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DESTROY_CONFIRM, defaultValue = "false")
    private boolean confirm;

    /**
     * Lists what would be deleted and deletes nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DESTROY_DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /**
     * Also deletes every image in the agent's ECR repository (the repository stays).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DESTROY_DELETE_IMAGES, defaultValue = "false")
    private boolean deleteImages;

    /**
     * Also deletes the agent's ECR repository with its images, even one this plugin did not create.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DESTROY_DELETE_REPOSITORY, defaultValue = "false")
    private boolean deleteRepository;

    @Override
    protected void doExecute() {
        String name = agentSettings().name().value();
        Optional<DeployedAgent> agent = DeployedAgent.find(agentArn, agentEntry());
        if (!dryRun && !confirm && !confirmedInteractively(name, agent)) {
            throw new AgentCoreException(AgentCoreException.Kind.FAILURE, "agentcore:destroy deletes agent " + name + agent.map(a -> " (" + a.arn()
                    + ")").orElse("") + " and did not get a confirmation. Fix: pass -Dagentcore.destroy.confirm=true"
                    + " (required in non-interactive builds), or -Dagentcore.destroy.dryRun=true to list what would"
                    + " be deleted");
        }
        try (AwsSession aws = agent.map(this::awsSessionFor).orElseGet(() -> AwsSession.open(awsSettings()))) {
            new Destroyer(aws, configFile(), buildLog()).destroy(name, agent,
                    new Destroyer.Options(deleteImages, deleteRepository, dryRun));
        }
    }

    private boolean confirmedInteractively(String name, Optional<DeployedAgent> agent) {
        Console console = System.console();
        if (!maven().isInteractive() || console == null) {
            return false;
        }
        String answer = console.readLine("Delete agent %s%s? Type its name to confirm: ", name,
                agent.map(a -> " (" + a.arn() + ")").orElse(""));
        return name.equals(answer == null ? null : answer.trim());
    }
}
