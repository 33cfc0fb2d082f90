package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.local.AgentStartException;
import io.github.agentcore4j.maven.core.local.BackgroundAgents;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Starts the agent in the background and waits until it is healthy, so integration tests can call a live agent;
 * {@code stop} ends it. The agent's output goes to {@code target/agentcore/local-agent.log}. The agent never outlives
 * the Maven run: if the build fails before {@code stop}, it is stopped when Maven exits.
 *
 * @since 0.1.0
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StartMojo extends AbstractLaunchMojo {

    static final String LOG_FILE_NAME = "local-agent.log";

    @Override
    protected void doExecute() throws MojoExecutionException {
        try {
            BackgroundAgents.start(agentLaunch(), localStateFile(), agentCoreDirectory().resolve(LOG_FILE_NAME),
                    startTimeout(), buildLog());
        } catch (AgentStartException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the agent started", e);
        }
    }
}
