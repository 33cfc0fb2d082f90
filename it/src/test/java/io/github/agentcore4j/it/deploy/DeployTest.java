package io.github.agentcore4j.it.deploy;

import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static io.github.agentcore4j.it.deploy.DeployStage.read;
import static io.github.agentcore4j.it.deploy.DeployStage.runtimeJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.it.aws.AgentRuntime;
import io.github.agentcore4j.it.aws.AwsStandIn;
import io.github.agentcore4j.it.aws.EcrRepository;
import io.github.agentcore4j.it.aws.IamRole;
import io.github.agentcore4j.it.aws.ResourceStatus;
import io.github.agentcore4j.it.aws.RuntimeVersion;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/**
 * `mvn deploy` on a fixture agent against the AWS stand-in and a real registry: what the first deploy creates, what a
 * code change does (a new version, one new layer), what an unchanged project does (nothing), and a dry run.
 */
class DeployTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DeployStage stage = DeployStage.forScenario("deploy");

    @Test
    void firstDeployCreatesRepositoryRoleAndRuntimeAndRecordsThem() throws Exception {
        FixtureProject project = stage.project("deploy-first");

        MavenResult deploy = stage.maven(project, "first_agent", "deploy").assertSuccess();

        EcrRepository repository = stage.aws().ecr().repository("bedrock-agentcore-first_agent").orElseThrow();
        assertTrue(repository.scanOnPush());
        assertEquals("IMMUTABLE", repository.imageTagMutability());
        JsonNode lifecycleRule = JSON.readTree(stage.aws().ecr().lifecyclePolicy(repository.name()).orElseThrow())
                .get("rules").get(0);
        assertEquals("any", lifecycleRule.at("/selection/tagStatus").asText());
        assertEquals("imageCountMoreThan", lifecycleRule.at("/selection/countType").asText());
        assertEquals(20, lifecycleRule.at("/selection/countNumber").asInt(), "keepImages defaults to 20");
        assertEquals("expire", lifecycleRule.at("/action/type").asText());
        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("first_agent").orElseThrow();
        assertEquals(1, runtime.versions().size());
        RuntimeVersion version = runtime.latestVersion();
        assertEquals(ResourceStatus.READY, version.status());
        String digest = read(project.file("target/agentcore/image.digest")).trim();
        assertEquals(repository.uri() + "@" + digest, version.containerUri(), "the runtime runs the image by digest");
        assertEquals(1, repository.images().size());
        assertTrue(repository.images().get(0).tags().get(0).startsWith("1.0.0-"), repository.images().toString());

        IamRole role = stage.aws().iam().roles().stream()
                .filter(candidate -> candidate.arn().equals(version.roleArn())).findFirst().orElseThrow();
        assertTrue(role.name().startsWith("AmazonBedrockAgentCoreSDKRuntime-us-east-1-"), role.name());
        JsonNode trust = JSON.readTree(role.assumeRolePolicyDocument()).get("Statement").get(0);
        assertEquals("bedrock-agentcore.amazonaws.com", trust.get("Principal").get("Service").asText());
        assertEquals("123456789012", trust.get("Condition").get("StringEquals").get("aws:SourceAccount").asText());
        String policy = role.inlinePolicies().get("BedrockAgentCoreRuntimeExecutionPolicy-first_agent");
        assertContains(policy, "repository/bedrock-agentcore-first_agent\"");
        assertContains(policy, "\"Sid\":\"MarketplaceSubscribeOnFirstCall\"");
        assertEquals("test-model", version.configuration().get("environmentVariables").get("MODEL_ID").asText());

        JsonNode output = runtimeJson(project);
        assertEquals(runtime.id(), output.get("agentRuntimeId").asText());
        assertEquals(runtime.arn(), output.get("agentRuntimeArn").asText());
        assertEquals("1", output.get("agentRuntimeVersion").asText());
        String yaml = read(project.file(".bedrock_agentcore.yaml"));
        assertContains(yaml, "agent_id: " + runtime.id() + "\n");
        assertContains(yaml, "agent_arn: " + runtime.arn() + "\n");
        assertContains(yaml, "execution_role: " + role.arn() + "\n");
        assertContains(yaml, "created_execution_role: " + role.arn() + "\n");
        assertContains(yaml, "deployed_version: '1'\n");
        assertFalse(yaml.contains("sk-never-print-this-value"), yaml);
        assertFalse(deploy.log().contains("sk-never-print-this-value"), "secret in the log");
        assertFalse(deploy.log().contains(stage.aws().environment().get("AWS_SECRET_ACCESS_KEY")), "secret in the log");
        assertContains(deploy.log(), "Environment: MODEL_ID, OPENAI_API_KEY (values not shown)");
        assertContains(deploy.log(), "Agent runtime " + runtime.arn() + " version 1 is READY and DEFAULT serves it. "
                + "Logs: /aws/bedrock-agentcore/runtimes/" + runtime.id() + "-DEFAULT");
    }

    @Test
    void aCodeChangeMakesANewVersionAndPushesOnlyTheChangedLayer() {
        FixtureProject project = stage.project("deploy-change");
        stage.maven(project, "change_agent", "deploy").assertSuccess();
        String firstDigest = runtimeJson(project).get("containerUri").asText();
        int uploadsBefore = stage.registry().uploadedBlobs().size();

        DeployStage.changeCode(project, "hello again");
        MavenResult second = stage.maven(project, "change_agent", "deploy").assertSuccess();

        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("change_agent").orElseThrow();
        assertEquals(2, runtime.versions().size());
        assertEquals(ResourceStatus.READY, runtime.latestVersion().status());
        assertNotEquals(firstDigest, runtime.latestVersion().containerUri());
        assertEquals(runtime.latestVersion().containerUri(), runtimeJson(project).get("containerUri").asText());
        List<String> uploads = stage.registry().uploadedBlobs();
        assertEquals(2, uploads.size() - uploadsBefore, "the classes layer and the image config only: "
                + uploads.subList(uploadsBefore, uploads.size()));
        assertContains(second.log(), "Updating agent runtime " + runtime.id() + " to version 2");
        assertContains(read(project.file(".bedrock_agentcore.yaml")), "deployed_version: '2'\n");
    }

    @Test
    void keepImagesSetsTheLifecyclePolicyOfTheRepositoryDeployCreatesAndZeroSetsNone() throws Exception {
        stage.maven(stage.project("deploy-keep-5"), "keep_five_agent", "deploy", "-Dagentcore.deploy.keepImages=5")
                .assertSuccess();
        stage.maven(stage.project("deploy-keep-0"), "keep_none_agent", "deploy", "-Dagentcore.deploy.keepImages=0")
                .assertSuccess();

        assertEquals(5, JSON.readTree(stage.aws().ecr().lifecyclePolicy("bedrock-agentcore-keep_five_agent")
                .orElseThrow()).at("/rules/0/selection/countNumber").asInt());
        assertTrue(stage.aws().ecr().repository("bedrock-agentcore-keep_none_agent").isPresent());
        assertTrue(stage.aws().ecr().lifecyclePolicy("bedrock-agentcore-keep_none_agent").isEmpty());
    }

    @Test
    void aTagRemovedFromThePomIsUntaggedButOnlyIfDeploySetIt() {
        FixtureProject project = stage.project("deploy-untag");
        stage.maven(project, "untag_agent", "deploy", "-Dagentcore.tags=team=agents,cost=ml").assertSuccess();
        String arn = stage.aws().agentCore().runtimeNamed("untag_agent").orElseThrow().arn();
        try (BedrockAgentCoreControlClient control = BedrockAgentCoreControlClient.builder()
                .endpointOverride(stage.aws().endpoint()).region(Region.of(stage.aws().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        AwsStandIn.ACCESS_KEY_ID, AwsStandIn.SECRET_ACCESS_KEY))).build()) {
            control.tagResource(request -> request.resourceArn(arn).tags(Map.of("owner", "platform-team")));
        }

        MavenResult again = stage.maven(project, "untag_agent", "deploy", "-Dagentcore.tags=team=agents")
                .assertSuccess();

        assertEquals(Map.of("team", "agents", "owner", "platform-team"),
                stage.aws().agentCore().runtimeNamed("untag_agent").orElseThrow().tags());
        assertContains(again.log(), "Removed the tags cost the POM no longer sets");
        assertContains(read(project.file(".bedrock_agentcore.yaml")), "deployed_tags:\n");
    }

    @Test
    void anUnchangedProjectDeploysNothingNew() {
        FixtureProject project = stage.project("deploy-noop");
        stage.maven(project, "noop_agent", "deploy").assertSuccess();
        stage.aws().clearRequests();

        MavenResult again = stage.maven(project, "noop_agent", "deploy").assertSuccess();

        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("noop_agent").orElseThrow();
        assertEquals(1, runtime.versions().size());
        assertEquals(List.of(), stage.aws().requests("UpdateAgentRuntime"));
        assertEquals(List.of(), stage.aws().requests("CreateRole"));
        assertContains(again.log(), "Nothing changed: version 1 of agent runtime " + runtime.id() + " already runs ");
        assertFalse(runtimeJson(project).get("newVersion").asBoolean());
    }

    @Test
    void theEndpointUrlSettingPointsEveryAwsClientAtOneUrl() {
        FixtureProject project = FixtureProject.copy(DeployStage.FIXTURE, "deploy-endpoint-url");
        stage.aws().environment().entrySet().stream().filter(variable -> !variable.getKey().equals("AWS_ENDPOINT_URL"))
                .forEach(variable -> project.environment(variable.getKey(), variable.getValue()));

        stage.maven(project, "endpoint_url_agent", "deploy",
                "-Dagentcore.endpointUrl=" + stage.aws().endpoint()).assertSuccess();

        assertEquals(ResourceStatus.READY, stage.aws().agentCore().runtimeNamed("endpoint_url_agent").orElseThrow().status());
    }

    @Test
    void aDryRunPrintsTheRequestsAndChangesNothing() {
        FixtureProject project = stage.project("deploy-dry-run");
        stage.aws().clearRequests();

        MavenResult dryRun = stage.maven(project, "dry_agent", "deploy", "-Dagentcore.deploy.dryRun=true")
                .assertSuccess();

        assertContains(dryRun.log(), "[dry run] would send CreateRepositoryRequest(RepositoryName="
                + "bedrock-agentcore-dry_agent");
        assertContains(dryRun.log(), "[dry run] would send CreateRoleRequest(");
        assertContains(dryRun.log(), "[dry run] Plan: create agent runtime dry_agent");
        assertContains(dryRun.log(), "[dry run]   + platformVersion              \"V2\"");
        assertContains(dryRun.log(), "[dry run]   + environmentVariables         {MODEL_ID, OPENAI_API_KEY} (values not shown)");
        assertFalse(dryRun.log().contains("sk-never-print-this-value"), dryRun.log());
        assertTrue(stage.aws().ecr().repository("bedrock-agentcore-dry_agent").isEmpty());
        assertTrue(stage.aws().agentCore().runtimeNamed("dry_agent").isEmpty());
        Set<String> mutations = Set.of("CreateRepository", "CreateRole", "PutRolePolicy", "CreateAgentRuntime");
        assertTrue(stage.aws().requests().stream().noneMatch(request -> mutations.contains(request.operation())),
                stage.aws().requests().toString());
        assertFalse(project.file(".bedrock_agentcore.yaml").toFile().exists());
    }

    @Test
    void aDryRunWithoutCredentialsOrNetworkPrintsThePlanOfAFirstCreate() {
        FixtureProject project = FixtureProject.copy(DeployStage.FIXTURE, "deploy-dry-run-offline");
        project.environment("AWS_ACCESS_KEY_ID", "").environment("AWS_SECRET_ACCESS_KEY", "")
                .environment("AWS_PROFILE", "none").environment("AWS_CONFIG_FILE", "/nonexistent")
                .environment("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
                .environment("AWS_EC2_METADATA_DISABLED", "true");

        MavenResult dryRun = stage.maven(project, "offline_agent", "deploy", "-Dagentcore.deploy.dryRun=true",
                "-Dagentcore.region=eu-west-1", "-Dagentcore.warmup=true").assertSuccess();

        assertContains(dryRun.log(), "showing the plan of a first create");
        assertContains(dryRun.log(), "[dry run] Plan: create agent runtime offline_agent");
        assertContains(dryRun.log(), "[dry run]   + hooksConfiguration           {\"build\":{\"warmup\":{\"action\":"
                + "{\"httpPost\":{\"path\":\"/warmup\",\"port\":8080}}}}}");
        assertFalse(project.file(".bedrock_agentcore.yaml").toFile().exists());
    }
}
