package io.github.agentcore4j.it.aws;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/** A fresh stand-in per test, the real control-plane client pointed at it, and an execution role it knows. */
abstract class ControlPlaneFixture {

    protected AwsStandIn aws;
    protected BedrockAgentCoreControlClient control;
    protected String roleArn;

    @BeforeEach
    void startStandIn() {
        aws = AwsStandIn.builder().start();
        control = SdkClients.of(aws).control();
        roleArn = aws.iam().addRole("DemoExecutionRole", StandInFixtures.TRUST_POLICY);
    }

    @AfterEach
    void stopStandIn() {
        control.close();
        aws.close();
    }
}
