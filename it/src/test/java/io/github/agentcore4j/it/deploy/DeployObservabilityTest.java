package io.github.agentcore4j.it.deploy;

import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static io.github.agentcore4j.it.deploy.DeployStage.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.it.aws.AgentRuntime;
import io.github.agentcore4j.it.aws.IamRole;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.JavaAgents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploy with observability on, against the AWS stand-in: the runtime's OTLP environment for its region, the agent's
 * log group created when missing, the execution role's X-Ray and Logs statements, the one line that says
 * Transaction Search is off, and {@code enableTransactionSearch} turning it on.
 */
class DeployObservabilityTest {

    private static final String LOG_GROUP = "/aws/bedrock-agentcore/runtimes/traced_agent-otel";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DeployStage stage = DeployStage.forScenario("deploy-observability");

    @Test
    void deploySetsTheOtlpEnvironmentCreatesTheLogGroupAndTurnsOnTransactionSearchWhenAsked() throws Exception {
        FixtureProject project = stage.project("deploy-traced");

        MavenResult first = deploy(project).assertSuccess();

        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("traced_agent").orElseThrow();
        JsonNode environment = runtime.latestVersion().configuration().get("environmentVariables");
        assertEquals("https://xray.us-east-1.amazonaws.com/v1/traces",
                environment.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").asText());
        assertEquals("https://logs.us-east-1.amazonaws.com/v1/logs",
                environment.get("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT").asText());
        assertEquals("x-aws-log-group=" + LOG_GROUP + ",x-aws-log-stream=runtime-logs,"
                + "x-aws-metric-namespace=bedrock-agentcore", environment.get("OTEL_EXPORTER_OTLP_LOGS_HEADERS").asText());
        assertEquals("otlp", environment.get("OTEL_LOGS_EXPORTER").asText());
        assertEquals("test-model", environment.get("MODEL_ID").asText(), "the POM's variables stay");
        assertTrue(stage.aws().logs().groupNames().contains(LOG_GROUP), stage.aws().logs().groupNames().toString());
        assertContains(first.log(), "Created the log group " + LOG_GROUP);
        assertContains(first.log(), "CloudWatch Transaction Search is off in account 123456789012 (us-east-1), so the "
                + "agent's traces will not show in the AgentCore dashboards; turn it on once with: mvn "
                + "agentcore:deploy -Dagentcore.deploy.enableTransactionSearch=true");
        assertEquals("XRay", stage.aws().xray().destination(), "only checked, not changed");
        assertContains(read(project.file(".bedrock_agentcore.yaml")), "observability:\n        enabled: true\n");

        IamRole role = stage.aws().iam().roles().stream()
                .filter(candidate -> candidate.arn().equals(runtime.latestVersion().roleArn())).findFirst()
                .orElseThrow();
        List<String> actions = new ArrayList<>();
        JSON.readTree(role.inlinePolicies().values().iterator().next()).get("Statement")
                .forEach(statement -> statement.get("Action").forEach(action -> actions.add(action.asText())));
        assertTrue(actions.containsAll(List.of("xray:PutTraceSegments", "logs:PutLogEvents", "logs:CreateLogStream")),
                actions.toString());

        stage.aws().clearRequests();
        MavenResult second = deploy(project, "-Dagentcore.deploy.enableTransactionSearch=true").assertSuccess();

        assertEquals("CloudWatchLogs", stage.aws().xray().destination());
        assertTrue(stage.aws().logs().resourcePolicies().containsKey("TransactionSearchXRayAccess"),
                stage.aws().logs().resourcePolicies().toString());
        assertContains(second.log(), "Turned on CloudWatch Transaction Search in account 123456789012 (us-east-1)");
        assertEquals(List.of(), stage.aws().requests("CreateLogGroup"), "the log group exists now");
        assertFalse(second.log().contains("Created the log group"), second.log());
        assertEquals(1, stage.aws().agentCore().runtimeNamed("traced_agent").orElseThrow().versions().size(),
                "the same image and environment make no new version");
    }

    private static MavenResult deploy(FixtureProject project, String... more) {
        List<String> arguments = new ArrayList<>(List.of("deploy", "-Dagentcore.observability=true",
                "-Dagentcore.observabilityAgent=" + JavaAgents.UPSTREAM));
        arguments.addAll(List.of(more));
        return stage.maven(project, "traced_agent", arguments.toArray(String[]::new));
    }
}
