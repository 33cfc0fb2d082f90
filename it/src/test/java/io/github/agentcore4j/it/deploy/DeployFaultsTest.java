package io.github.agentcore4j.it.deploy;

import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static io.github.agentcore4j.it.deploy.DeployStage.read;
import static io.github.agentcore4j.it.deploy.DeployStage.runtimeJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.aws.AgentRuntime;
import io.github.agentcore4j.it.aws.ResourceStatus;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each fault the stand-in injects, with what deploy does about it: retries while a new role propagates and while
 * throttled, waits out a slow READY, fails on *_FAILED with the service's reason and on a timeout, replaces a stale
 * agent id, adopts a runtime that already has the name, and reports a conflict.
 */
class DeployFaultsTest {

    @RegisterExtension
    static final DeployStage stage = DeployStage.forScenario("deploy-faults");

    @Test
    void retriesWhileTheNewRoleIsNotYetAssumableAndWhileThrottled() {
        FixtureProject project = stage.project("faults-propagation");
        stage.aws().faults().roleNotYetAssumable(2).throttle("GetAgentRuntime", 1).throttle("CreateRepository", 1);
        stage.aws().clearRequests();

        MavenResult deploy = stage.maven(project, "propagating_agent", "deploy").assertSuccess();

        assertEquals(3, stage.aws().requests("CreateAgentRuntime").size(), "two refusals, then the create");
        assertContains(deploy.log(), "(IAM is still propagating it); retrying in 1 s");
        assertContains(deploy.log(), "(IAM is still propagating it); retrying in 2 s");
        assertEquals(ResourceStatus.READY, stage.aws().agentCore().runtimeNamed("propagating_agent").orElseThrow().status());
    }

    @Test
    void waitsForASlowReadyAndFailsWhenTheWaitTimesOut() {
        FixtureProject slow = stage.project("faults-slow");
        stage.aws().faults().slowReady(3);
        stage.maven(slow, "slow_agent", "deploy").assertSuccess();
        assertEquals(ResourceStatus.READY, stage.aws().agentCore().runtimeNamed("slow_agent").orElseThrow().status());

        FixtureProject stuck = stage.project("faults-stuck");
        stage.aws().faults().slowReady(Integer.MAX_VALUE);
        MavenResult timeout = stage.maven(stuck, "stuck_agent", "deploy", "-Dagentcore.waitTimeout=2")
                .assertFailure();

        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("stuck_agent").orElseThrow();
        assertContains(timeout.log(), "Version 1 of agent runtime " + runtime.id() + " is still CREATING after 2 s. "
                + "It may still become READY: check with `mvn agentcore:status`, or wait longer with "
                + "-Dagentcore.waitTimeout=<seconds>");
        assertContains(read(stuck.file(".bedrock_agentcore.yaml")), "agent_id: " + runtime.id() + "\n");
    }

    @Test
    void aFailedCreateOrUpdateFailsTheBuildWithTheServiceReason() {
        FixtureProject project = stage.project("faults-failed");
        stage.aws().faults().failNextCreate("Image pull failed: manifest unknown");
        MavenResult create = stage.maven(project, "failing_agent", "deploy").assertFailure();
        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("failing_agent").orElseThrow();
        assertContains(create.log(), "Version 1 of agent runtime " + runtime.id()
                + " is CREATE_FAILED: Image pull failed: manifest unknown");

        stage.maven(project, "failing_agent", "deploy").assertSuccess();
        DeployStage.changeCode(project, "hello broken");
        stage.aws().faults().failNextUpdate("Container exited with code 1 before /ping answered");
        MavenResult update = stage.maven(project, "failing_agent", "deploy").assertFailure();

        assertContains(update.log(), "Version 3 of agent runtime " + runtime.id()
                + " is UPDATE_FAILED: Container exited with code 1 before /ping answered");
        assertEquals(3, stage.aws().agentCore().runtimeNamed("failing_agent").orElseThrow().versions().size());
    }

    @Test
    void aStaleAgentIdIsReplacedByANewRuntime() {
        FixtureProject project = stage.project("faults-stale");
        stage.maven(project, "stale_agent", "deploy").assertSuccess();
        String oldId = runtimeJson(project).get("agentRuntimeId").asText();
        stage.aws().agentCore().deleteBehindOurBack(oldId);

        MavenResult redeploy = stage.maven(project, "stale_agent", "deploy").assertSuccess();

        AgentRuntime replacement = stage.aws().agentCore().runtimeNamed("stale_agent").orElseThrow();
        assertNotEquals(oldId, replacement.id());
        assertContains(redeploy.log(), "Agent runtime " + oldId + " recorded in ");
        assertContains(redeploy.log(), " no longer exists; looking for a runtime named stale_agent, else creating one");
        assertContains(read(project.file(".bedrock_agentcore.yaml")), "agent_id: " + replacement.id() + "\n");
    }

    @Test
    void aRuntimeThatAlreadyHasTheNameIsAdopted() {
        stage.maven(stage.project("faults-adopt-first"), "adopted_agent", "deploy").assertSuccess();
        String id = stage.aws().agentCore().runtimeNamed("adopted_agent").orElseThrow().id();
        FixtureProject elsewhere = stage.project("faults-adopt-second");

        MavenResult adopt = stage.maven(elsewhere, "adopted_agent", "deploy").assertSuccess();

        assertContains(adopt.log(), "Adopting the existing agent runtime " + id + " named adopted_agent");
        assertTrue(stage.aws().agentCore().runtimes().stream()
                .filter(runtime -> runtime.name().equals("adopted_agent")).count() == 1);
        assertContains(read(elsewhere.file(".bedrock_agentcore.yaml")), "agent_id: " + id + "\n");
    }

    @Test
    void aConflictOnUpdateIsWaitedOutAndRetriedAndFailsTheBuildWhenItPersists() {
        FixtureProject project = stage.project("faults-conflict");
        stage.maven(project, "conflict_agent", "deploy").assertSuccess();
        DeployStage.changeCode(project, "hello conflict");
        stage.aws().faults().conflict("UpdateAgentRuntime", 1);

        MavenResult retried = stage.maven(project, "conflict_agent", "deploy").assertSuccess();

        assertContains(retried.log(), "is busy (Conflict injected by the stand-in for UpdateAgentRuntime); waiting "
                + "for it to settle, then trying again");
        assertContains(retried.log(), "version 2 is READY and DEFAULT serves it");

        DeployStage.changeCode(project, "hello conflict again");
        stage.aws().faults().conflict("UpdateAgentRuntime", 5);

        MavenResult deploy = stage.maven(project, "conflict_agent", "deploy").assertFailure();

        assertContains(deploy.log(), "agentcore:deploy failed: BedrockAgentCoreControl answered 409 "
                + "ConflictException: Conflict injected by the stand-in for UpdateAgentRuntime");
    }
}
