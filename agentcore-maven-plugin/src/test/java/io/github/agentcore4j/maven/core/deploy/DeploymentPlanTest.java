package io.github.agentcore4j.maven.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;

class DeploymentPlanTest {

    private static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/r@sha256:" + "a".repeat(64);
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode desired(UnaryOperator<AgentSettings.Builder> settings) {
        AgentSettings agent = settings.apply(AgentSettings.builder().agentName("demo", "demo")).build();
        return DesiredRuntime.of(agent, IMAGE, ROLE, agent.environment());
    }

    /** What GetAgentRuntime answers for a version made from {@code desired}, AWS's additions merged in. */
    private static LiveRuntime live(ObjectNode desired, String awsAdditions, AgentRuntimeStatus status) throws Exception {
        ObjectNode raw = desired.deepCopy();
        raw.put("agentRuntimeId", "demo-0123456789").put("status", status.toString());
        raw.setAll((ObjectNode) JSON.readTree(awsAdditions));
        return new LiveRuntime(GetAgentRuntimeResponse.builder().agentRuntimeId("demo-0123456789")
                .agentRuntimeName("demo").status(status).build(), raw);
    }

    private static LiveRuntime ready(ObjectNode desired, String awsAdditions) throws Exception {
        return live(desired, awsAdditions, AgentRuntimeStatus.READY);
    }

    private static final String MMDS = "{\"metadataConfiguration\":{\"requireMMDSV2\":true}}";

    @Test
    void aFirstCreateSendsEveryMemberAndTheTags() {
        DeploymentPlan plan = DeploymentPlan.create("demo", desired(b -> b.tags(List.of("team=agents"))
                .description("d")), Map.of("team", "agents"));

        assertEquals(DeploymentPlan.Action.CREATE, plan.action());
        assertEquals("{\"agentRuntimeArtifact\":{\"containerConfiguration\":{\"containerUri\":\"" + IMAGE + "\"}},"
                + "\"roleArn\":\"" + ROLE + "\",\"networkConfiguration\":{\"networkMode\":\"PUBLIC\"},"
                + "\"protocolConfiguration\":{\"serverProtocol\":\"HTTP\"},\"platformVersion\":\"V2\","
                + "\"description\":\"d\",\"tags\":{\"team\":\"agents\"}}", plan.body().toString());
        assertEquals("Plan: create agent runtime demo", plan.describe().get(0));
    }

    @Test
    void nothingChangesWhenAwsFilledInTheOtherLifecycleValue() throws Exception {
        ObjectNode desired = desired(b -> b.lifecycle(600, null));
        assertEquals("{\"idleRuntimeSessionTimeout\":600,\"maxLifetime\":28800}",
                desired.get("lifecycleConfiguration").toString());
        ObjectNode onlyMax = desired(b -> b.lifecycle(null, 3600));
        assertEquals("{\"idleRuntimeSessionTimeout\":900,\"maxLifetime\":3600}",
                onlyMax.get("lifecycleConfiguration").toString());
        assertEquals("{\"idleRuntimeSessionTimeout\":600,\"maxLifetime\":600}",
                desired(b -> b.lifecycle(null, 600)).get("lifecycleConfiguration").toString());

        DeploymentPlan plan = DeploymentPlan.update("demo", desired, ready(desired, MMDS));

        assertEquals(DeploymentPlan.Action.NOTHING, plan.action());
        assertEquals(List.of(), plan.changedMembers());
    }

    @Test
    void keepsWhatThePomDoesNotManage() throws Exception {
        ObjectNode desired = desired(b -> b);
        LiveRuntime live = ready(desired, "{\"description\":\"set in the console\",\"lifecycleConfiguration\":"
                + "{\"idleRuntimeSessionTimeout\":900,\"maxLifetime\":28800},\"requestHeaderConfiguration\":"
                + "{\"requestHeaderAllowlist\":[\"X-Tenant\"]}," + MMDS.substring(1));
        ObjectNode image = desired.deepCopy();
        image.putObject("agentRuntimeArtifact").putObject("containerConfiguration").put("containerUri", IMAGE + "b");

        DeploymentPlan plan = DeploymentPlan.update("demo", image, live);

        assertEquals(DeploymentPlan.Action.UPDATE, plan.action());
        assertEquals(List.of("agentRuntimeArtifact"), plan.changedMembers());
        assertEquals("set in the console", plan.body().get("description").asText());
        assertEquals("[\"X-Tenant\"]", plan.body().at("/requestHeaderConfiguration/requestHeaderAllowlist")
                .toString());
        assertTrue(plan.describe().contains(String.format("  ~ %-28s %s (not set in the POM: kept)", "description",
                "\"set in the console\"")), plan.describe().toString());
    }

    @Test
    void keepsCustomClaimsWhenThePomSetsTheJwtAuthorizer() throws Exception {
        String url = "https://idp.example.com/.well-known/openid-configuration";
        ObjectNode desired = desired(b -> b.jwtAuthorizer(url, List.of("client"), null, null));
        LiveRuntime live = ready(desired, "{\"authorizerConfiguration\":{\"customJWTAuthorizer\":{\"discoveryUrl\":\""
                + url + "\",\"allowedClients\":[\"client\"],\"customClaims\":[{\"inboundTokenClaimName\":\"tier\"}]}},"
                + MMDS.substring(1));

        DeploymentPlan plan = DeploymentPlan.update("demo", desired, live);

        assertEquals(DeploymentPlan.Action.NOTHING, plan.action());
        assertEquals("tier", plan.body().at("/authorizerConfiguration/customJWTAuthorizer/customClaims/0/"
                + "inboundTokenClaimName").asText());
    }

    @Test
    void sendsTheCustomClaimsThePomSetsAsTheServiceModelShapesThem() {
        String url = "https://idp.example.com/.well-known/openid-configuration";

        ObjectNode desired = desired(b -> b.jwtAuthorizer(url, null, null, null).jwtCustomClaims(List.of(
                "tier STRING EQUALS gold", "groups STRING_ARRAY CONTAINS_ANY admin|ops")));

        assertEquals("{\"discoveryUrl\":\"" + url + "\",\"customClaims\":["
                + "{\"inboundTokenClaimName\":\"tier\",\"inboundTokenClaimValueType\":\"STRING\","
                + "\"authorizingClaimMatchValue\":{\"claimMatchValue\":{\"matchValueString\":\"gold\"},"
                + "\"claimMatchOperator\":\"EQUALS\"}},"
                + "{\"inboundTokenClaimName\":\"groups\",\"inboundTokenClaimValueType\":\"STRING_ARRAY\","
                + "\"authorizingClaimMatchValue\":{\"claimMatchValue\":{\"matchValueStringList\":[\"admin\",\"ops\"]},"
                + "\"claimMatchOperator\":\"CONTAINS_ANY\"}}]}",
                desired.at("/authorizerConfiguration/customJWTAuthorizer").toString());
    }

    @Test
    void refusesCustomClaimsTheServiceModelRefuses() {
        String url = "https://idp.example.com/.well-known/openid-configuration";
        for (String claim : List.of("tier STRING EQUALS gold|silver", "tier NUMBER EQUALS 1", "tier STRING LIKE g",
                "tier STRING EQUALS", "tier STRING EQUALS g!ld", "bad name STRING EQUALS g")) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> desired(b -> b.jwtAuthorizer(url, null, null, null).jwtCustomClaims(List.of(claim))), claim);
            assertTrue(e.getMessage().contains("jwtCustomClaims"), e.getMessage());
        }
        assertThrows(InvalidSettingException.class,
                () -> desired(b -> b.jwtCustomClaims(List.of("tier STRING EQUALS gold"))), "no discovery URL");
    }

    @Test
    void refusesToTurnAJwtRuntimeIntoAnIamOne() throws Exception {
        ObjectNode desired = desired(b -> b);
        LiveRuntime live = ready(desired, "{\"authorizerConfiguration\":{\"customJWTAuthorizer\":{\"discoveryUrl\":"
                + "\"https://idp/.well-known/openid-configuration\"}}}");

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> DeploymentPlan.update("demo", desired, live));
        assertEquals("jwtDiscoveryUrl", e.parameter());
        assertTrue(e.getMessage().contains("accept IAM (SigV4) callers"), e.getMessage());
    }

    @Test
    void refusesANetworkChangeWithTheFix() throws Exception {
        ObjectNode vpc = desired(b -> b.network("VPC", List.of("sg-01234567"), List.of("subnet-01234567")));
        LiveRuntime live = ready(desired(b -> b), MMDS);

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> DeploymentPlan.update("demo", vpc, live));
        assertEquals("networkMode", e.parameter());
        assertTrue(e.getMessage().contains("mvn agentcore:destroy and then deploy again"), e.getMessage());
    }

    @Test
    void sameNetworkWithMembersAwsAddedIsNoChange() throws Exception {
        ObjectNode vpc = desired(b -> b.network("VPC", List.of("sg-01234567", "sg-89abcdef"),
                List.of("subnet-01234567")));
        LiveRuntime live = ready(vpc, "{\"networkConfiguration\":{\"networkMode\":\"VPC\",\"networkModeConfig\":"
                + "{\"securityGroups\":[\"sg-89abcdef\",\"sg-01234567\"],\"subnets\":[\"subnet-01234567\"],"
                + "\"requireServiceS3Endpoint\":false}}," + MMDS.substring(1));

        DeploymentPlan plan = DeploymentPlan.update("demo", vpc, live);

        assertEquals(DeploymentPlan.Action.NOTHING, plan.action());
        assertFalse(plan.body().at("/networkConfiguration/networkModeConfig/requireServiceS3Endpoint").asBoolean(true));
    }

    @Test
    void turnsOnMmdsV2ForARuntimeThatLacksItAndSaysSo() throws Exception {
        ObjectNode desired = desired(b -> b);
        DeploymentPlan plan = DeploymentPlan.update("demo", desired, ready(desired, "{}"));

        assertEquals(DeploymentPlan.Action.UPDATE, plan.action());
        assertEquals(List.of("metadataConfiguration"), plan.changedMembers());
        assertEquals("{\"requireMMDSV2\":true}", plan.body().get("metadataConfiguration").toString());
        assertEquals(1, plan.notes().size());
    }

    @Test
    void aRuntimeCreatedAfterMmdsV2BecameTheDefaultIsNotUpdatedForIt() throws Exception {
        ObjectNode desired = desired(b -> b);
        ObjectNode raw = desired.deepCopy();
        LiveRuntime recent = new LiveRuntime(GetAgentRuntimeResponse.builder().agentRuntimeId("demo-0123456789")
                .status(AgentRuntimeStatus.READY).createdAt(Instant.parse("2026-03-01T00:00:00Z")).build(),
                raw);

        DeploymentPlan plan = DeploymentPlan.update("demo", desired, recent);

        assertEquals(DeploymentPlan.Action.NOTHING, plan.action());
        assertEquals(List.of(), plan.notes());
    }

    @Test
    void aPlatformVersionChangeOrAFailedVersionMakesANewVersion() throws Exception {
        ObjectNode v1 = desired(b -> b.platformVersion("V1"));
        ObjectNode v2 = desired(b -> b);
        assertEquals(List.of("platformVersion"), DeploymentPlan.update("demo", v2, ready(v1, MMDS)).changedMembers());
        assertEquals(DeploymentPlan.Action.UPDATE, DeploymentPlan.update("demo", v2,
                live(v2, MMDS, AgentRuntimeStatus.UPDATE_FAILED)).action());
    }

    @Test
    void sendsEachProtocolByItsServiceName() {
        assertEquals("{\"serverProtocol\":\"AGUI\"}",
                desired(b -> b.protocol("AGUI")).get("protocolConfiguration").toString());
        assertEquals("{\"serverProtocol\":\"A2A\"}",
                desired(b -> b.protocol("A2A")).get("protocolConfiguration").toString());
    }

    @Test
    void sendsTheWarmupHookOnTheServingPortAndThePortToTheAgent() {
        ObjectNode desired = desired(b -> b.protocol("MCP").warmup(true, null).serving(9100, "/rpc")
                .environment(List.of("A=1")));
        assertEquals("{\"build\":{\"warmup\":{\"action\":{\"httpPost\":{\"path\":\"/warmup\",\"port\":9100}}}}}",
                desired.get("hooksConfiguration").toString());
        assertEquals("{\"serverProtocol\":\"MCP\",\"port\":9100,\"path\":\"/rpc\"}",
                desired.get("protocolConfiguration").toString());
        assertEquals("{\"A\":\"1\",\"AGENTCORE_PORT\":\"9100\",\"AGENTCORE_INVOCATION_PATH\":\"/rpc\"}",
                desired.get("environmentVariables").toString());
        assertEquals("{\"build\":{\"warmup\":{\"action\":{\"httpPost\":{\"path\":\"/warmup\",\"port\":8000}}}}}",
                desired(b -> b.protocol("MCP").warmup(true, null)).get("hooksConfiguration").toString());
    }

    @Test
    void writesFilesystemsPortsAndMemoryInTheServiceShape() {
        ObjectNode desired = desired(b -> b.filesystems(List.of("/mnt/data=session")).allowedPorts(
                List.of("8081", "8100-8110")).minimumMemoryInMiB(4096));
        assertEquals("[{\"sessionStorage\":{\"mountPath\":\"/mnt/data\"}}]",
                desired.get("filesystemConfigurations").toString());
        assertEquals("[{\"port\":8081},{\"portRange\":{\"from\":8100,\"to\":8110}}]",
                desired.get("allowedPorts").toString());
        assertEquals("[{\"minimumMemoryInMiB\":4096}]", desired.get("resourceConfigurations").toString());
    }
}
