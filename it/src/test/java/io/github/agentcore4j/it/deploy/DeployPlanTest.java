package io.github.agentcore4j.it.deploy;

import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.agentcore4j.it.aws.AgentRuntime;
import io.github.agentcore4j.it.aws.LogsStandIn;
import io.github.agentcore4j.it.aws.RecordedRequest;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploy as plan then apply, against the stand-in that behaves as AWS does: the 2026 members on the wire and in the
 * runtime, "nothing changed" after AWS filled in a lifecycle value, a legacy runtime's MMDSv2 fixed, what AWS would
 * refuse refused before anything is built, a failed version's log tail, and the logs goal.
 */
class DeployPlanTest {

    private static final String DISCOVERY_URL = "https://idp.example.com/.well-known/openid-configuration";

    @RegisterExtension
    static final DeployStage stage = DeployStage.forScenario("deploy-plan");

    private static JsonNode lastBody(String operation) {
        List<RecordedRequest> requests = stage.aws().requests(operation);
        return requests.get(requests.size() - 1).request().json();
    }

    @Test
    void sendsThe2026MembersAndAnUnchangedProjectMakesNoNewVersion() {
        FixtureProject project = stage.project("plan-v2");
        String[] settings = {"deploy", "-Dagentcore.warmup=true", "-Dagentcore.description=Answers questions",
            "-Dagentcore.tags=team=agents", "-Dagentcore.allowedPorts=8081,8100-8110",
            "-Dagentcore.minimumMemoryInMiB=2048", "-Dagentcore.idleRuntimeSessionTimeout=600"};

        MavenResult first = stage.maven(project, "v2_agent", settings).assertSuccess();

        JsonNode create = lastBody("CreateAgentRuntime");
        assertEquals("V2", create.get("platformVersion").asText());
        assertEquals("{\"build\":{\"warmup\":{\"action\":{\"httpPost\":{\"path\":\"/warmup\",\"port\":8080}}}}}",
                create.get("hooksConfiguration").toString());
        assertEquals("{\"idleRuntimeSessionTimeout\":600,\"maxLifetime\":28800}",
                create.get("lifecycleConfiguration").toString());
        assertEquals("[{\"port\":8081},{\"portRange\":{\"from\":8100,\"to\":8110}}]",
                create.get("allowedPorts").toString());
        assertEquals("[{\"minimumMemoryInMiB\":2048}]", create.get("resourceConfigurations").toString());
        assertEquals("{\"team\":\"agents\"}", create.get("tags").toString());
        assertEquals("Answers questions", create.get("description").asText());
        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("v2_agent").orElseThrow();
        assertEquals("V2", runtime.latestVersion().configuration().get("platformVersion").asText());
        assertEquals("agents", runtime.tags().get("team"));
        assertContains(first.log(), "is READY and DEFAULT serves it");

        MavenResult again = stage.maven(project, "v2_agent", settings).assertSuccess();

        assertContains(again.log(), "Nothing changed: version 1 of agent runtime " + runtime.id());
        assertEquals(1, stage.aws().agentCore().runtimeNamed("v2_agent").orElseThrow().versions().size());

        MavenResult status = stage.maven(project, "v2_agent", "agentcore:status").assertSuccess();
        assertContains(status.log(), "Platform:       V2");
        assertFalse(status.log().contains("MMDSv2:"), status.log());
    }

    @Test
    void aLegacyRuntimeGetsMmdsV2AndTheDeploySaysSo() {
        String role = stage.aws().iam().addRole("LegacyAgentRole", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"bedrock-agentcore.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}");
        AgentRuntime legacy = stage.aws().agentCore().seedLegacyRuntime("legacy_agent", role,
                stage.aws().accountId() + ".dkr.ecr." + stage.aws().region() + ".amazonaws.com/old@sha256:"
                        + "0".repeat(64));
        FixtureProject project = stage.project("plan-legacy");

        MavenResult deploy = stage.maven(project, "legacy_agent", "deploy", "-Dagentcore.deploy.executionRole=" + role)
                .assertSuccess();

        assertContains(deploy.log(), "Agent runtime " + legacy.id() + " does not require MMDSv2, so it cannot be "
                + "invoked (since 2026-07-14): this deploy sets metadataConfiguration.requireMMDSV2=true");
        JsonNode update = lastBody("UpdateAgentRuntime");
        assertTrue(update.at("/metadataConfiguration/requireMMDSV2").asBoolean(), update.toString());
        assertEquals("V2", update.get("platformVersion").asText());
        assertEquals(2, stage.aws().agentCore().runtime(legacy.id()).orElseThrow().versions().size());
    }

    @Test
    void refusesWhatAwsWouldRefuseBeforeBuildingAnything() {
        FixtureProject project = stage.project("plan-refusals");
        stage.maven(project, "guarded_agent", "deploy", "-Dagentcore.jwtDiscoveryUrl=" + DISCOVERY_URL,
                "-Dagentcore.jwtAllowedClients=web").assertSuccess();
        int images = stage.aws().ecr().repository("bedrock-agentcore-guarded_agent").orElseThrow().images().size();

        MavenResult withoutJwt = stage.maven(project, "guarded_agent", "deploy").assertFailure();
        assertContains(withoutJwt.log(), "Invalid setting <jwtDiscoveryUrl> (-Dagentcore.jwtDiscoveryUrl): agent "
                + "runtime ");
        assertContains(withoutJwt.log(), "would make it accept IAM (SigV4) callers instead");

        MavenResult vpc = stage.maven(project, "guarded_agent", "deploy", "-Dagentcore.jwtDiscoveryUrl="
                + DISCOVERY_URL, "-Dagentcore.jwtAllowedClients=web", "-Dagentcore.networkMode=VPC",
                "-Dagentcore.securityGroups=sg-0123456789abcdef0", "-Dagentcore.subnets=subnet-0123456789abcdef0")
                .assertFailure();
        assertContains(vpc.log(), "Invalid setting <networkMode> (-Dagentcore.networkMode): agent runtime ");
        assertContains(vpc.log(), "run mvn agentcore:destroy and then deploy again");

        stage.aws().clearRequests();
        MavenResult restricted = stage.maven(project, "guarded_agent", "deploy",
                "-Dagentcore.requestHeaderAllowlist=Content-Type").assertFailure();
        assertContains(restricted.log(), "Invalid setting <requestHeaderAllowlist> "
                + "(-Dagentcore.requestHeaderAllowlist): Content-Type is one of the headers AgentCore Runtime never "
                + "passes on");
        assertTrue(stage.aws().requests().isEmpty(), "no AWS call: " + stage.aws().requests());

        assertEquals(images, stage.aws().ecr().repository("bedrock-agentcore-guarded_agent").orElseThrow()
                .images().size(), "no image was pushed by the refused deploys");
        assertEquals(1, stage.aws().agentCore().runtimeNamed("guarded_agent").orElseThrow().versions().size());
    }

    @Test
    void aSuppliedRoleThatDoesNotTrustAgentCoreFailsAtOnce() {
        String role = stage.aws().iam().addRole("BedrockOnlyRole", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"bedrock.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}");
        FixtureProject project = stage.project("plan-wrong-trust");

        MavenResult deploy = stage.maven(project, "wrong_trust_agent", "deploy", "-Dagentcore.deploy.executionRole=" + role)
                .assertFailure();

        assertContains(deploy.log(), "Invalid setting <executionRole> (-Dagentcore.deploy.executionRole): role " + role
                + " does not let AgentCore Runtime assume it");
        assertTrue(stage.aws().agentCore().runtimeNamed("wrong_trust_agent").isEmpty());
    }

    @Test
    void aFailedVersionShowsItsLogTailAndTheLogsGoalReadsTheGroup() {
        FixtureProject project = stage.project("plan-logs");
        stage.aws().faults().failNextCreate("Exception in thread main: MODEL_ID is not set");

        MavenResult failed = stage.maven(project, "logged_agent", "deploy").assertFailure();

        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("logged_agent").orElseThrow();
        String group = LogsStandIn.runtimeLogGroup(runtime.id(), "DEFAULT");
        assertContains(failed.log(), "Last 1 events of " + group + ":");
        assertContains(failed.log(), "Exception in thread main: MODEL_ID is not set");

        stage.aws().logs().append(group, "2026/11/30/[runtime-logs]abc", "agent started on port 8080");
        MavenResult logs = stage.maven(project, "logged_agent", "agentcore:logs", "-Dagentcore.logs.since=1h")
                .assertSuccess();

        assertContains(logs.log(), "[runtime-logs]abc agent started on port 8080");
        assertContains(logs.log(), "MODEL_ID is not set");
    }
}
