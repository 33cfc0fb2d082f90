package io.github.agentcore4j.it.local;

import static io.github.agentcore4j.it.local.LocalAgents.assertExits;
import static io.github.agentcore4j.it.local.LocalAgents.assertNoProcessFrom;
import static io.github.agentcore4j.it.local.LocalAgents.await;
import static io.github.agentcore4j.it.local.LocalAgents.awaitLog;
import static io.github.agentcore4j.it.local.LocalAgents.postPrompt;
import static io.github.agentcore4j.it.local.LocalAgents.read;
import static io.github.agentcore4j.it.local.LocalAgents.recordedPid;
import static io.github.agentcore4j.it.local.LocalAgents.sessionIdIn;
import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** agentcore:run-local in a real Maven that keeps running, invoked by a second Maven, and its failure cases. */
class RunLocalTest {

    private static String ready(int port) {
        return "Agent local_echo_agent listens on http://127.0.0.1:" + port
                + " (HTTP); invoke it with: mvn agentcore:invoke -Dagentcore.invoke.prompt=Hello";
    }

    @Test
    void runsTheAgentForInvokeAndStopsItWithMaven() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "run-local");
        int port = FreePort.pick();
        project.maven("compile", "agentcore:configure").assertSuccess();
        Path log = project.file("run-local.log");
        Process maven = project.startMaven(log, "agentcore:run-local", "-Dagentcore.port=" + port,
                "-Dagentcore.environment=MODEL_ID=model-from-the-command-line");
        try {
            awaitLog(log, ready(port), maven);
            long agentPid = recordedPid(project);

            MavenResult first = project.maven("agentcore:invoke", "-Dagentcore.invoke.prompt=Hello",
                    "-Dagentcore.invoke.headers=Tenant=acme").assertSuccess();
            // The 0.1.0 name still works for one release, with a warning naming the new one.
            String again = project.maven("agentcore:invoke", "-Dagentcore.prompt=Again").assertSuccess().log();
            String renewed = project.maven("agentcore:invoke", "-Dagentcore.invoke.prompt=New",
                    "-Dagentcore.invoke.newSession=true").assertSuccess().log();

            assertContains(first.log(), "\"response\": \"echo: Hello\"");
            assertContains(first.log(), "\"tenant\": \"acme\"");
            assertContains(first.log(), "\"modelId\": \"model-from-the-command-line\"");
            assertContains(again, "\"response\": \"echo: Again\"");
            assertContains(again, "The property agentcore.prompt is deprecated and will be removed in 0.3.0: use "
                    + "agentcore.invoke.prompt");
            assertEquals(sessionIdIn(first.log()), sessionIdIn(again));
            assertNotEquals(sessionIdIn(first.log()), sessionIdIn(renewed));
            assertContains(read(log), "Invocation completed successfully");

            maven.destroy();
            assertTrue(maven.waitFor(LocalAgents.DEADLINE.toSeconds(), TimeUnit.SECONDS), "Maven stopped");
            assertExits(agentPid);
            assertNoProcessFrom(project);
        } finally {
            FixtureProject.destroyTree(maven);
        }
    }

    @Test
    void watchRestartsTheAgentWhenTheClassesChange() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "run-local-watch");
        int port = FreePort.pick();
        Path log = project.file("run-local.log");
        Process maven = project.startMaven(log, "agentcore:run-local", "-Dagentcore.port=" + port,
                "-Dagentcore.runLocal.watch=true");
        try {
            awaitLog(log, ready(port), maven);
            assertContains(postPrompt(port, "Hi"), "\"response\":\"echo: Hi\"");

            Files.writeString(project.file("target/classes/greeting.txt"), "hello again\n");

            await("the restarted agent answers with the new greeting", () -> {
                String answer = postPrompt(port, "Hi");
                return answer != null && answer.contains("\"response\":\"hello again: Hi\"");
            });
            assertContains(read(log), "The compiled classes changed: restarting the agent");
        } finally {
            FixtureProject.destroyTree(maven);
        }
        assertNoProcessFrom(project);
    }

    @Test
    void aProjectWithoutMainClassFailsNamingTheSetting() {
        FixtureProject project = FixtureProject.copy("no-main-agent", "run-local-no-main");

        MavenResult result = project.maven("agentcore:run-local").assertFailure();

        assertContains(result.log(), "Invalid setting <mainClass> (-Dagentcore.mainClass): it is not set and "
                + project.file("target/classes") + " has no class with public static void main(String[]). Fix: add "
                + "a main class that starts AgentCoreApp, or set <mainClass> / -Dagentcore.mainClass.");
    }

    @Test
    void aPortInUseFailsNamingTheSetting() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "run-local-port-in-use");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            MavenResult result = project.maven("agentcore:run-local", "-Dagentcore.port=" + port).assertFailure();

            assertContains(result.log(), "Invalid setting <port> (-Dagentcore.port): port " + port + " is already in "
                    + "use on 127.0.0.1. Fix: stop what listens there (another agentcore:run-local?), or pass "
                    + "-Dagentcore.port=<free port>.");
        }
        assertNoProcessFrom(project);
    }

    @Test
    void anAgentThatExitsFailsWithItsLastOutput() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "run-local-exits");
        int port = FreePort.pick();

        MavenResult result = project.maven("agentcore:run-local", "-Dagentcore.port=" + port,
                "-Dagentcore.environment=LOCAL_AGENT_REFUSE=no model configured").assertFailure();

        assertContains(result.log(), "The agent (com.example.localagent.LocalEchoAgent) exited with code 3 before it "
                + "answered on port " + port + ". Its last output:");
        assertContains(result.log(), "  refusing to start: no model configured");
        assertNoProcessFrom(project);
    }

    @Test
    void anAgentThatNeverTurnsHealthyIsStoppedAfterTheTimeout() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "run-local-hangs");
        int port = FreePort.pick();

        MavenResult result = project.maven("agentcore:run-local", "-Dagentcore.port=" + port,
                "-Dagentcore.startTimeout=3", "-Dagentcore.environment=LOCAL_AGENT_HANG=yes").assertFailure();

        assertContains(result.log(), "The agent (com.example.localagent.LocalEchoAgent) did not turn healthy on port "
                + port + " within 3 s, so it was stopped. Raise agentcore.startTimeout if it needs longer. Its last "
                + "output:");
        assertContains(result.log(), "  hanging without listening");
        assertNoProcessFrom(project);
    }
}
