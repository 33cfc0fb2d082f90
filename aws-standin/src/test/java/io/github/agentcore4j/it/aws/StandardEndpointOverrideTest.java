package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Clients built with nothing but {@code builder().build()} reach the stand-in through the SDK's standard settings
 * ({@code aws.endpointUrl}, {@code aws.region} and the credential properties, the JVM-property twins of
 * {@link AwsStandIn#environment()}), which is how a forked Maven run of the plugin finds it.
 */
class StandardEndpointOverrideTest {

    private static final Map<String, String> PROPERTIES = Map.of(
            "AWS_ENDPOINT_URL", "aws.endpointUrl",
            "AWS_REGION", "aws.region",
            "AWS_ACCESS_KEY_ID", "aws.accessKeyId",
            "AWS_SECRET_ACCESS_KEY", "aws.secretAccessKey");

    private AwsStandIn aws;

    @BeforeEach
    void start() {
        aws = AwsStandIn.builder().start();
        aws.environment().forEach((variable, value) -> System.setProperty(PROPERTIES.get(variable), value));
    }

    @AfterEach
    void stop() {
        PROPERTIES.values().forEach(System::clearProperty);
        aws.close();
    }

    @Test
    void everyClientFindsTheStandInThroughTheStandardSettings() {
        try (StsClient sts = StsClient.create(); EcrClient ecr = EcrClient.create(); IamClient iam = IamClient.builder().build();
             BedrockAgentCoreControlClient control = BedrockAgentCoreControlClient.create()) {
            assertEquals(aws.accountId(), sts.getCallerIdentity().account());
            assertEquals(aws.ecr().proxyEndpoint(), ecr.getAuthorizationToken(request -> { }).authorizationData().get(0)
                    .proxyEndpoint());
            aws.iam().addRole("Seeded", StandInFixtures.TRUST_POLICY);
            assertTrue(iam.listRolePolicies(request -> request.roleName("Seeded")).policyNames().isEmpty());
            assertTrue(control.listAgentRuntimes(request -> { }).agentRuntimes().isEmpty());
            assertEquals(AwsService.AGENTCORE_CONTROL, aws.requests().get(aws.requests().size() - 1).service());
        }
        assertEquals(4, aws.requests().size());
    }
}
