package io.github.agentcore4j.it.deploy;

import static io.github.agentcore4j.it.deploy.DeployStage.read;
import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.aws.AgentRuntime;
import io.github.agentcore4j.it.aws.Invocation;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * agentcore:invoke through AgentCore's InvokeAgentRuntime: the stand-in forwards to the fixture agent, started for
 * real as a process, so the answer is the agent's own (JSON, and streaming printed event by event as it arrives).
 * Also a runtime named only by its ARN, an OAuth bearer token for a JWT-authorised runtime, and stop-session.
 */
class InvokeDeployedTest {

    private static final Pattern KEPT_SESSION = Pattern.compile("agent_session_id: (\\S+)\n");

    @RegisterExtension
    static final DeployStage stage = DeployStage.forScenario("invoke-deployed");
    private static FixtureProject agentProject;
    private static Process agent;

    @BeforeAll
    static void startAgent() throws Exception {
        agentProject = stage.project("invoke-local-agent");
        stage.maven(agentProject, "local_agent", "compile").assertSuccess();
        int port = FreePort.pick();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        agent = new ProcessBuilder(java, "-cp", agentProject.file("target/classes").toString(),
                "-Dagentcore.host=127.0.0.1", "-Dagentcore.port=" + port, "com.example.deployagent.DeployAgent")
                .redirectErrorStream(true).redirectOutput(agentProject.file("agent.log").toFile()).start();
        URI url = URI.create("http://127.0.0.1:" + port);
        awaitHealthy(url);
        stage.aws().agent(url);
    }

    @AfterAll
    static void stopAgent() {
        if (agent != null) {
            FixtureProject.destroyTree(agent);
        }
    }

    /** Polls GET /ping for at most 20 seconds. */
    private static void awaitHealthy(URI agentUrl) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!agent.isAlive()) {
                throw new AssertionError("The agent exited: " + read(agentProject.file("agent.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(agentUrl.resolve("/ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The agent did not answer /ping within 20 s");
    }

    @Test
    void invokesTheDeployedAgentWithSigV4AndStopsItsSession() {
        FixtureProject project = stage.project("invoke-sigv4");
        stage.maven(project, "sigv4_agent", "deploy").assertSuccess();
        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("sigv4_agent").orElseThrow();

        MavenResult json = stage.maven(project, "sigv4_agent", "agentcore:invoke", "-Dagentcore.invoke.prompt=Hello",
                "-Dagentcore.invoke.userId=alice").assertSuccess();
        MavenResult stream = stage.maven(project, "sigv4_agent", "agentcore:invoke",
                "-Dagentcore.invoke.payload={\"prompt\":\"one two three\",\"stream\":true}").assertSuccess();

        String sessionId = keptSession(project);
        assertContains(json.log(), "Invoking " + runtime.arn() + " (endpoint DEFAULT, SigV4, user alice) (session "
                + sessionId + ")");
        assertContains(json.log(), "{\n  \"response\": \"hello: Hello\",\n  \"sessionId\": \"" + sessionId + "\"\n}");
        assertContains(stream.log(), "\"one\"\n\"two\"\n\"three\"\n");
        List<Invocation> invocations = stage.aws().invocations().stream()
                .filter(invocation -> invocation.runtimeId().equals(runtime.id())).toList();
        assertEquals(2, invocations.size());
        assertEquals(new Invocation(runtime.id(), "DEFAULT", "1", sessionId, "alice", 200), invocations.get(0));
        assertEquals(sessionId, invocations.get(1).sessionId(), "the session is kept between invocations");

        MavenResult stop = stage.maven(project, "sigv4_agent", "agentcore:stop-session").assertSuccess();

        assertEquals(List.of(sessionId), stage.aws().stoppedSessions().stream().filter(sessionId::equals).toList());
        assertContains(stop.log(), "Stopped session " + sessionId + " of " + runtime.arn() + " (endpoint DEFAULT)");
        assertContains(read(project.file(".bedrock_agentcore.yaml")), "agent_session_id: null\n");
    }

    @Test
    void streamedEventsArePrintedAsTheyArrive() throws Exception {
        FixtureProject project = stage.project("invoke-stream-live");
        stage.maven(project, "stream_agent", "deploy").assertSuccess();
        Path release = project.file("release-second-event");
        Path log = project.file("invoke-stream.log");

        Process maven = stage.startMaven(project, log, "stream_agent", "agentcore:invoke",
                "-Dagentcore.invoke.payload={\"prompt\":\"first second\",\"stream\":true,\"holdUntil\":\"" + release
                        + "\"}");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!read(log).contains("\"first\"\n") && maven.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertContains(read(log), "\"first\"\n");
            assertFalse(read(log).contains("\"second\""), "the agent still holds the second event back");
            Files.createFile(release);
            assertTrue(maven.waitFor(60, TimeUnit.SECONDS), "Maven did not finish: " + read(log));
            assertEquals(0, maven.exitValue(), read(log));
            assertContains(read(log), "\"first\"\n\"second\"\n");
        } finally {
            FixtureProject.destroyTree(maven);
        }
    }

    @Test
    void invokesAnyRuntimeByArnWithoutAConfigurationFile() {
        FixtureProject deployed = stage.project("invoke-arn-deployed");
        stage.maven(deployed, "arn_agent", "deploy").assertSuccess();
        String arn = stage.aws().agentCore().runtimeNamed("arn_agent").orElseThrow().arn();
        FixtureProject elsewhere = stage.project("invoke-arn-elsewhere");

        MavenResult invoke = stage.maven(elsewhere, "anything", "agentcore:invoke", "-Dagentcore.agentArn=" + arn,
                "-Dagentcore.invoke.prompt=By ARN").assertSuccess();

        assertContains(invoke.log(), "\"response\": \"hello: By ARN\"");
        assertFalse(elsewhere.file(".bedrock_agentcore.yaml").toFile().exists());
    }

    @Test
    void aJwtAuthorisedRuntimeTakesABearerTokenThatIsNeverLogged() {
        String token = "eyJhbGciOiJSUzI1NiJ9.never-log-this-token-body.signature";
        FixtureProject project = stage.project("invoke-bearer");
        stage.maven(project, "jwt_agent", "deploy",
                "-Dagentcore.jwtDiscoveryUrl=https://idp.example.com/.well-known/openid-configuration")
                .assertSuccess();

        MavenResult sigv4 = stage.maven(project, "jwt_agent", "agentcore:invoke", "-Dagentcore.invoke.prompt=Hi")
                .assertFailure();
        assertContains(sigv4.log(), "AgentCore answered 403 (AccessDeniedException): Authorization method mismatch.");
        assertContains(sigv4.log(), "Fix: this runtime takes OAuth bearer tokens; pass "
                + "-Dagentcore.invoke.bearerToken or "
                + "set AGENTCORE_BEARER_TOKEN");

        project.environment("AGENTCORE_BEARER_TOKEN", token);
        MavenResult bearer = stage.maven(project, "jwt_agent", "agentcore:invoke", "-Dagentcore.invoke.prompt=Hi")
                .assertSuccess();

        assertContains(bearer.log(), "\"response\": \"hello: Hi\"");
        assertContains(bearer.log(), "(endpoint DEFAULT, bearer token eyJh****)");
        assertFalse(bearer.log().contains("never-log-this-token-body"), bearer.log());
        assertFalse(read(project.file(".bedrock_agentcore.yaml")).contains("never-log-this-token-body"));
    }

    private static String keptSession(FixtureProject project) {
        Matcher matcher = KEPT_SESSION.matcher(read(project.file(".bedrock_agentcore.yaml")));
        if (!matcher.find()) {
            throw new AssertionError("no kept session id");
        }
        return matcher.group(1);
    }
}
