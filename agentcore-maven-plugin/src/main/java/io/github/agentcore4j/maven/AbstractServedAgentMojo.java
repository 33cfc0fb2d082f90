package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that run the agent, locally (run-local, start), deployed (deploy, configure) or in
 * build's smoke test: its environment and where it serves.
 */
public abstract class AbstractServedAgentMojo extends AbstractImageMojo {

    /**
     * Environment variables for the agent, each {@code NAME=value}; comma-separated on the command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ENVIRONMENT)
    protected List<String> environment;

    /**
     * The agent's serving port. Deploy sends it as {@code protocolConfiguration.port} and as {@code AGENTCORE_PORT}
     * in the runtime's environment; run-local and start listen on it on 127.0.0.1 (a container keeps the protocol's
     * port inside and publishes it there). Unset: the protocol's port (HTTP 8080, MCP 8000, A2A 9000).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PORT)
    protected Integer port;

    /**
     * A custom invocation path (sent as {@code protocolConfiguration.path} and as {@code AGENTCORE_INVOCATION_PATH}).
     * Unset: the protocol's path ({@code /invocations}, {@code /mcp}, {@code /}).
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.INVOCATION_PATH)
    protected String invocationPath;

    /**
     * The path the warmup hook POSTs to; the runtime library serves {@code /warmup}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.WARMUP_PATH, defaultValue = "/warmup")
    protected String warmupPath;

    @Override
    protected void addSettings(AgentSettings.Builder builder) {
        super.addSettings(builder);
        builder.environment(environment)
                .serving(servingPort(), invocationPath)
                .warmup(false, warmupPath);
    }

    /** The port the runtime configuration carries; run-local and start use {@code port} on the host instead. */
    protected Integer servingPort() {
        return port;
    }
}
