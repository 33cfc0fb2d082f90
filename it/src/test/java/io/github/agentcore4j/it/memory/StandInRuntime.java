package io.github.agentcore4j.it.memory;

import io.github.agentcore4j.it.aws.AwsStandIn;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;

/**
 * An AgentCore runtime in the AWS stand-in whose invocations go to an agent on this machine, and SDK clients pointed
 * at the stand-in, for the memory and identity tests.
 */
final class StandInRuntime implements AutoCloseable {

    private static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"Service":"bedrock-agentcore.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    final AwsStandIn aws;
    final BedrockAgentCoreControlClient control;
    final BedrockAgentCoreClient data;

    StandInRuntime() {
        aws = AwsStandIn.builder().start();
        control = pointedAtStandIn(aws, BedrockAgentCoreControlClient.builder()).build();
        data = pointedAtStandIn(aws, BedrockAgentCoreClient.builder()).build();
    }

    /** Endpoint, region and the stand-in's static credentials on any SDK client builder. */
    static <B extends AwsClientBuilder<B, ?>> B pointedAtStandIn(AwsStandIn aws, B builder) {
        return builder.endpointOverride(aws.endpoint()).region(Region.of(aws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsStandIn.ACCESS_KEY_ID, AwsStandIn.SECRET_ACCESS_KEY)));
    }

    /** Creates a runtime as deploy does, sends its invocations to {@code agent}, and answers its ARN once READY. */
    String deploy(String name, URI agent, Map<String, String> environment) {
        aws.agent(agent);
        String roleArn = aws.iam().addRole(name + "Role", TRUST_POLICY);
        String image = aws.accountId() + ".dkr.ecr." + aws.region() + ".amazonaws.com/" + name + ":v1";
        String id = control.createAgentRuntime(request -> request.agentRuntimeName(name).roleArn(roleArn)
                .agentRuntimeArtifact(artifact -> artifact.containerConfiguration(c -> c.containerUri(image)))
                .networkConfiguration(network -> network.networkMode(NetworkMode.PUBLIC))
                .environmentVariables(environment))
                .agentRuntimeId();
        for (int read = 0; read < 20; read++) {
            GetAgentRuntimeResponse runtime = control.getAgentRuntime(request -> request.agentRuntimeId(id));
            if (runtime.statusAsString().equals("READY")) {
                return runtime.agentRuntimeArn();
            }
        }
        throw new AssertionError("Runtime " + id + " did not become READY within 20 reads");
    }

    @Override
    public void close() {
        data.close();
        control.close();
        aws.close();
    }
}
