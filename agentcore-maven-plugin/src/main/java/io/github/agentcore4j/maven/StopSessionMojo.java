package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import io.github.agentcore4j.maven.core.invoke.SessionStopper;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Ends a session of the deployed agent (StopRuntimeSession, SigV4): its microVM stops and its in-memory state is
 * gone. Defaults to the session invoke keeps in {@code .bedrock_agentcore.yaml}, which is then forgotten.
 *
 * @since 0.1.0
 */
@Mojo(name = "stop-session", threadSafe = true)
public class StopSessionMojo extends AbstractDeployedAgentMojo {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The session to end. Unset: the session invoke keeps in {@code .bedrock_agentcore.yaml}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STOP_SESSION_SESSION_ID)
    private String sessionId;

    /**
     * The endpoint the session runs on.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STOP_SESSION_QUALIFIER, defaultValue = "DEFAULT")
    private String qualifier;

    @Override
    protected void doExecute() {
        DeployedAgent agent = deployedAgent();
        try (AwsSession aws = awsSessionFor(agent)) {
            new SessionStopper(configFile(), agentSettings().name().value(), buildLog()).stop(aws.data(STOP_TIMEOUT), agent,
                    qualifier, sessionId);
        }
    }
}
