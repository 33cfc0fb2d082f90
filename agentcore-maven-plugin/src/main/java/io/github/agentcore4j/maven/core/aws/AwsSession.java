package io.github.agentcore4j.maven.core.aws;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The AWS clients of one goal run, for one region and one identity, made on first use and closed together. Every
 * client honours the {@code endpointUrl} setting; without it the SDK's own endpoint resolution applies
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>}, the profile's {@code endpoint_url}).
 */
public final class AwsSession implements AutoCloseable {

    private final AwsSettings settings;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private StsClient sts;
    private IamClient iam;
    private EcrClient ecr;
    private BedrockAgentCoreControlClient control;
    private BedrockAgentCoreClient data;
    private CloudWatchLogsClient logs;
    private XRayClient xray;
    private String accountId;

    private AwsSession(AwsSettings settings, Region region) {
        this.settings = settings;
        this.region = region;
        this.credentials = settings.profile() == null
                ? DefaultCredentialsProvider.builder().build()
                : DefaultCredentialsProvider.builder().profileName(settings.profile()).build();
    }

    /**
     * A session in the configured region, else the SDK chain's (AWS_REGION, the profile).
     *
     * @throws InvalidSettingException naming {@code region} when neither gives one
     */
    public static AwsSession open(AwsSettings settings) {
        return new AwsSession(settings, resolveRegion(settings));
    }

    /** A session in the configured region, else in {@code defaultRegion}, e.g. the one in a runtime's ARN. */
    public static AwsSession openIn(AwsSettings settings, String defaultRegion) {
        return settings.region() != null ? open(settings) : open(settings, defaultRegion);
    }

    /** A session in a fixed region, e.g. the one in a runtime ARN. */
    public static AwsSession open(AwsSettings settings, String region) {
        return new AwsSession(settings, Region.of(region));
    }

    private static Region resolveRegion(AwsSettings settings) {
        if (settings.region() != null && !settings.region().isBlank()) {
            return Region.of(settings.region().trim());
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (settings.profile() != null) {
                chain.profileName(settings.profile());
            }
            return chain.build().getRegion();
        } catch (SdkClientException e) {
            throw new InvalidSettingException(PropertyNames.REGION,
                    "no AWS region is configured (not in the POM, AWS_REGION or "
                    + "the profile)", "set -Dagentcore.region=us-east-1 (or AWS_REGION, or region in ~/.aws/config)");
        }
    }

    public String region() {
        return region.id();
    }

    /** The partition of the region, for ARNs: {@code aws}, {@code aws-cn}, {@code aws-us-gov}. */
    public String partition() {
        return region.metadata() == null ? "aws" : region.metadata().partition().id();
    }

    /** The caller's account, from STS GetCallerIdentity (asked once). */
    public synchronized String accountId() {
        if (accountId == null) {
            accountId = sts().getCallerIdentity().account();
        }
        return accountId;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = configure(StsClient.builder(), region).build();
            clients.add(sts);
        }
        return sts;
    }

    /**
     * IAM is global per partition: its requests are signed for the partition's IAM region (us-east-1,
     * cn-north-1, us-gov-west-1) whatever the session's region.
     */
    public synchronized IamClient iam() {
        if (iam == null) {
            iam = configure(IamClient.builder(), iamRegion(partition())).build();
            clients.add(iam);
        }
        return iam;
    }

    /** The region IAM requests are signed for in a partition. */
    static Region iamRegion(String partition) {
        switch (partition) {
            case "aws-cn":
                return Region.CN_NORTH_1;
            case "aws-us-gov":
                return Region.US_GOV_WEST_1;
            default:
                return Region.US_EAST_1;
        }
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = configure(EcrClient.builder(), region).build();
            clients.add(ecr);
        }
        return ecr;
    }

    public synchronized BedrockAgentCoreControlClient control() {
        if (control == null) {
            control = configure(BedrockAgentCoreControlClient.builder(), region)
                    .overrideConfiguration(c -> c.addExecutionInterceptor(new JsonMembers())).build();
            clients.add(control);
        }
        return control;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = configure(CloudWatchLogsClient.builder(), region).build();
            clients.add(logs);
        }
        return logs;
    }

    /**
     * The AgentCore data plane, whose answers may stream for minutes.
     *
     * @param readTimeout how long the client waits for the next bytes of an answer; the first call decides
     */
    public synchronized BedrockAgentCoreClient data(Duration readTimeout) {
        if (data == null) {
            data = configure(BedrockAgentCoreClient.builder(), region)
                    .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(readTimeout))
                    .build();
            clients.add(data);
        }
        return data;
    }

    /** X-Ray, whose trace segment destination says whether Transaction Search is on. */
    public synchronized XRayClient xray() {
        if (xray == null) {
            xray = configure(XRayClient.builder(), region).build();
            clients.add(xray);
        }
        return xray;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region clientRegion) {
        builder.region(clientRegion).credentialsProvider(credentials);
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(settings.endpointUrl());
        }
        return builder;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception ignored) {
                // Closing releases connections; nothing is left to do when it fails.
            }
        }
        clients.clear();
    }
}
