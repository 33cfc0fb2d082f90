package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.local.LocalAgentState;
import io.github.agentcore4j.maven.core.local.TcpPort;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that start or call the local agent share: its port and the record of the running agent. The image
 * settings come along because run-local and start can run the agent's image instead of its classes.
 */
public abstract class AbstractLocalAgentMojo extends AbstractImageMojo {

    /**
     * The port of the local agent on 127.0.0.1. Defaults to the protocol's port (8080 HTTP, 8000 MCP, 9000 A2A);
     * invoke uses the port of the agent that run-local or start launched in this project, and fails when there
     * is none instead of guessing.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PORT)
    protected Integer port;

    /** Where run-local and start record the running agent: {@code target/agentcore/local-agent.properties}. */
    protected final Path localStateFile() {
        return LocalAgentState.fileIn(agentCoreDirectory());
    }

    /** The port to start an agent on: the configured one, else the protocol's. */
    protected final int launchPort() {
        return port != null ? TcpPort.require(port) : protocol().port();
    }

    /**
     * The port to reach the local agent on: the configured one, else the one run-local or start recorded for the
     * agent they run. Logs which, and never guesses: with neither, the goal fails saying how to start the agent.
     *
     * @throws InvalidSettingException naming {@code port} when it is unset and no local agent is recorded
     */
    protected final int runningAgentPort() {
        if (port != null) {
            int configured = TcpPort.require(port);
            getLog().info("Local agent port " + configured + " (set by agentcore.port)");
            return configured;
        }
        Path stateFile = localStateFile();
        int recorded = LocalAgentState.read(stateFile)
                .filter(LocalAgentState::isRunning)
                .map(LocalAgentState::port)
                .orElseThrow(() -> new InvalidSettingException(PropertyNames.PORT,
                        "it is not set and no local agent of this "
                        + "project runs (" + stateFile + " records none that is alive)", "start the agent with `mvn "
                        + "agentcore:run-local` (or agentcore:start) in this project, or pass "
                        + "-Dagentcore.port=<port> for one that runs elsewhere"));
        getLog().info("Local agent port " + recorded + " (recorded by run-local/start in " + stateFile + ")");
        return recorded;
    }
}
