package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.local.AgentLaunch;
import io.github.agentcore4j.maven.core.local.BackgroundAgents;
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

    @Override
    protected void doExecute() throws InterruptedException {
        AgentLaunch spec = agentLaunch();
        BackgroundAgents.start(spec, maven().localStateFile(), agentCoreDirectory().resolve(LOG_FILE_NAME),
                startTimeout(), buildLog());
        maven().setProjectProperty(PropertyNames.LOCAL_PORT, Integer.toString(spec.port()));
        maven().setProjectProperty(PropertyNames.LOCAL_URL, "http://127.0.0.1:" + spec.port());
        getLog().info("Set " + PropertyNames.LOCAL_PORT + "=" + spec.port() + " and " + PropertyNames.LOCAL_URL
                + "=http://127.0.0.1:" + spec.port() + " for the integration tests");
    }
}
