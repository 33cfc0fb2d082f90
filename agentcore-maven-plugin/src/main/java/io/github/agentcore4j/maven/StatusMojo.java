package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import io.github.agentcore4j.maven.core.deploy.MemoryAndIdentityStatus;
import io.github.agentcore4j.maven.core.deploy.RuntimeReports;
import io.github.agentcore4j.maven.core.deploy.Runtimes;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Shows the deployed runtime: its state and latest version (with the failure reason when it failed), its image and
 * role, every endpoint with the version it serves, the CloudWatch log groups, and the agent's memory (id, status,
 * strategies) and credential providers.
 *
 * @since 0.1.0
 */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractDeployedAgentMojo {

    @Override
    protected void doExecute() {
        DeployedAgent agent = deployedAgent();
        try (AwsSession aws = awsSessionFor(agent)) {
            new RuntimeReports(new Runtimes(aws.control(), buildLog())).status(agent).forEach(buildLog()::info);
            MemoryAndIdentityStatus.lines(aws, agentEntry(), buildLog()).forEach(buildLog()::info);
        }
    }
}
