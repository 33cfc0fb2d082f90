package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.local.BackgroundAgents;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Stops the agent that {@code start} (or {@code run-local}) launched for this project: gracefully first (SIGTERM),
 * forcibly after ten seconds. Does nothing when no agent runs.
 *
 * @since 0.1.0
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractAgentCoreMojo {

    @Override
    protected void doExecute() {
        BackgroundAgents.stop(maven().localStateFile(), buildLog());
    }
}
