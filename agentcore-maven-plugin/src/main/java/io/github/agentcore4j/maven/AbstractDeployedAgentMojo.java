package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that work on a deployed runtime: which runtime. */
public abstract class AbstractDeployedAgentMojo extends AbstractAgentMojo {

    /**
     * The ARN of a deployed agent runtime, for the goals that work on one (invoke, versions, status, rollback,
     * destroy, stop-session). Unset: the runtime {@code .bedrock_agentcore.yaml} records for the agent. With it, no
     * YAML file is needed.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.AGENT_ARN)
    protected String agentArn;

    /** The deployed runtime: {@code agentArn}, else the one the YAML records; fails naming agentArn when neither. */
    protected final DeployedAgent deployedAgent() {
        return DeployedAgent.require(agentArn, agentEntry());
    }
}
