package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpointStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeEndpointResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.InternalServerException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

/**
 * The control plane behaves as AWS documents it, driven by the real SDK client (with the 2026 members added on the
 * wire by {@link ExtraMembers}): defaults filled in, full replacement on update, the 2026 members answered by Get
 * only, tags, the immutable network, V2 and DEFAULT timing, DELETING, MMDSv2 and injected errors.
 */
class AgentCoreLikeAwsTest {

    private AwsStandIn aws;
    private ExtraMembers extra;
    private BedrockAgentCoreControlClient control;
    private String roleArn;

    @BeforeEach
    void start() {
        aws = AwsStandIn.builder().start();
        extra = new ExtraMembers();
        control = SdkClients.of(aws).control(extra);
        roleArn = aws.iam().addRole("DemoExecutionRole", StandInFixtures.TRUST_POLICY);
    }

    @AfterEach
    void stop() {
        control.close();
        aws.close();
    }

    private String create(String name, Consumer<CreateAgentRuntimeRequest.Builder> more) {
        CreateAgentRuntimeRequest.Builder request = CreateAgentRuntimeRequest.builder().agentRuntimeName(name)
                .agentRuntimeArtifact(artifact -> artifact.containerConfiguration(c -> c
                        .containerUri(StandInFixtures.image(aws, "v1"))))
                .roleArn(roleArn).networkConfiguration(network -> network.networkMode(NetworkMode.PUBLIC));
        more.accept(request);
        return control.createAgentRuntime(request.build()).agentRuntimeId();
    }

    private JsonNode rawGet(String id) {
        control.getAgentRuntime(request -> request.agentRuntimeId(id));
        return extra.lastAnswer("GetAgentRuntime");
    }

    @Test
    void createFillsTheLifecycleAsAwsDocumentsIt() {
        record Case(Integer idle, Integer max, int expectedIdle, int expectedMax) {
        }
        List<Case> cases = List.of(new Case(null, null, 900, 28800), new Case(600, null, 600, 28800),
                new Case(null, 600, 600, 600), new Case(null, 3600, 900, 3600), new Case(120, 240, 120, 240));
        int n = 0;
        for (Case c : cases) {
            String id = create("lifecycle_" + n++, request -> {
                if (c.idle() != null || c.max() != null) {
                    request.lifecycleConfiguration(lifecycle -> lifecycle.idleRuntimeSessionTimeout(c.idle())
                            .maxLifetime(c.max()));
                }
            });
            GetAgentRuntimeResponse runtime = control.getAgentRuntime(request -> request.agentRuntimeId(id));
            assertEquals(c.expectedIdle(), runtime.lifecycleConfiguration().idleRuntimeSessionTimeout(), c.toString());
            assertEquals(c.expectedMax(), runtime.lifecycleConfiguration().maxLifetime(), c.toString());
        }
    }

    @Test
    void the2026MembersAreAcceptedAndAnsweredByGetOnly() {
        ObjectNode members = Json.object().put("platformVersion", "V2");
        members.putObject("hooksConfiguration").putObject("build").putObject("warmup").putObject("action")
                .putObject("httpPost").put("path", "/warmup").put("port", 8080);
        members.putArray("allowedPorts").addObject().put("port", 8100);
        members.putArray("resourceConfigurations").addObject().put("minimumMemoryInMiB", 4096);
        members.putObject("protocolConfiguration").put("serverProtocol", "HTTP").put("port", 8081)
                .put("path", "/invoke");
        members.putArray("filesystemConfigurations").addObject().putObject("sessionStorage")
                .put("mountPath", "/mnt/session");
        extra.add("CreateAgentRuntime", members);
        String id = create("modern", request -> request.description("an agent").tags(Map.of("team", "a")));

        AwsRequest wire = aws.requests("CreateAgentRuntime").get(0).request();
        assertEquals("V2", wire.json().path("platformVersion").asText(), "the member went out on the wire");
        JsonNode created = extra.lastAnswer("CreateAgentRuntime");
        for (String member : List.of("platformVersion", "hooksConfiguration", "allowedPorts", "description")) {
            assertFalse(created.has(member), "Create does not echo " + member + ": " + created);
        }
        control.listAgentRuntimes(request -> request.maxResults(10));
        assertFalse(extra.lastAnswer("ListAgentRuntimes").path("agentRuntimes").get(0).has("platformVersion"));

        JsonNode got = rawGet(id);
        assertEquals("V2", got.path("platformVersion").asText());
        assertEquals("/warmup", got.at("/hooksConfiguration/build/warmup/action/httpPost/path").asText());
        assertEquals(8100, got.at("/allowedPorts/0/port").asInt());
        assertEquals(4096, got.at("/resourceConfigurations/0/minimumMemoryInMiB").asInt());
        assertEquals("/invoke", got.at("/protocolConfiguration/path").asText());
        assertEquals("/mnt/session", got.at("/filesystemConfigurations/0/sessionStorage/mountPath").asText());
        assertTrue(got.at("/metadataConfiguration/requireMMDSV2").asBoolean(), "new runtimes get MMDSv2");
        assertEquals("an agent", got.path("description").asText());
        assertFalse(got.has("tags"), "tags are not configuration");
    }

    @Test
    void updateReplacesTheWholeConfiguration() {
        extra.add("CreateAgentRuntime", Json.object().put("platformVersion", "V2"));
        String id = create("replaced", request -> request.description("kept?").environmentVariables(Map.of("A", "1"))
                .requestHeaderConfiguration(headers -> headers.requestHeaderAllowlist("X-Tenant-Id"))
                .lifecycleConfiguration(lifecycle -> lifecycle.idleRuntimeSessionTimeout(120).maxLifetime(240)));
        rawGet(id);
        StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn);

        JsonNode got = rawGet(id);
        assertEquals("2", got.path("agentRuntimeVersion").asText());
        for (String member : List.of("description", "environmentVariables", "requestHeaderConfiguration")) {
            assertFalse(got.has(member), member + " was not sent again, so it is gone: " + got);
        }
        assertEquals(900, got.at("/lifecycleConfiguration/idleRuntimeSessionTimeout").asInt(), "reset to the default");
        assertEquals("V1", got.path("platformVersion").asText(), "reset to the stand-in's default platform");
        assertTrue(got.at("/metadataConfiguration/requireMMDSV2").asBoolean(), "MMDSv2 is never switched off");
        assertEquals("1", control.getAgentRuntime(request -> request.agentRuntimeId(id).agentRuntimeVersion("1"))
                .agentRuntimeVersion());
        assertEquals("kept?", extra.lastAnswer("GetAgentRuntime").path("description").asText(),
                "version 1 keeps its own configuration");
    }

    @Test
    void theNetworkConfigurationCannotChangeAndMmdsCannotBeTurnedOff() {
        String id = create("fixed_network", request -> { });
        rawGet(id);
        ValidationException network = assertThrows(ValidationException.class, () -> control.updateAgentRuntime(
                request -> request.agentRuntimeId(id).roleArn(roleArn)
                        .agentRuntimeArtifact(a -> a.containerConfiguration(c -> c.containerUri(StandInFixtures.image(aws, "v2"))))
                        .networkConfiguration(n -> n.networkMode(NetworkMode.VPC).networkModeConfig(vpc -> vpc
                                .subnets("subnet-0123abcd").securityGroups("sg-0123abcd")))));
        assertTrue(network.awsErrorDetails().errorMessage().contains("network configuration"), network.getMessage());

        extra.add("UpdateAgentRuntime", (ObjectNode) Json.object().set("metadataConfiguration",
                Json.object().put("requireMMDSV2", false)));
        assertThrows(ValidationException.class,
                () -> StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn));
        assertEquals(1, aws.agentCore().runtime(id).orElseThrow().versions().size(), "neither call made a version");
    }

    @Test
    void documentedCombinationsBeyondTheModelAreRefused() {
        ObjectNode hookOnV1 = Json.object().put("platformVersion", "V1");
        hookOnV1.putObject("hooksConfiguration").putObject("build").putObject("warmup").putObject("action")
                .putObject("httpPost").put("path", "/warmup");
        ObjectNode efsOnPublic = Json.object();
        efsOnPublic.putArray("filesystemConfigurations").addObject().putObject("efsAccessPoint")
                .put("accessPointArn", "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0")
                .put("mountPath", "/mnt/efs");
        ObjectNode twoSessionStorages = Json.object();
        twoSessionStorages.putArray("filesystemConfigurations").add(sessionStorage("/mnt/a")).add(sessionStorage("/mnt/b"));
        for (ObjectNode members : List.of(hookOnV1, efsOnPublic, twoSessionStorages)) {
            extra.clear();
            extra.add("CreateAgentRuntime", members);
            assertThrows(ValidationException.class, () -> create("combination", request -> { }), members.toString());
        }
        assertTrue(aws.agentCore().runtimes().isEmpty());
    }

    private static ObjectNode sessionStorage(String mountPath) {
        ObjectNode entry = Json.object();
        entry.putObject("sessionStorage").put("mountPath", mountPath);
        return entry;
    }

    @Test
    void aV2VersionTakesItsTimeAndDefaultLagsBehind() {
        aws.pace().v2Version(Duration.ofMinutes(3)).defaultEndpointLag(Duration.ofSeconds(30));
        extra.add("CreateAgentRuntime", Json.object().put("platformVersion", "V2"));
        String id = create("slow", request -> { });
        assertEquals(AgentRuntimeStatus.CREATING, control.getAgentRuntime(request -> request.agentRuntimeId(id)).status());
        assertThrows(ConflictException.class,
                () -> StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn));
        aws.clock().advance(Duration.ofMinutes(3));
        assertEquals(AgentRuntimeStatus.READY, control.getAgentRuntime(request -> request.agentRuntimeId(id)).status());
        GetAgentRuntimeEndpointResponse first = defaultEndpoint(id);
        assertEquals(AgentRuntimeEndpointStatus.CREATING, first.status(), "DEFAULT serves nothing yet");
        assertNull(first.liveVersion());
        aws.clock().advance(Duration.ofSeconds(30));
        assertEquals("1", defaultEndpoint(id).liveVersion());

        extra.clear();
        StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn);
        aws.clock().advance(Duration.ofMinutes(1));
        assertEquals(AgentRuntimeStatus.READY, StandInFixtures.settle(control, id).status(), "V1 is not slowed");
        GetAgentRuntimeEndpointResponse lagging = defaultEndpoint(id);
        assertEquals(AgentRuntimeEndpointStatus.UPDATING, lagging.status());
        assertEquals("1", lagging.liveVersion());
        assertEquals("2", lagging.targetVersion());
        aws.clock().advance(Duration.ofSeconds(30));
        GetAgentRuntimeEndpointResponse switched = defaultEndpoint(id);
        assertEquals(AgentRuntimeEndpointStatus.READY, switched.status());
        assertEquals("2", switched.liveVersion());
    }

    private GetAgentRuntimeEndpointResponse defaultEndpoint(String id) {
        return control.getAgentRuntimeEndpoint(request -> request.agentRuntimeId(id).endpointName("DEFAULT"));
    }

    @Test
    void aDeletedRuntimeReadsDeletingUntilItIsGone() {
        aws.pace().deletion(Duration.ofSeconds(20));
        String id = create("doomed", request -> { });
        rawGet(id);
        assertEquals("DELETING", control.deleteAgentRuntime(request -> request.agentRuntimeId(id)).statusAsString());
        assertEquals(AgentRuntimeStatus.DELETING, control.getAgentRuntime(request -> request.agentRuntimeId(id)).status());
        assertEquals("DELETING", control.listAgentRuntimes(request -> { }).agentRuntimes().get(0).statusAsString());
        assertThrows(ConflictException.class,
                () -> StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn));
        assertThrows(ConflictException.class, () -> create("doomed", request -> { }), "the name is still taken");
        assertEquals(ResourceStatus.DELETING, aws.agentCore().runtime(id).orElseThrow().status());
        aws.clock().advance(Duration.ofSeconds(20));
        assertThrows(ResourceNotFoundException.class, () -> control.getAgentRuntime(request -> request.agentRuntimeId(id)));
        create("doomed", request -> { });
    }

    @Test
    void tagsOnCreateAndThroughTheTaggingCalls() {
        String id = create("tagged", request -> request.tags(Map.of("team", "a", "env", "dev")));
        String arn = aws.agentCore().runtime(id).orElseThrow().arn();
        assertEquals(Map.of("team", "a", "env", "dev"), control.listTagsForResource(request -> request.resourceArn(arn)).tags());
        control.tagResource(request -> request.resourceArn(arn).tags(Map.of("owner", "me")));
        control.untagResource(request -> request.resourceArn(arn).tagKeys("env", "team"));
        assertEquals(Map.of("owner", "me"), control.listTagsForResource(request -> request.resourceArn(arn)).tags());
        assertEquals(Map.of("owner", "me"), aws.agentCore().runtime(id).orElseThrow().tags());
        AwsRequest untag = aws.requests("UntagResource").get(0).request();
        assertEquals(List.of("env", "team"), untag.queryValues("tagKeys"));
        assertThrows(ResourceNotFoundException.class, () -> control.listTagsForResource(request -> request
                .resourceArn(arn.replace("tagged-", "other-"))));
    }

    @Test
    void injectedErrorsHaveTheStatusAndTypeOfTheRealOnes() {
        aws.faults().quotaExceeded("CreateAgentRuntime", 1).accessDenied("CreateAgentRuntime", 1)
                .internalError("CreateAgentRuntime", 1);
        ServiceQuotaExceededException quota = assertThrows(ServiceQuotaExceededException.class,
                () -> create("faulty", request -> { }));
        assertEquals(402, quota.statusCode());
        assertEquals(403, assertThrows(AccessDeniedException.class, () -> create("faulty", request -> { })).statusCode());
        assertEquals(500, assertThrows(InternalServerException.class, () -> create("faulty", request -> { })).statusCode());
        assertTrue(aws.agentCore().runtimes().isEmpty(), "an injected error leaves the state untouched");
    }

    @Test
    void invalidRequestsAreRefusedWithAwsMessagesBeforeAnyState() {
        extra.add("CreateAgentRuntime", (ObjectNode) Json.object().set("allowedPorts", Json.MAPPER.createArrayNode()
                .add(Json.object().put("port", 7000))));
        ValidationException refused = assertThrows(ValidationException.class, () -> create("bad_ports",
                request -> request.environmentVariables(Map.of("K", "v".repeat(5001)))));
        assertEquals(400, refused.statusCode());
        assertEquals("2 validation errors detected: Value at 'environmentVariables' failed to satisfy constraint:"
                + " Map value must satisfy constraint: [Member must have length less than or equal to 5000]; Value"
                + " '7000' at 'allowedPorts.1.member.port' failed to satisfy constraint: Member must have value"
                + " greater than or equal to 8000", refused.awsErrorDetails().errorMessage());
        JsonNode body = extra.lastAnswer("CreateAgentRuntime");
        assertEquals("FieldValidationFailed", body.path("reason").asText());
        assertEquals("allowedPorts.1.member.port", body.at("/fieldList/1/name").asText());
        assertTrue(aws.agentCore().runtimes().isEmpty());
    }
}
