package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.local.LocalAgentState;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that start or call the local agent share: its port and the record of the running agent. The image
 * settings come along because run-local and start can run the agent's image instead of its classes.
 */
public abstract class AbstractLocalAgentMojo extends AbstractImageMojo {

    /**
     * The port of the local agent on 127.0.0.1. Defaults to the protocol's port (8080 HTTP, 8000 MCP, 9000 A2A);
     * invoke defaults to the port of the agent that run-local or start launched.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.port")
    protected Integer port;

    /** Where run-local and start record the running agent: {@code target/agentcore/local-agent.properties}. */
    protected final Path localStateFile() {
        return LocalAgentState.fileIn(agentCoreDirectory());
    }

    /** The port to start an agent on: the configured one, else the protocol's. */
    protected final int launchPort() {
        return port != null ? port : protocol().port();
    }

    /** The port to reach the agent on: the configured one, else the running local agent's, else the protocol's. */
    protected final int runningAgentPort() {
        if (port != null) {
            return port;
        }
        return LocalAgentState.read(localStateFile())
                .filter(LocalAgentState::isRunning)
                .map(LocalAgentState::port)
                .orElseGet(() -> protocol().port());
    }
}
