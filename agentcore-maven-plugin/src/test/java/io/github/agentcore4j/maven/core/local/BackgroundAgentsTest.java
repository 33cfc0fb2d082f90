package io.github.agentcore4j.maven.core.local;

import static io.github.agentcore4j.maven.core.local.LocalAgents.TIMEOUT;
import static io.github.agentcore4j.maven.core.local.LocalAgents.fakeAgent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.MemoryBuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundAgentsTest {

    @TempDir
    Path directory;

    private final MemoryBuildLog log = new MemoryBuildLog();

    private Path stateFile() {
        return LocalAgentState.fileIn(directory.resolve("target/agentcore"));
    }

    private Path logFile() {
        return directory.resolve("target/agentcore/local-agent.log");
    }

    @AfterEach
    void stopWhateverRuns() {
        BackgroundAgents.stop(stateFile(), new MemoryBuildLog());
    }

    @Test
    void startRecordsTheAgentAndStopEndsIt() throws Exception {
        LaunchSpec spec = fakeAgent("healthy", directory);

        BackgroundAgents.start(spec, stateFile(), logFile(), TIMEOUT, log);

        LocalAgentState state = LocalAgentState.read(stateFile()).orElseThrow();
        assertEquals(spec.port(), state.port());
        assertTrue(state.isRunning());
        assertTrue(Files.readString(logFile()).contains("fake agent listening on " + spec.port()));
        assertEquals("INFO Agent fake_agent (pid " + state.pid() + ") listens on http://127.0.0.1:" + spec.port()
                + " (HTTP); its output goes to " + logFile(), log.lines().get(0));

        assertTrue(BackgroundAgents.stop(stateFile(), log));

        assertFalse(ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(stateFile()));
        assertEquals("INFO Stopped the local agent", log.lines().get(1));
    }

    @Test
    void stopFindsAnAgentFromItsStateFileAlone() throws Exception {
        AgentProcess agent = AgentProcess.start(fakeAgent("healthy", directory), line -> { });
        agent.awaitHealthy(TIMEOUT, new MemoryBuildLog());
        LocalAgentState.of(agent).write(stateFile());

        assertTrue(BackgroundAgents.stop(stateFile(), log));

        assertFalse(agent.isAlive());
    }

    @Test
    void startStopsAnAgentAnEarlierBuildLeftRunning() throws Exception {
        AgentProcess leftover = AgentProcess.start(fakeAgent("healthy", directory), line -> { });
        leftover.awaitHealthy(TIMEOUT, new MemoryBuildLog());
        LocalAgentState.of(leftover).write(stateFile());

        BackgroundAgents.start(fakeAgent("healthy", directory), stateFile(), logFile(), TIMEOUT, log);

        assertFalse(leftover.isAlive());
        assertEquals("WARN Stopping the local agent an earlier build left running (pid " + leftover.pid() + ")",
                log.lines().get(0));
    }

    @Test
    void aFailedStartLeavesNothingRunning() {
        AgentStartException e = assertThrows(AgentStartException.class, () -> BackgroundAgents.start(
                fakeAgent("silent", directory), stateFile(), logFile(), Duration.ofSeconds(1), log));

        assertTrue(e.getMessage().contains("did not turn healthy"), e.getMessage());
        assertFalse(Files.exists(stateFile()));
        assertFalse(BackgroundAgents.stop(stateFile(), log));
    }

    @Test
    void stoppingWhenNothingRunsSaysSo() {
        assertFalse(BackgroundAgents.stop(stateFile(), log));

        assertEquals("INFO No local agent was running (" + stateFile() + ")", log.lines().get(0));
    }

    @Test
    void aRecordWhosePidWasReusedIsNotOurs() {
        LocalAgentState reused = new LocalAgentState(ProcessHandle.current().pid(),
                Instant.parse("2001-01-01T00:00:00Z"), 8080);

        assertFalse(reused.isRunning());
    }
}
