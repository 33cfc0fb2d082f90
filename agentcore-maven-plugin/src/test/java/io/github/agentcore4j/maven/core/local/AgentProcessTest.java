package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.MemoryBuildLog;
import static io.github.agentcore4j.maven.core.local.LocalAgents.TIMEOUT;
import static io.github.agentcore4j.maven.core.local.LocalAgents.await;
import static io.github.agentcore4j.maven.core.local.LocalAgents.fakeAgent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentProcessTest {

    @TempDir
    Path directory;

    private AgentProcess agent;

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void startsTheAgentWithItsPortAndEnvironmentAndStreamsItsOutput() throws Exception {
        LaunchSpec spec = fakeAgent("healthy", directory);
        List<String> output = LocalAgents.lines();

        agent = AgentProcess.start(spec, output::add);
        agent.awaitHealthy(TIMEOUT, new MemoryBuildLog());

        assertEquals("http://127.0.0.1:" + spec.port(), agent.url());
        await("the agent says it listens", () -> output.contains("fake agent listening on " + spec.port()));
        assertEquals("fake agent mode healthy, PORT " + spec.port() + ", GREETING hello from the settings",
                output.get(0));
        assertTrue(agent.isAlive());
    }

    @Test
    void stopEndsTheProcess() throws Exception {
        agent = AgentProcess.start(fakeAgent("healthy", directory), line -> { });
        agent.awaitHealthy(TIMEOUT, new MemoryBuildLog());
        ProcessHandle handle = ProcessHandle.of(agent.pid()).orElseThrow();

        agent.stop(Duration.ofSeconds(5));

        assertFalse(handle.isAlive());
    }

    @Test
    void anAgentThatExitsFailsWithItsExitCodeAndLastOutput() {
        LaunchSpec spec = fakeAgent("exit", directory);
        agent = AgentProcess.start(spec, line -> { });

        AgentStartException e = assertThrows(AgentStartException.class, () -> agent.awaitHealthy(TIMEOUT, new MemoryBuildLog()));

        assertEquals("The agent (" + FakeAgent.class.getName() + ") exited with code 3 before it answered on port "
                + spec.port() + ". Its last output:" + System.lineSeparator()
                + "  fake agent mode exit, PORT " + spec.port() + ", GREETING hello from the settings"
                + System.lineSeparator() + "  cannot start: MODEL_ID is not set", e.getMessage());
    }

    @Test
    void anAgentThatNeverTurnsHealthyIsStoppedAfterTheTimeout() throws Exception {
        LaunchSpec spec = fakeAgent("silent", directory);
        List<String> output = LocalAgents.lines();
        agent = AgentProcess.start(spec, output::add);
        await("the agent printed its first line", () -> !output.isEmpty());

        AgentStartException e = assertThrows(AgentStartException.class,
                () -> agent.awaitHealthy(Duration.ofSeconds(1), new MemoryBuildLog()));

        assertTrue(e.getMessage().startsWith("The agent (" + FakeAgent.class.getName() + ") did not turn healthy on "
                + "port " + spec.port() + " within 1 s, so it was stopped. Raise agentcore.startTimeout if it needs "
                + "longer. Its last output:"), e.getMessage());
        assertTrue(e.getMessage().contains("fake agent mode silent"), e.getMessage());
        assertFalse(agent.isAlive());
    }

    @Test
    void anAgentListeningOnAnotherPortIsToldWhichInsteadOfToWaitLonger() throws Exception {
        int ownPort = LocalAgents.freePort();
        LaunchSpec spec = LocalAgents.fakeAgent(LocalAgents.freePort(),
                Map.of("FAKE_AGENT_MODE", "elsewhere", "FAKE_AGENT_OWN_PORT", Integer.toString(ownPort)), directory);
        List<String> output = LocalAgents.lines();
        agent = AgentProcess.start(spec, output::add);
        await("the agent listens on its own port", () -> output.contains("fake agent listening on " + ownPort));

        AgentStartException e = assertThrows(AgentStartException.class,
                () -> agent.awaitHealthy(Duration.ofSeconds(1), new MemoryBuildLog()));

        assertTrue(e.getMessage().startsWith("The agent (" + FakeAgent.class.getName() + ") did not turn healthy on "
                + "port " + spec.port() + " within 1 s, so it was stopped. It listens on port " + ownPort
                + " instead: it ignores the port it is given (system properties agentcore.port and server.port, "
                + "environment variables PORT and SERVER_PORT). Make it read one of them, or set -Dagentcore.port="
                + ownPort + ". Its last output:"), e.getMessage());
        assertFalse(agent.isAlive());
    }

    @Test
    void aPortInUseIsASettingToChange() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LaunchSpec spec = fakeAgent("healthy", taken.getLocalPort(), directory);

            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> AgentProcess.start(spec, line -> { }));

            assertEquals("Invalid setting <port> (-Dagentcore.port): port " + taken.getLocalPort() + " is already in "
                    + "use on 127.0.0.1. Fix: stop what listens there (another agentcore:run-local?), or pass "
                    + "-Dagentcore.port=<free port>.", e.getMessage());
        }
    }
}
