package io.github.agentcore4j.it.deploy;

import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static io.github.agentcore4j.it.deploy.DeployStage.read;
import static io.github.agentcore4j.it.deploy.DeployStage.runtimeJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.aws.AgentRuntime;
import io.github.agentcore4j.it.aws.ResourceStatus;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two deploys (the second also points endpoint prod at its version), then versions and status, then rollback both
 * ways: prod is repointed, DEFAULT gets the old version re-applied as a new one.
 */
class VersionsAndRollbackTest {

    private static final String AGENT = "rollback_agent";

    @RegisterExtension
    static final DeployStage stage = DeployStage.forScenario("versions-rollback");

    @Test
    void versionsStatusAndRollbackOfANamedEndpointAndOfDefault() {
        FixtureProject project = stage.project("versions-rollback");
        stage.maven(project, AGENT, "deploy").assertSuccess();
        String firstImage = runtimeJson(project).get("containerUri").asText();
        DeployStage.changeCode(project, "hello v2");
        stage.maven(project, AGENT, "deploy", "-Dagentcore.deploy.endpoint=prod").assertSuccess();
        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed(AGENT).orElseThrow();
        assertEquals("2", runtime.endpoint("prod").orElseThrow().liveVersion());

        MavenResult report = stage.maven(project, AGENT, "agentcore:versions", "agentcore:status").assertSuccess();

        String secondDigest = digestOf(runtime.version("2").orElseThrow().containerUri());
        String firstDigest = digestOf(firstImage);
        assertTrue(Pattern.compile("\\[INFO\\] 2 +READY +V2 +\\S+ +" + Pattern.quote(secondDigest)
                + " +DEFAULT, prod\n").matcher(report.log()).find(), report.log());
        assertTrue(Pattern.compile("\\[INFO\\] 1 +READY +V2 +\\S+ +" + Pattern.quote(firstDigest) + "\n")
                .matcher(report.log()).find(), report.log());
        assertContains(report.log(), "Agent runtime " + AGENT + " (" + runtime.id() + ")");
        assertContains(report.log(), "  Status:         READY, latest version 2");
        assertContains(report.log(), "  Platform:       V2");
        assertTrue(Pattern.compile("prod +READY +live version 2, target 2").matcher(report.log()).find(),
                report.log());
        assertContains(report.log(), "  Log groups:     /aws/bedrock-agentcore/runtimes/" + runtime.id()
                + "-DEFAULT, /aws/bedrock-agentcore/runtimes/" + runtime.id() + "-prod");

        MavenResult endpointRollback = stage.maven(project, AGENT, "agentcore:rollback",
                "-Dagentcore.rollback.endpoint=prod").assertSuccess();

        runtime = stage.aws().agentCore().runtimeNamed(AGENT).orElseThrow();
        assertEquals("1", runtime.endpoint("prod").orElseThrow().liveVersion());
        assertEquals(2, runtime.versions().size(), "repointing an endpoint makes no version");
        assertContains(endpointRollback.log(), "Rolled back endpoint prod: it now serves version 1 (was 2). "
                + "DEFAULT is unchanged and still serves the latest version.");

        MavenResult defaultRollback = stage.maven(project, AGENT, "agentcore:rollback",
                "-Dagentcore.rollback.version=1").assertSuccess();

        runtime = stage.aws().agentCore().runtimeNamed(AGENT).orElseThrow();
        assertEquals(3, runtime.versions().size());
        assertEquals(ResourceStatus.READY, runtime.latestVersion().status());
        assertEquals(firstImage, runtime.latestVersion().containerUri(), "version 1's image, re-applied");
        assertEquals(runtime.version("1").orElseThrow().configuration().get("environmentVariables"),
                runtime.latestVersion().configuration().get("environmentVariables"));
        assertEquals("3", runtime.endpoint("DEFAULT").orElseThrow().liveVersion());
        assertContains(defaultRollback.log(), "Rolled back DEFAULT: it always serves the latest version, so version "
                + "1's image (" + firstDigest + ") and configuration were re-applied as new version 3 (was 2)");
        assertContains(read(project.file(".bedrock_agentcore.yaml")), "deployed_version: '3'\n");
        assertEquals("3", runtimeJson(project).get("agentRuntimeVersion").asText());
    }

    @Test
    void rollingBackToAVersionThatDoesNotExistNamesTheSetting() {
        FixtureProject project = stage.project("rollback-missing");
        stage.maven(project, "missing_version_agent", "deploy").assertSuccess();

        MavenResult rollback = stage.maven(project, "missing_version_agent", "agentcore:rollback",
                "-Dagentcore.rollback.version=7").assertFailure();

        assertContains(rollback.log(), "Invalid setting <version> (-Dagentcore.rollback.version): agent runtime "
                + "missing_version_agent-");
        assertContains(rollback.log(), " has no version 7. Fix: pick one that `mvn agentcore:versions` lists.");
    }

    private static String digestOf(String containerUri) {
        return containerUri.substring(containerUri.indexOf('@') + 1);
    }
}
