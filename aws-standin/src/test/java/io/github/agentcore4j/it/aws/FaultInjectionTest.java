package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpointStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;

/** Every fault the stand-in injects, seen through the real SDK clients as the exception or state it must become. */
class FaultInjectionTest extends ControlPlaneFixture {

    private String createReady() {
        String id = StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn).agentRuntimeId();
        StandInFixtures.settle(control, id);
        return id;
    }

    @Test
    void throttlingIsWhatEachSdkRetriesOn() {
        aws.faults().throttle("CreateAgentRuntime", 1);
        ThrottlingException throttled = assertThrows(ThrottlingException.class,
                () -> StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn));
        assertEquals(429, throttled.statusCode());
        assertTrue(aws.agentCore().runtimes().isEmpty(), "a throttled call changes nothing");

        aws.faults().throttle("CreateAgentRuntime", 2).throttle("GetRole", 1).throttle("DescribeRepositories", 1)
                .throttle("GetCallerIdentity", 1);
        SdkClients retrying = SdkClients.withRetries(aws);
        try (BedrockAgentCoreControlClient client = retrying.control(); IamClient iam = retrying.iam();
             EcrClient ecr = retrying.ecr(); StsClient sts = retrying.sts()) {
            StandInFixtures.create(client, "demo", StandInFixtures.image(aws, "v1"), roleArn);
            assertEquals(4, aws.requests("CreateAgentRuntime").size(), "one refused, then two throttled retries");
            assertEquals(1, aws.agentCore().runtimes().size(), "the retries shared one clientToken");
            iam.getRole(request -> request.roleName("DemoExecutionRole"));
            ecr.describeRepositories(request -> { });
            sts.getCallerIdentity();
        }
        assertEquals(2, aws.requests("GetRole").size());
        assertEquals(2, aws.requests("DescribeRepositories").size());
        assertEquals(2, aws.requests("GetCallerIdentity").size());
    }

    @Test
    void throttlingInQueryAndJsonProtocolsCarriesTheirCodes() {
        aws.faults().throttle("GetRole", 1).throttle("CreateRepository", 1);
        try (IamClient iam = SdkClients.of(aws).iam(); EcrClient ecr = SdkClients.of(aws).ecr()) {
            IamException iamError = assertThrows(IamException.class,
                    () -> iam.getRole(request -> request.roleName("DemoExecutionRole")));
            assertEquals("Throttling", iamError.awsErrorDetails().errorCode());
            assertTrue(iamError.isThrottlingException());
            EcrException ecrError = assertThrows(EcrException.class,
                    () -> ecr.createRepository(request -> request.repositoryName("demo")));
            assertEquals("ThrottlingException", ecrError.awsErrorDetails().errorCode());
            assertTrue(ecrError.isThrottlingException());
        }
    }

    @Test
    void aRoleNotYetPropagatedFailsCreateAndUpdateWithTheServicesMessage() {
        aws.faults().roleNotYetAssumable(2);
        ValidationException first = assertThrows(ValidationException.class,
                () -> StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn));
        assertEquals("Role validation failed for '" + roleArn + "'. Please verify that the role exists and its trust"
                + " policy allows assumption by this service", first.awsErrorDetails().errorMessage());
        assertThrows(ValidationException.class,
                () -> StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn));
        String id = createReady();

        aws.faults().roleNotYetAssumable(1);
        assertThrows(ValidationException.class,
                () -> StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn));
        assertEquals("2", StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn).agentRuntimeVersion());
    }

    @Test
    void conflictsAreInjectedAndRealOnesDetected() {
        aws.faults().conflict("CreateAgentRuntime", 1);
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn));
        assertEquals(409, conflict.statusCode());
        createReady();
        assertThrows(ConflictException.class,
                () -> StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn),
                "the name is taken");
    }

    @Test
    void aRuntimeDeletedBehindOurBackIsNotFound() {
        String id = createReady();
        aws.agentCore().deleteBehindOurBack(id);
        assertThrows(ResourceNotFoundException.class, () -> control.getAgentRuntime(request -> request.agentRuntimeId(id)));
        assertThrows(ResourceNotFoundException.class,
                () -> StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn));
        assertEquals("demo", StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn)
                .agentRuntimeId().substring(0, 4), "the name is free again");
    }

    @Test
    void createFailedCarriesTheFailureReason() {
        aws.faults().failNextCreate("Image not found in ECR");
        String id = StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn).agentRuntimeId();
        GetAgentRuntimeResponse failed = StandInFixtures.settle(control, id);
        assertEquals(AgentRuntimeStatus.CREATE_FAILED, failed.status());
        assertEquals("Image not found in ECR", failed.failureReason());
        assertEquals(AgentRuntimeEndpointStatus.CREATE_FAILED, control.getAgentRuntimeEndpoint(request -> request
                .agentRuntimeId(id).endpointName("DEFAULT")).status());
        assertEquals(List.of("Image not found in ECR"), aws.logs().events(LogsStandIn.runtimeLogGroup(id, "DEFAULT"))
                .stream().map(LogsStandIn.LogEvent::message).toList(), "the reason is in the runtime's log group");
    }

    @Test
    void updateFailedLeavesDefaultOnThePreviousVersion() {
        String id = createReady();
        aws.faults().failNextUpdate("Container exited during startup");
        StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn);
        GetAgentRuntimeResponse failed = StandInFixtures.settle(control, id);
        assertEquals(AgentRuntimeStatus.UPDATE_FAILED, failed.status());
        assertEquals("Container exited during startup", failed.failureReason());
        var endpoint = control.getAgentRuntimeEndpoint(request -> request.agentRuntimeId(id).endpointName("DEFAULT"));
        assertEquals("1", endpoint.liveVersion());
        assertEquals("2", endpoint.targetVersion());
        assertEquals("Container exited during startup", endpoint.failureReason());
        assertEquals("3", StandInFixtures.update(control, id, StandInFixtures.image(aws, "v3"), roleArn)
                .agentRuntimeVersion(), "a failed runtime can be updated again");
    }

    @Test
    void slowReadyTakesAsManyReadsAsAsked() {
        aws.faults().slowReady(3);
        String id = StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn).agentRuntimeId();
        for (int read = 0; read < 3; read++) {
            assertEquals(AgentRuntimeStatus.CREATING, control.getAgentRuntime(request -> request.agentRuntimeId(id)).status());
        }
        assertEquals(AgentRuntimeStatus.READY, control.getAgentRuntime(request -> request.agentRuntimeId(id)).status());

        aws.faults().slowReady(Integer.MAX_VALUE);
        control.createAgentRuntimeEndpoint(request -> request.agentRuntimeId(id).name("prod"));
        for (int read = 0; read < 5; read++) {
            assertEquals(AgentRuntimeEndpointStatus.CREATING, control.getAgentRuntimeEndpoint(request -> request
                    .agentRuntimeId(id).endpointName("prod")).status());
        }
        aws.faults().reset();
    }

    @Test
    void anyErrorCanBeInjectedForAnyOperation() {
        aws.faults().fail("ListAgentRuntimes", new ServiceError(500, "InternalServerException", "boom"), 1);
        var error = assertThrows(software.amazon.awssdk.services.bedrockagentcorecontrol.model.InternalServerException.class,
                () -> control.listAgentRuntimes(request -> { }));
        assertEquals("boom", error.awsErrorDetails().errorMessage());
        assertTrue(control.listAgentRuntimes(request -> { }).agentRuntimes().isEmpty(), "only the next call failed");
    }
}
