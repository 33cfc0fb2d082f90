package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.local.AgentLaunch;
import io.github.agentcore4j.maven.core.local.AgentStartException;
import io.github.agentcore4j.maven.core.local.BackgroundAgents;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Starts the agent in the background and waits until it is healthy, so integration tests can call a live agent;
 * {@code stop} ends it. The agent's output goes to {@code target/agentcore/local-agent.log}. The agent never outlives
 * the Maven run: if the build fails before {@code stop}, it is stopped when Maven exits. Sets the project properties
 * {@code agentcore.local.port} and {@code agentcore.local.url} (e.g. {@code http://127.0.0.1:8080}), which
 * integration tests can receive through Failsafe's {@code systemPropertyVariables}.
 *
 * @since 0.1.0
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StartMojo extends AbstractLaunchMojo {

    static final String LOG_FILE_NAME = "local-agent.log";
    /** The project property start sets to the agent's port, e.g. for Failsafe's {@code systemPropertyVariables}. */
    static final String PORT_PROPERTY = "agentcore.local.port";
    /** The project property start sets to the agent's URL, e.g. {@code http://127.0.0.1:8080}. */
    static final String URL_PROPERTY = "agentcore.local.url";

    @Override
    protected void doExecute() throws MojoExecutionException {
        AgentLaunch spec = agentLaunch();
        try {
            BackgroundAgents.start(spec, localStateFile(), agentCoreDirectory().resolve(LOG_FILE_NAME),
                    startTimeout(), buildLog());
            project.getProperties().setProperty(PORT_PROPERTY, Integer.toString(spec.port()));
            project.getProperties().setProperty(URL_PROPERTY, "http://127.0.0.1:" + spec.port());
            getLog().info("Set " + PORT_PROPERTY + "=" + spec.port() + " and " + URL_PROPERTY + "=http://127.0.0.1:"
                    + spec.port() + " for the integration tests");
        } catch (AgentStartException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the agent started", e);
        }
    }
}
