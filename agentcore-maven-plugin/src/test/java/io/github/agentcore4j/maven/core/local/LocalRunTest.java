package io.github.agentcore4j.maven.core.local;

import static io.github.agentcore4j.maven.core.local.LocalAgents.TIMEOUT;
import static io.github.agentcore4j.maven.core.local.LocalAgents.await;
import static io.github.agentcore4j.maven.core.local.LocalAgents.fakeAgent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.MemoryBuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunTest {

    @TempDir
    Path directory;

    private final MemoryBuildLog log = new MemoryBuildLog();
    private final List<String> output = LocalAgents.lines();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread running;

    private Path stateFile() {
        return LocalAgentState.fileIn(directory.resolve("target/agentcore"));
    }

    /** Runs the agent on another thread, as Maven's main thread would, keeping what it throws. */
    private void runInBackground(LaunchSpec spec, Path watched) {
        LocalRun run = new LocalRun(spec, stateFile(), TIMEOUT, log, output::add);
        running = new Thread(() -> {
            try {
                run.run(watched);
            } catch (InterruptedException stoppedByTest) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "local-run-under-test");
        running.start();
    }

    @AfterEach
    void stopTheRun() throws InterruptedException {
        if (running != null) {
            running.interrupt();
            running.join(TIMEOUT.toMillis());
            assertFalse(running.isAlive(), "run-local stopped");
        }
    }

    private long runningPid() {
        return LocalAgentState.read(stateFile()).filter(LocalAgentState::isRunning).map(LocalAgentState::pid)
                .orElse(-1L);
    }

    @Test
    void announcesWhereTheAgentListensAndHowToInvokeIt() throws Exception {
        LaunchSpec spec = fakeAgent("healthy", directory);

        runInBackground(spec, null);

        await("the agent is announced", () -> log.lines().contains("INFO Agent fake_agent listens on "
                + "http://127.0.0.1:" + spec.port() + " (HTTP); invoke it with: mvn agentcore:invoke "
                + "-Dagentcore.invoke.prompt=Hello"));
        assertEquals(spec.port(), LocalAgentState.read(stateFile()).orElseThrow().port());
    }

    /** Ctrl-C's shutdown hook runs the moment the ready line is logged, before the run waits for the agent. */
    @Test
    void ctrlCRightAfterTheReadyLineEndsTheRunCleanly() throws Exception {
        LaunchSpec spec = fakeAgent("healthy", directory);
        AtomicReference<LocalRun> run = new AtomicReference<>();
        BuildLog stopsWhenReady = new BuildLog() {
            @Override
            public void info(String message) {
                log.info(message);
                if (message.contains(" listens on ")) {
                    run.get().stopForShutdown();
                }
            }

            @Override
            public void warn(String message) {
                log.warn(message);
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }

            @Override
            public boolean isDebugEnabled() {
                return false;
            }

            @Override
            public void progress(String task, double fraction) {
            }
        };
        run.set(new LocalRun(spec, stateFile(), TIMEOUT, stopsWhenReady, output::add));

        run.get().run(null);

        assertTrue(Files.notExists(stateFile()), "the record of the stopped agent is gone");
    }

    @Test
    void anAgentThatExitsEndsTheRunWithItsLastOutput() throws Exception {
        LaunchSpec spec = fakeAgent("healthy", directory);
        runInBackground(spec, null);
        await("the agent is recorded", () -> runningPid() > 0);

        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + spec.port()
                + "/exit")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        running.join(TIMEOUT.toMillis());

        assertTrue(failure.get() instanceof AgentStartException, String.valueOf(failure.get()));
        assertTrue(failure.get().getMessage().startsWith("The agent exited with code 3. Its last output:"));
        assertTrue(failure.get().getMessage().contains("exiting on request"));
        assertFalse(Files.exists(stateFile()));
    }

    @Test
    void watchRestartsTheAgentWhenTheClassesChange() throws Exception {
        Path classes = Files.createDirectories(directory.resolve("target/classes"));
        Files.writeString(classes.resolve("Agent.class"), "version 1");
        runInBackground(fakeAgent("healthy", directory), classes);
        await("the agent is recorded", () -> runningPid() > 0);
        long firstPid = runningPid();

        Files.writeString(classes.resolve("Agent.class"), "version 2, longer");

        await("a new agent runs", () -> runningPid() > 0 && runningPid() != firstPid);
        assertFalse(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(log.lines().contains("INFO The compiled classes changed: restarting the agent"), log.text());
        assertNotEquals(firstPid, runningPid());
    }

    @Test
    void aRunThatCannotStartLeavesTheRunningAgentsRecordAlone() throws Exception {
        AgentProcess other = AgentProcess.start(fakeAgent("healthy", directory), line -> { });
        try {
            other.awaitHealthy(TIMEOUT, new MemoryBuildLog());
            LocalAgentState.of(other).write(stateFile());
            LocalRun run = new LocalRun(fakeAgent("healthy", other.port(), directory), stateFile(), TIMEOUT, log,
                    output::add);

            assertThrows(InvalidSettingException.class, () -> run.run(null));

            assertEquals(other.pid(), LocalAgentState.read(stateFile()).orElseThrow().pid());
        } finally {
            other.stop(AgentProcess.STOP_GRACE);
        }
    }

    @Test
    void stoppingTheRunStopsTheAgent() throws Exception {
        runInBackground(fakeAgent("healthy", directory), directory);
        await("the agent is recorded", () -> runningPid() > 0);
        long pid = runningPid();

        running.interrupt();
        running.join(TIMEOUT.toMillis());

        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(stateFile()));
    }
}
