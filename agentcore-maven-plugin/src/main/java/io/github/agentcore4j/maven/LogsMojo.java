package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.config.ServiceRules;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import io.github.agentcore4j.maven.core.deploy.RuntimeLogs;
import java.time.Instant;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the deployed agent's logs from CloudWatch ({@code /aws/bedrock-agentcore/runtimes/<id>-<endpoint>}), and
 * with {@code follow} keeps printing new ones until the build is stopped.
 *
 * @since 0.2.0
 */
@Mojo(name = "logs", threadSafe = true)
public class LogsMojo extends AbstractDeployedAgentMojo {

    /**
     * How far back to start: an age such as {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, or an ISO instant.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.LOGS_SINCE, defaultValue = "10m")
    private String since;

    /**
     * Keeps printing new events (every 2 s) until the build is stopped (Ctrl-C).
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.LOGS_FOLLOW, defaultValue = "false")
    private boolean follow;

    /**
     * The endpoint whose log group to read: {@code DEFAULT} or a named endpoint such as {@code prod}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.LOGS_ENDPOINT, defaultValue = "DEFAULT")
    private String endpoint;

    @Override
    protected void doExecute() throws InterruptedException {
        Instant from = RuntimeLogs.parseSince(since, Instant.now());
        String endpointName = ServiceRules.checkEndpointName(PropertyNames.LOGS_ENDPOINT, endpoint.trim());
        DeployedAgent agent = deployedAgent();
        try (AwsSession aws = awsSessionFor(agent)) {
            new RuntimeLogs(aws.logs(), buildLog()).follow(agent.id(), endpointName, from, follow ? -1 : 1,
                    System.out::println);
        }
    }
}
