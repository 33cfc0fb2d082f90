package io.github.agentcore4j.it.local;

import static io.github.agentcore4j.it.local.LocalAgents.assertExits;
import static io.github.agentcore4j.it.local.LocalAgents.assertNoProcessFrom;
import static io.github.agentcore4j.it.local.LocalAgents.assertPortFree;
import static io.github.agentcore4j.it.local.LocalAgents.read;
import static io.github.agentcore4j.it.local.LocalAgents.recordedPid;
import static io.github.agentcore4j.it.local.LocalAgents.sessionIdIn;
import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The spring-boot-style loop in one build: configure, then `mvn verify` runs start (pre-integration-test), two
 * invocations (JSON and streaming) and stop (post-integration-test) against an agent on the runtime library.
 */
class StartInvokeStopTest {

    @Test
    void verifyStartsInvokesAndStopsTheAgent() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "start-invoke-stop");
        int port = FreePort.pick();
        project.maven("compile", "agentcore:configure").assertSuccess();

        MavenResult verify = project.maven("verify", "-Dagentcore.port=" + port).assertSuccess();

        assertContains(verify.log(), ") listens on http://127.0.0.1:" + port + " (HTTP); its output goes to "
                + project.file("target/agentcore/local-agent.log"));
        String json = read(project.file("target/invoke-json.txt"));
        assertContains(json, "{\n  \"response\": \"echo: Hello\",\n  \"sessionId\": \"");
        String sessionId = sessionIdIn(json);
        assertContains(read(project.file(".bedrock_agentcore.yaml")), "agent_session_id: " + sessionId + "\n");
        assertEquals("\"one\"\n\"two\"\n\"three\"\n", read(project.file("target/invoke-stream.txt")));
        assertContains(read(project.file("target/invoke-url.txt")), "\"response\": \"echo: http://127.0.0.1:" + port
                + "\"");
        assertContains(verify.log(), "\"one\"\n\"two\"\n\"three\"\n");
        assertContains(verify.log(), "Stopped the local agent");
        assertContains(read(project.file("target/agentcore/local-agent.log")), "Streaming invocation completed");
        assertFalse(Files.exists(project.file("target/agentcore/local-agent.properties")));
        assertPortFree(port);
        assertNoProcessFrom(project);
    }

    @Test
    void startServesAndInvokeCallsTheConfiguredInvocationPath() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "start-invoke-custom-path");
        int port = FreePort.pick();
        project.maven("compile", "agentcore:configure").assertSuccess();

        MavenResult verify = project.maven("verify", "-Dagentcore.port=" + port,
                "-Dagentcore.invocationPath=/agent/run").assertSuccess();

        assertContains(read(project.file("target/agentcore/local-agent.log")),
                "Agent listening on http://127.0.0.1:" + port + "/agent/run");
        assertContains(read(project.file("target/invoke-json.txt")), "\"response\": \"echo: Hello\"");
        assertContains(verify.log(), "Stopped the local agent");
        assertPortFree(port);
        assertNoProcessFrom(project);
    }

    @Test
    void aBuildThatFailsBetweenStartAndStopLeavesNoAgentBehind() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "start-fail-stop");
        int port = FreePort.pick();

        MavenResult verify = project.maven("verify", "-Pfailing-invoke", "-Dagentcore.port=" + port).assertFailure();

        assertContains(verify.log(), "The agent answered 500: {\"error\":\"boom\"}");
        assertFalse(verify.log().contains("Stopped the local agent"), "stop did not run");
        assertExits(recordedPid(project));
        assertPortFree(port);
        assertNoProcessFrom(project);
    }

    @Test
    void invokeSaysHowToStartTheAgentWhenNoneRuns() {
        FixtureProject project = FixtureProject.copy("local-agent", "invoke-nothing");
        int port = FreePort.pick();

        MavenResult invoke = project.maven("agentcore:invoke", "-Dagentcore.invoke.prompt=Hello",
                "-Dagentcore.port=" + port).assertFailure();

        assertContains(invoke.log(), "No agent answers at http://127.0.0.1:" + port + "/invocations: start it with "
                + "`mvn agentcore:run-local` (or agentcore:start), or point -Dagentcore.port at it");
    }

    @Test
    void invokeNeverGuessesAPortWhenNoLocalAgentIsRecorded() {
        FixtureProject project = FixtureProject.copy("local-agent", "invoke-no-port");

        MavenResult invoke = project.maven("agentcore:invoke", "-Dagentcore.invoke.prompt=Hello").assertFailure();

        assertContains(invoke.log(), "Invalid setting <port> (-Dagentcore.port): it is not set and no local agent of "
                + "this project runs (" + project.file("target/agentcore/local-agent.properties") + " records none "
                + "that is alive). Fix: start the agent with `mvn agentcore:run-local` (or agentcore:start) in this "
                + "project, or pass -Dagentcore.port=<port> for one that runs elsewhere.");
    }
}
