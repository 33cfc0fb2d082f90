package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.BuildLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The start and stop goals' work: agents that run in the background while the build goes on, like
 * spring-boot:start/stop. No agent outlives the build: each is recorded in a state file (so stop finds it from any
 * Maven run, and the next start clears one a killed build left behind) and a shutdown hook of the Maven JVM stops
 * whatever stop did not, e.g. when the build failed between start and stop.
 */
public final class BackgroundAgents {

    private static final Map<Path, AgentProcess> STARTED = new ConcurrentHashMap<>();
    private static final Thread STOP_ALL_ON_EXIT = new Thread(BackgroundAgents::stopAllOnExit,
            "agentcore-stop-background-agents");

    static {
        Runtime.getRuntime().addShutdownHook(STOP_ALL_ON_EXIT);
    }

    private BackgroundAgents() {
    }

    /**
     * Starts the agent and waits until it is healthy.
     *
     * @param stateFile where the running agent is recorded
     * @param logFile where the agent's output goes (replaced on each start)
     * @throws AgentStartException with the agent's last output when it does not turn healthy in time
     */
    public static void start(AgentLaunch spec, Path stateFile, Path logFile, Duration startTimeout, BuildLog log)
            throws InterruptedException {
        LocalAgentState.read(stateFile).filter(LocalAgentState::isRunning).ifPresent(leftover -> {
            log.warn("Stopping the local agent an earlier build left running (pid " + leftover.pid() + ")");
            leftover.stop(AgentProcess.STOP_GRACE);
        });
        LocalAgentState.delete(stateFile);
        resetLogFile(logFile);
        AgentProcess agent = AgentProcess.start(spec, line -> appendLine(logFile, line));
        STARTED.put(stateFile, agent);
        try {
            agent.awaitHealthy(startTimeout, log);
        } catch (AgentStartException | InterruptedException e) {
            STARTED.remove(stateFile);
            agent.stop(AgentProcess.STOP_GRACE);
            throw e;
        }
        LocalAgentState.of(agent).write(stateFile);
        log.info("Agent " + spec.agentName() + " (pid " + agent.pid() + ") listens on " + agent.url() + " ("
                + spec.protocol() + "); its output goes to " + logFile);
    }

    /**
     * Stops the agent recorded in {@code stateFile}, if any.
     *
     * @return whether an agent was running
     */
    public static boolean stop(Path stateFile, BuildLog log) {
        AgentProcess startedHere = STARTED.remove(stateFile);
        boolean wasRunning;
        if (startedHere != null) {
            wasRunning = startedHere.isAlive();
            startedHere.stop(AgentProcess.STOP_GRACE);
        } else {
            wasRunning = LocalAgentState.read(stateFile).map(state -> state.stop(AgentProcess.STOP_GRACE)).orElse(false);
        }
        LocalAgentState.delete(stateFile);
        log.info(wasRunning ? "Stopped the local agent" : "No local agent was running (" + stateFile + ")");
        return wasRunning;
    }

    /** Runs as a shutdown hook, possibly after Maven closed the plugin's class realm: loads no plugin class. */
    private static void stopAllOnExit() {
        for (AgentProcess agent : STARTED.values()) {
            agent.stop(AgentProcess.STOP_GRACE);
        }
    }

    private static void resetLogFile(Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + logFile, e);
        }
    }

    private static void appendLine(Path logFile, String line) {
        try {
            Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the agent's output to " + logFile, e);
        }
    }
}
