package io.github.agentcore4j.maven.core.invoke;

import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeResponse;

/**
 * A deployed agent, called through AgentCore's InvokeAgentRuntime with SigV4 (the caller's AWS identity). The answer
 * streams: the body is read as the runtime sends it.
 */
public final class AwsAgentEndpoint implements AgentEndpoint {

    private final BedrockAgentCoreClient client;
    private final DeployedAgent agent;
    private final String qualifier;
    private final String userId;

    /**
     * @param qualifier the endpoint (e.g. {@code DEFAULT}, {@code prod}) or version to call
     * @param userId the runtime user id to act for, or {@code null}
     */
    public AwsAgentEndpoint(BedrockAgentCoreClient client, DeployedAgent agent, String qualifier, String userId) {
        this.client = client;
        this.agent = agent;
        this.qualifier = qualifier;
        this.userId = userId;
    }

    @Override
    public InvocationResponse send(InvocationRequest request) {
        InvokeAgentRuntimeRequest invoke = InvokeAgentRuntimeRequest.builder()
                .agentRuntimeArn(agent.arn())
                .qualifier(qualifier)
                .runtimeSessionId(request.sessionId())
                .runtimeUserId(userId)
                .contentType("application/json")
                .accept(InvocationRequest.ACCEPT)
                .payload(SdkBytes.fromUtf8String(request.payload()))
                .overrideConfiguration(override -> request.headers().forEach(override::putHeader))
                .build();
        try {
            ResponseInputStream<InvokeAgentRuntimeResponse> response = client.invokeAgentRuntime(invoke);
            return new InvocationResponse(response.response().sdkHttpResponse().statusCode(),
                    response.response().contentType() == null ? "" : response.response().contentType(), response,
                    response.response().traceId());
        } catch (AwsServiceException e) {
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            String hint = e.statusCode() == 403 && String.valueOf(message).contains("authorization method")
                    ? " Fix: this runtime takes OAuth bearer tokens; pass -Dagentcore.invoke.bearerToken or set "
                            + BearerAgentEndpoint.TOKEN_VARIABLE
                    : "";
            throw new InvocationFailedException("AgentCore answered " + e.statusCode() + " ("
                    + (e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode()) + "): " + message + "."
                    + hint, e);
        } catch (SdkClientException e) {
            throw new InvocationFailedException("Cannot call AgentCore for " + agent.arn() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return agent.arn() + " (endpoint " + qualifier + ", SigV4" + (userId == null ? "" : ", user " + userId) + ")";
    }
}
