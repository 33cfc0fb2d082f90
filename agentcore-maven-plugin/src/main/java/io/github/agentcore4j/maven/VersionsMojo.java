package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import io.github.agentcore4j.maven.core.deploy.RuntimeReports;
import io.github.agentcore4j.maven.core.deploy.Runtimes;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists the deployed runtime's versions, newest first: number, status, creation time, image digest, and the endpoints
 * that serve each one. Pick a version here for agentcore:rollback.
 *
 * @since 0.1.0
 */
@Mojo(name = "versions", threadSafe = true)
public class VersionsMojo extends AbstractDeployedAgentMojo {

    @Override
    protected void doExecute() {
        DeployedAgent agent = deployedAgent();
        try (AwsSession aws = awsSessionFor(agent)) {
            new RuntimeReports(new Runtimes(aws.control(), buildLog())).versions(agent).forEach(buildLog()::info);
        }
    }
}
