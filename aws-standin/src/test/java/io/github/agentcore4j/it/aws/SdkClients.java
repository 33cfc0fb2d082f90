package io.github.agentcore4j.it.aws;

import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * Real AWS SDK clients pointed at a stand-in with {@code endpointOverride}, static test credentials and the
 * stand-in's region, as the tests of the stand-in use them. Retries are off unless asked for, so a test sees each
 * injected error once.
 */
final class SdkClients {

    private final AwsStandIn standIn;
    private final boolean retries;

    private SdkClients(AwsStandIn standIn, boolean retries) {
        this.standIn = standIn;
        this.retries = retries;
    }

    static SdkClients of(AwsStandIn standIn) {
        return new SdkClients(standIn, false);
    }

    /** Clients with the SDK's default retry strategy (standard mode, three attempts). */
    static SdkClients withRetries(AwsStandIn standIn) {
        return new SdkClients(standIn, true);
    }

    BedrockAgentCoreControlClient control() {
        return configure(BedrockAgentCoreControlClient.builder()).build();
    }

    BedrockAgentCoreClient data() {
        return configure(BedrockAgentCoreClient.builder()).build();
    }

    EcrClient ecr() {
        return configure(EcrClient.builder()).build();
    }

    StsClient sts() {
        return configure(StsClient.builder()).build();
    }

    IamClient iam() {
        return configure(IamClient.builder()).build();
    }

    CloudWatchLogsClient logs() {
        return configure(CloudWatchLogsClient.builder()).build();
    }

    XRayClient xray() {
        return configure(XRayClient.builder()).build();
    }

    /** A control-plane client whose requests carry the members {@code extra} adds, and which keeps raw answers. */
    BedrockAgentCoreControlClient control(ExtraMembers extra) {
        return configure(BedrockAgentCoreControlClient.builder(), extra).build();
    }

    <B extends AwsClientBuilder<B, C> & SdkClientBuilder<B, C>, C> B configure(B builder,
                                                                                ExecutionInterceptor... interceptors) {
        builder.endpointOverride(standIn.endpoint())
                .region(Region.of(standIn.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsStandIn.ACCESS_KEY_ID, AwsStandIn.SECRET_ACCESS_KEY)));
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .executionInterceptors(List.of(interceptors));
        if (!retries) {
            override.retryStrategy(AwsRetryStrategy.doNotRetry());
        }
        builder.overrideConfiguration(override.build());
        return builder;
    }
}
