package io.github.agentcore4j.it.aws;

import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeResponse;

/** What the stand-in's tests share: an execution role's trust policy and runtime calls made the way a deployer makes them. */
final class StandInFixtures {

    static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"Service":"bedrock-agentcore.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private StandInFixtures() {
    }

    static String image(AwsStandIn aws, String tag) {
        return aws.accountId() + ".dkr.ecr." + aws.region() + ".amazonaws.com/bedrock-agentcore-demo:" + tag;
    }

    static CreateAgentRuntimeResponse create(BedrockAgentCoreControlClient control, String name, String image,
                                             String roleArn) {
        return control.createAgentRuntime(CreateAgentRuntimeRequest.builder().agentRuntimeName(name)
                .agentRuntimeArtifact(artifact -> artifact.containerConfiguration(c -> c.containerUri(image)))
                .roleArn(roleArn)
                .networkConfiguration(network -> network.networkMode(NetworkMode.PUBLIC))
                .build());
    }

    /**
     * Creates a runtime whose callers authenticate with a JWT bearer token (a custom JWT authorizer) instead of SigV4,
     * waits until it settles and returns its ARN.
     */
    static String deployJwtAuthorized(AwsStandIn aws, BedrockAgentCoreControlClient control, String name,
                                      String roleArn) {
        String id = control.createAgentRuntime(request -> request.agentRuntimeName(name).roleArn(roleArn)
                .networkConfiguration(network -> network.networkMode(NetworkMode.PUBLIC))
                .agentRuntimeArtifact(artifact -> artifact.containerConfiguration(c -> c
                        .containerUri(image(aws, "v1"))))
                .authorizerConfiguration(auth -> auth.customJWTAuthorizer(jwt -> jwt
                        .discoveryUrl("https://issuer.example/.well-known/openid-configuration")
                        .allowedClients("client"))))
                .agentRuntimeId();
        settle(control, id);
        return aws.agentCore().runtime(id).orElseThrow().arn();
    }

    static UpdateAgentRuntimeResponse update(BedrockAgentCoreControlClient control, String id, String image,
                                             String roleArn) {
        return control.updateAgentRuntime(request -> request.agentRuntimeId(id)
                .agentRuntimeArtifact(artifact -> artifact.containerConfiguration(c -> c.containerUri(image)))
                .roleArn(roleArn)
                .networkConfiguration(network -> network.networkMode(NetworkMode.PUBLIC)));
    }

    /** Polls GetAgentRuntime until the status is no longer CREATING/UPDATING, at most 20 reads. */
    static GetAgentRuntimeResponse settle(BedrockAgentCoreControlClient control, String id) {
        for (int read = 0; read < 20; read++) {
            GetAgentRuntimeResponse runtime = control.getAgentRuntime(request -> request.agentRuntimeId(id));
            if (runtime.status() != AgentRuntimeStatus.CREATING && runtime.status() != AgentRuntimeStatus.UPDATING) {
                return runtime;
            }
        }
        throw new AssertionError("Runtime " + id + " did not settle within 20 reads");
    }
}
