package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import io.github.agentcore4j.maven.core.deploy.Rollback;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goes back to an earlier version and waits until it serves. A named endpoint is repointed to that version. DEFAULT
 * always serves the latest version, so for DEFAULT the earlier version's image and configuration are re-applied as
 * a new version; the output says which of the two happened.
 *
 * @since 0.1.0
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractDeployedAgentMojo {

    /**
     * The version to go back to. Unset: the newest READY version before the one the endpoint serves.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ROLLBACK_VERSION)
    private String version;

    /**
     * The endpoint to roll back: {@code DEFAULT} (what invoke calls unless told otherwise) or a named endpoint such
     * as {@code prod}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ROLLBACK_ENDPOINT, defaultValue = "DEFAULT")
    private String endpoint;

    /**
     * Seconds to wait for the rolled-back version to serve before the build fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.WAIT_TIMEOUT, defaultValue = "900")
    private int waitTimeout;

    @Override
    protected void doExecute() throws InterruptedException {
        DeployedAgent agent = deployedAgent();
        try (AwsSession aws = awsSessionFor(agent)) {
            new Rollback(aws, configFile(), agentCoreDirectory(), buildLog()).rollback(agentSettings().name().value(),
                    agent, version, endpoint, Duration.ofSeconds(waitTimeout));
        }
    }
}
