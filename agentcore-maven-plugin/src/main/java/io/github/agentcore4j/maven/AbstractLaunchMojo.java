package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.local.AgentLaunch;
import io.github.agentcore4j.maven.core.local.LaunchSpec;
import io.github.agentcore4j.maven.core.local.TcpPort;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of run-local and start: how the agent is forked (the running JDK's {@code java}, the compiled
 * classes and the runtime classpath, the port, the environment) or run as its image, and how long it may take to
 * turn healthy.
 */
public abstract class AbstractLaunchMojo extends AbstractServedAgentMojo {

    /**
     * Seconds the agent may take to answer its health check ({@code GET /ping} with 200) before the goal fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.START_TIMEOUT, defaultValue = "60")
    protected int startTimeout;

    /**
     * Extra JVM options for the agent, separated by spaces, e.g. {@code -Xmx512m -Dlog.level=debug}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.JVM_ARGUMENTS)
    protected String jvmArguments;

    /**
     * Runs the agent's linux/arm64 image in a local container engine (Podman or Docker, see containerEngine) instead
     * of its classes in a forked JVM: the image agentcore:deploy would ship, with its base image, entrypoint and user,
     * emulated on x86 hosts. Slower to start; use it to check the image before deploying.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.CONTAINER, defaultValue = "false")
    protected boolean container;

    /** {@code port} is where the local agent listens on the host, not part of the runtime's configuration. */
    @Override
    protected final Integer servingPort() {
        return null;
    }

    /** How the agent starts: its image in the container engine in container mode, else a forked JVM. */
    protected final AgentLaunch agentLaunch() throws InterruptedException {
        return container ? containerLaunch(launchPort()) : launchSpec();
    }

    /** The forked agent's launch, with the AWS identity passthrough logged. */
    protected final LaunchSpec launchSpec() {
        return LaunchSpec.forked(agentSettings(), maven().runtimeClasspath(), resolveMainClass(), launchPort(),
                jvmArguments, maven().basedir(), recordedMemoryEnvironment(), buildLog());
    }

    /** The port to start an agent on: the configured one, else the protocol's. */
    protected final int launchPort() {
        return port != null ? TcpPort.require(port) : protocol().port();
    }

    protected final Duration startTimeout() {
        return Duration.ofSeconds(startTimeout);
    }
}
