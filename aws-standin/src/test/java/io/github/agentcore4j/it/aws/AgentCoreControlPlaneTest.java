package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpointStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeEndpointResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeEndpointResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListAgentRuntimeVersionsResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

/** The control plane driven by the real BedrockAgentCoreControlClient: a runtime's whole life, as a deployer lives it. */
class AgentCoreControlPlaneTest extends ControlPlaneFixture {

    @Test
    void createUpdateVersionsEndpointsAndDelete() {
        CreateAgentRuntimeResponse created = StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn);
        String id = created.agentRuntimeId();
        assertTrue(id.matches("demo-[a-zA-Z0-9]{10}"), id);
        assertEquals("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/" + id, created.agentRuntimeArn());
        assertEquals("1", created.agentRuntimeVersion());
        assertEquals(AgentRuntimeStatus.CREATING, created.status());
        assertTrue(created.workloadIdentityDetails().workloadIdentityArn().startsWith(
                "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/demo-"));

        GetAgentRuntimeResponse ready = control.getAgentRuntime(request -> request.agentRuntimeId(id));
        assertEquals(AgentRuntimeStatus.READY, ready.status());
        assertEquals(StandInFixtures.image(aws, "v1"), ready.agentRuntimeArtifact().containerConfiguration().containerUri());
        assertEquals(roleArn, ready.roleArn());
        assertEquals("demo", ready.agentRuntimeName());
        assertEquals(900, ready.lifecycleConfiguration().idleRuntimeSessionTimeout());

        UpdateAgentRuntimeResponse updated = StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn);
        assertEquals("2", updated.agentRuntimeVersion());
        assertEquals(AgentRuntimeStatus.UPDATING, updated.status());
        assertEquals(AgentRuntimeStatus.READY, StandInFixtures.settle(control, id).status());

        ListAgentRuntimeVersionsResponse versions = control.listAgentRuntimeVersions(request -> request.agentRuntimeId(id));
        assertEquals(List.of("2", "1"), versions.agentRuntimes().stream().map(v -> v.agentRuntimeVersion()).toList());
        assertEquals(StandInFixtures.image(aws, "v1"), control.getAgentRuntime(request -> request.agentRuntimeId(id)
                .agentRuntimeVersion("1")).agentRuntimeArtifact().containerConfiguration().containerUri());

        GetAgentRuntimeEndpointResponse defaultEndpoint = control.getAgentRuntimeEndpoint(request -> request
                .agentRuntimeId(id).endpointName("DEFAULT"));
        assertEquals("2", defaultEndpoint.liveVersion());
        assertEquals(created.agentRuntimeArn() + "/runtime-endpoint/DEFAULT", defaultEndpoint.agentRuntimeEndpointArn());

        CreateAgentRuntimeEndpointResponse prod = control.createAgentRuntimeEndpoint(request -> request
                .agentRuntimeId(id).name("prod").agentRuntimeVersion("1"));
        assertEquals("1", prod.targetVersion());
        assertEquals(AgentRuntimeEndpointStatus.CREATING, prod.status());
        assertEquals(created.agentRuntimeArn() + "/runtime-endpoint/prod", prod.agentRuntimeEndpointArn());
        assertEquals("1", control.getAgentRuntimeEndpoint(request -> request.agentRuntimeId(id).endpointName("prod"))
                .liveVersion());

        var repointed = control.updateAgentRuntimeEndpoint(request -> request.agentRuntimeId(id).endpointName("prod")
                .agentRuntimeVersion("2"));
        assertEquals("1", repointed.liveVersion());
        assertEquals("2", repointed.targetVersion());
        assertEquals(AgentRuntimeEndpointStatus.UPDATING, repointed.status());
        GetAgentRuntimeEndpointResponse moved = control.getAgentRuntimeEndpoint(request -> request.agentRuntimeId(id)
                .endpointName("prod"));
        assertEquals(AgentRuntimeEndpointStatus.READY, moved.status());
        assertEquals("2", moved.liveVersion());
        assertEquals(List.of("DEFAULT", "prod"), control.listAgentRuntimeEndpoints(request -> request.agentRuntimeId(id))
                .runtimeEndpoints().stream().map(endpoint -> endpoint.name()).toList());

        AgentRuntime state = aws.agentCore().runtime(id).orElseThrow();
        assertEquals(List.of("1", "2"), state.versions().stream().map(RuntimeVersion::version).toList());
        assertEquals(StandInFixtures.image(aws, "v2"), state.latestVersion().containerUri());
        assertEquals("2", state.endpoint("prod").orElseThrow().liveVersion());

        control.deleteAgentRuntimeEndpoint(request -> request.agentRuntimeId(id).endpointName("prod"));
        assertFalse(aws.agentCore().runtime(id).orElseThrow().endpoint("prod").isPresent());
        assertEquals("DELETING", control.deleteAgentRuntime(request -> request.agentRuntimeId(id)).statusAsString());
        assertThrows(ResourceNotFoundException.class, () -> control.getAgentRuntime(request -> request.agentRuntimeId(id)));
        assertTrue(aws.agentCore().runtimes().isEmpty());
    }

    @Test
    void routesAreTheOnesTheSdkSends() {
        String id = StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn).agentRuntimeId();
        control.listAgentRuntimes(request -> request.maxResults(5));
        control.getAgentRuntime(request -> request.agentRuntimeId(id).agentRuntimeVersion("1"));
        control.deleteAgentRuntime(request -> request.agentRuntimeId(id));

        AwsRequest create = aws.requests("CreateAgentRuntime").get(0).request();
        assertEquals("PUT /runtimes/", create.method() + " " + create.rawPath());
        assertEquals("demo", create.json().path("agentRuntimeName").asText());
        assertFalse(create.json().path("clientToken").asText().isEmpty(), "the SDK fills in the idempotency token");
        AwsRequest list = aws.requests("ListAgentRuntimes").get(0).request();
        assertEquals("POST /runtimes/ 5", list.method() + " " + list.rawPath() + " " + list.query().get("maxResults"));
        AwsRequest get = aws.requests("GetAgentRuntime").get(0).request();
        assertEquals("GET /runtimes/" + id + "/ 1", get.method() + " " + get.rawPath() + " " + get.query().get("version"));
        AwsRequest delete = aws.requests("DeleteAgentRuntime").get(0).request();
        assertEquals("DELETE /runtimes/" + id + "/", delete.method() + " " + delete.rawPath());
        assertFalse(delete.query().getOrDefault("clientToken", "").isEmpty());
    }

    @Test
    void listsRuntimesPageByPage() {
        for (String name : List.of("one", "two", "three")) {
            StandInFixtures.create(control, name, StandInFixtures.image(aws, name), roleArn);
        }
        var first = control.listAgentRuntimes(request -> request.maxResults(2));
        assertEquals(List.of("one", "two"), first.agentRuntimes().stream().map(r -> r.agentRuntimeName()).toList());
        var second = control.listAgentRuntimes(request -> request.maxResults(2).nextToken(first.nextToken()));
        assertEquals(List.of("three"), second.agentRuntimes().stream().map(r -> r.agentRuntimeName()).toList());
        assertNull(second.nextToken());
        assertEquals(List.of("one", "two", "three"), control.listAgentRuntimesPaginator(request -> request.maxResults(1))
                .agentRuntimes().stream().map(r -> r.agentRuntimeName()).toList());
    }

    @Test
    void aRetriedCreateWithTheSameClientTokenCreatesOnce() {
        var request = software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeRequest.builder()
                .agentRuntimeName("demo").roleArn(roleArn).clientToken("token-0123456789-0123456789-0123456789")
                .networkConfiguration(network -> network.networkMode("PUBLIC"))
                .agentRuntimeArtifact(artifact -> artifact.containerConfiguration(c -> c.containerUri(StandInFixtures.image(aws, "v1"))))
                .build();
        String first = control.createAgentRuntime(request).agentRuntimeId();
        assertEquals(first, control.createAgentRuntime(request).agentRuntimeId());
        assertEquals(1, aws.agentCore().runtimes().size());
    }

    @Test
    void refusesWhatTheServiceRefuses() {
        ValidationException hyphen = assertThrows(ValidationException.class,
                () -> StandInFixtures.create(control, "my-agent", StandInFixtures.image(aws, "v1"), roleArn));
        assertTrue(hyphen.awsErrorDetails().errorMessage().contains("agentRuntimeName"), hyphen.getMessage());
        assertEquals(400, hyphen.statusCode());

        String unknownRole = "arn:aws:iam::123456789012:role/Missing";
        ValidationException role = assertThrows(ValidationException.class,
                () -> StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), unknownRole));
        assertEquals(Faults.roleValidationMessage(unknownRole), role.awsErrorDetails().errorMessage());
        String bedrockRole = aws.iam().addRole("TrustsBedrockNotAgentCore", StandInFixtures.TRUST_POLICY
                .replace("bedrock-agentcore.amazonaws.com", "bedrock.amazonaws.com"));
        ValidationException untrusted = assertThrows(ValidationException.class,
                () -> StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), bedrockRole));
        assertEquals(Faults.roleValidationMessage(bedrockRole), untrusted.awsErrorDetails().errorMessage(),
                "a role AgentCore may not assume fails every time, with the propagation message");

        String id = StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn).agentRuntimeId();
        assertThrows(ConflictException.class,
                () -> StandInFixtures.create(control, "demo", StandInFixtures.image(aws, "v1"), roleArn));
        assertThrows(ConflictException.class,
                () -> StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn),
                "a runtime still CREATING cannot be updated");
        StandInFixtures.settle(control, id);
        assertThrows(ValidationException.class, () -> control.updateAgentRuntimeEndpoint(request -> request
                .agentRuntimeId(id).endpointName("DEFAULT").agentRuntimeVersion("1")));
        assertThrows(ValidationException.class, () -> control.createAgentRuntimeEndpoint(request -> request
                .agentRuntimeId(id).name("prod").agentRuntimeVersion("7")));
        assertThrows(ResourceNotFoundException.class, () -> control.getAgentRuntimeEndpoint(request -> request
                .agentRuntimeId(id).endpointName("nope")));
        assertThrows(ResourceNotFoundException.class, () -> control.getAgentRuntime(request -> request
                .agentRuntimeId("demo-0000000000")));
    }
}
