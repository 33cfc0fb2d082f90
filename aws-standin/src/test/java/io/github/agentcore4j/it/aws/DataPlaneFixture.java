package io.github.agentcore4j.it.aws;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/**
 * A fresh real agent and stand-in per test, the stand-in forwarding invocations to the agent, the real control-plane
 * (sending {@link #extra} members) and data-plane clients pointed at it, and an execution role it knows.
 */
abstract class DataPlaneFixture {

    private final String agentName;
    protected TinyAgent agent;
    protected AwsStandIn aws;
    protected ExtraMembers extra;
    protected BedrockAgentCoreControlClient control;
    protected BedrockAgentCoreClient data;
    protected String roleArn;

    /** {@code agentName} is what the agent answers with, to tell it from another. */
    protected DataPlaneFixture(String agentName) {
        this.agentName = agentName;
    }

    @BeforeEach
    void startAgentAndStandIn() throws IOException {
        agent = new TinyAgent(agentName);
        aws = AwsStandIn.builder().agent(agent.url()).start();
        extra = new ExtraMembers();
        SdkClients clients = SdkClients.of(aws);
        control = clients.control(extra);
        data = clients.data();
        roleArn = aws.iam().addRole("DemoExecutionRole", StandInFixtures.TRUST_POLICY);
    }

    @AfterEach
    void stopAgentAndStandIn() {
        data.close();
        control.close();
        aws.close();
        agent.close();
    }
}
