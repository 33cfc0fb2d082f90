package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.BuildLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The run-local goal's work: runs the agent in the foreground until it exits or the user presses Ctrl-C, and, when
 * watching, restarts it whenever the compiled classes change.
 */
public final class LocalRun {

    /** How often watch mode looks at the compiled classes. */
    static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private final AgentLaunch spec;
    private final Path stateFile;
    private final Duration startTimeout;
    private final BuildLog log;
    private final Consumer<String> agentOutput;
    private final AtomicReference<AgentProcess> current = new AtomicReference<>();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private volatile long recordedPid = -1;

    /**
     * @param stateFile where the running agent is recorded, so that invoke finds its port
     * @param agentOutput receives the agent's output lines as they come
     */
    public LocalRun(AgentLaunch spec, Path stateFile, Duration startTimeout, BuildLog log,
            Consumer<String> agentOutput) {
        this.spec = spec;
        this.stateFile = stateFile;
        this.startTimeout = startTimeout;
        this.log = log;
        this.agentOutput = agentOutput;
    }

    /**
     * Runs the agent until it exits (or, when watching, until the user stops Maven).
     *
     * @param watchedClasses the directory whose changes restart the agent, or {@code null} not to watch
     * @throws AgentStartException when the agent does not turn healthy, or exits with a failure while not watching
     */
    public void run(Path watchedClasses) throws InterruptedException {
        Thread stopOnCtrlC = new Thread(this::stopForShutdown, "agentcore-run-local-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        try {
            // Taken before the first start, so that a compilation finishing while the agent starts restarts it.
            long classesAtStart = watchedClasses == null ? 0 : ClassesFingerprint.of(watchedClasses);
            try {
                startHealthy();
            } catch (AgentStartException e) {
                if (shuttingDown.get()) {
                    return; // Ctrl-C while the agent was starting: stopping it is what the user asked for
                }
                throw e;
            }
            if (watchedClasses == null) {
                awaitExit();
            } else {
                watch(watchedClasses, classesAtStart);
            }
        } finally {
            AgentProcess agent = current.getAndSet(null);
            if (agent != null) {
                agent.stop(AgentProcess.STOP_GRACE);
            }
            forgetOwnRecord();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
            } catch (IllegalStateException shutdownInProgress) {
                // Ctrl-C: the hook is stopping the agent.
            }
        }
    }

    private void startHealthy() throws InterruptedException {
        AgentProcess agent = AgentProcess.start(spec, agentOutput);
        current.set(agent);
        agent.awaitHealthy(startTimeout, log);
        LocalAgentState record = LocalAgentState.of(agent);
        record.write(stateFile);
        recordedPid = record.pid();
        log.info("Agent " + spec.agentName() + " listens on " + agent.url() + " (" + spec.protocol()
                + "); invoke it with: mvn agentcore:invoke -Dagentcore.invoke.prompt=Hello");
    }

    private void awaitExit() throws InterruptedException {
        AgentProcess agent = current.get();
        if (agent == null) {
            return; // Ctrl-C right after the start: the shutdown hook has taken and stopped the agent
        }
        int code = agent.waitFor();
        if (shuttingDown.get()) {
            return;
        }
        if (code != 0) {
            throw new AgentStartException("The agent exited with code " + code + ". Its last output:"
                    + System.lineSeparator() + agent.lastOutput());
        }
        log.info("The agent exited");
    }

    private void watch(Path classes, long classesAtStart) throws InterruptedException {
        log.info("Watching " + classes + ": run `mvn compile` to restart the agent with your changes");
        long seen = classesAtStart;
        while (!shuttingDown.get()) {
            Thread.sleep(WATCH_INTERVAL.toMillis());
            long now = ClassesFingerprint.of(classes);
            if (now != seen) {
                seen = awaitQuiet(classes, now);
                restart();
            } else {
                reportUnexpectedExit();
            }
        }
    }

    /** Waits until a compilation in progress has finished writing, i.e. the tree stops changing. */
    private static long awaitQuiet(Path classes, long changed) throws InterruptedException {
        long previous = changed;
        while (true) {
            Thread.sleep(WATCH_INTERVAL.toMillis());
            long now = ClassesFingerprint.of(classes);
            if (now == previous) {
                return now;
            }
            previous = now;
        }
    }

    private void restart() throws InterruptedException {
        log.info("The compiled classes changed: restarting the agent");
        AgentProcess old = current.getAndSet(null);
        if (old != null) {
            old.stop(AgentProcess.STOP_GRACE);
        }
        try {
            startHealthy();
        } catch (AgentStartException e) {
            current.set(null);
            log.warn(e.getMessage() + System.lineSeparator() + "Waiting for the next change to try again.");
        }
    }

    /** Deletes the state file if it records this run's agent, not one that another run started (port in use). */
    private void forgetOwnRecord() {
        if (LocalAgentState.read(stateFile).filter(state -> state.pid() == recordedPid).isPresent()) {
            LocalAgentState.delete(stateFile);
        }
    }

    private void reportUnexpectedExit() {
        AgentProcess agent = current.get();
        if (agent != null && !agent.isAlive() && !shuttingDown.get()) {
            current.set(null);
            log.warn("The agent exited with code " + agent.exitValue() + "; it restarts on the next change. "
                    + "Its last output:" + System.lineSeparator() + agent.lastOutput());
        }
    }

    /** Runs as a shutdown hook (Ctrl-C): stops the agent and forgets it, with JDK code and loaded classes only. */
    void stopForShutdown() {
        shuttingDown.set(true);
        AgentProcess agent = current.getAndSet(null);
        if (agent != null) {
            agent.stop(AgentProcess.STOP_GRACE);
        }
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            // The record names a process that no longer runs, which later goals recognise.
        }
    }
}
