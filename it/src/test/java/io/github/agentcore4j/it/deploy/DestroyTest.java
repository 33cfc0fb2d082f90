package io.github.agentcore4j.it.deploy;

import static io.github.agentcore4j.it.deploy.DeployStage.read;
import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.aws.AgentRuntime;
import io.github.agentcore4j.it.aws.IamRole;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * agentcore:destroy: refused without confirmation in a batch build, a dry run that lists and deletes nothing, then
 * endpoints, runtime, images and our role gone with the YAML entry last; and a role the user supplied survives.
 */
class DestroyTest {

    private static final String TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"bedrock-agentcore.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @RegisterExtension
    static final DeployStage stage = DeployStage.forScenario("destroy");

    @Test
    void destroyDeletesWhatDeployMadeAfterConfirmation() {
        FixtureProject project = stage.project("destroy-ours");
        stage.maven(project, "doomed_agent", "deploy", "-Dagentcore.deploy.endpoint=prod").assertSuccess();
        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("doomed_agent").orElseThrow();
        String roleArn = runtime.latestVersion().roleArn();
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);

        MavenResult refused = stage.maven(project, "doomed_agent", "agentcore:destroy").assertFailure();
        assertContains(refused.log(), "agentcore:destroy deletes agent doomed_agent (" + runtime.arn()
                + ") and did not get a confirmation. Fix: pass -Dagentcore.destroy.confirm=true");
        assertTrue(stage.aws().agentCore().runtimeNamed("doomed_agent").isPresent());

        MavenResult dryRun = stage.maven(project, "doomed_agent", "agentcore:destroy",
                "-Dagentcore.destroy.dryRun=true", "-Dagentcore.destroy.deleteImages=true").assertSuccess();
        assertContains(dryRun.log(), "[dry run] would delete endpoint prod of agent runtime " + runtime.id());
        assertContains(dryRun.log(), "[dry run] would delete agent runtime " + runtime.arn());
        assertContains(dryRun.log(), "[dry run] would delete 1 image references from ECR repository "
                + "bedrock-agentcore-doomed_agent");
        assertContains(dryRun.log(), "[dry run] would delete execution role " + roleArn);
        assertContains(dryRun.log(), "[dry run] would remove agent doomed_agent from ");
        assertTrue(stage.aws().agentCore().runtimeNamed("doomed_agent").isPresent());
        assertTrue(stage.aws().iam().role(roleName).isPresent());

        MavenResult destroy = stage.maven(project, "doomed_agent", "agentcore:destroy",
                "-Dagentcore.destroy.confirm=true", "-Dagentcore.destroy.deleteImages=true").assertSuccess();

        assertTrue(stage.aws().agentCore().runtimeNamed("doomed_agent").isEmpty());
        assertTrue(stage.aws().iam().role(roleName).isEmpty(), "the role this plugin created is deleted");
        assertEquals(List.of(), stage.aws().ecr().repository("bedrock-agentcore-doomed_agent").orElseThrow().images(),
                "images deleted, repository kept");
        assertFalse(read(project.file(".bedrock_agentcore.yaml")).contains("doomed_agent"));
        assertContains(destroy.log(), "Deleted endpoint prod of agent runtime " + runtime.id());
        assertContains(destroy.log(), "Deleted execution role " + roleArn + " (created by this plugin)");
    }

    @Test
    void aRoleTheUserSuppliedSurvivesDestroy() {
        String roleArn = stage.aws().iam().addRole("TeamAgentRole", TRUST_POLICY);
        FixtureProject project = stage.project("destroy-theirs");
        stage.maven(project, "their_role_agent", "deploy", "-Dagentcore.deploy.executionRole=" + roleArn).assertSuccess();
        assertEquals(roleArn, stage.aws().agentCore().runtimeNamed("their_role_agent").orElseThrow()
                .latestVersion().roleArn());
        assertTrue(stage.aws().iam().role("TeamAgentRole").orElseThrow().inlinePolicies().isEmpty(),
                "a supplied role is not changed");

        MavenResult destroy = stage.maven(project, "their_role_agent", "agentcore:destroy",
                "-Dagentcore.destroy.confirm=true", "-Dagentcore.destroy.deleteRepository=true").assertSuccess();

        assertTrue(stage.aws().agentCore().runtimeNamed("their_role_agent").isEmpty());
        IamRole survivor = stage.aws().iam().role("TeamAgentRole").orElseThrow();
        assertEquals(roleArn, survivor.arn());
        assertTrue(stage.aws().ecr().repository("bedrock-agentcore-their_role_agent").isEmpty());
        assertContains(destroy.log(), "Keeping execution role " + roleArn + ": this plugin did not create it");
    }
}
