package io.github.agentcore4j.maven.core.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code target/agentcore/local-agent.properties} records about a running local agent, so that {@code stop}
 * finds it from another Maven run and {@code invoke} finds its port.
 *
 * @param pid the agent's process id
 * @param startInstant when the process started; a process with the same PID but another start is not ours
 * @param port where the agent listens on 127.0.0.1
 */
public record LocalAgentState(long pid, Instant startInstant, int port) {

    private static final String FILE_NAME = "local-agent.properties";

    /** The state file in the plugin's output directory ({@code target/agentcore}). */
    public static Path fileIn(Path agentCoreDirectory) {
        return agentCoreDirectory.resolve(FILE_NAME);
    }

    static LocalAgentState of(AgentProcess agent) {
        return new LocalAgentState(agent.pid(), agent.startInstant(), agent.port());
    }

    /** The recorded agent, if the file exists and is readable. */
    public static Optional<LocalAgentState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new LocalAgentState(Long.parseLong(properties.getProperty("pid")),
                    Instant.parse(properties.getProperty("startInstant")),
                    Integer.parseInt(properties.getProperty("port"))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("startInstant", startInstant.toString());
        properties.setProperty("port", Integer.toString(port));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "The local agent started by agentcore-maven-plugin");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The recorded process, if it is still alive and is the same process (not a reused PID). */
    Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().startInstant().map(startInstant::equals).orElse(false));
    }

    public boolean isRunning() {
        return liveProcess().isPresent();
    }

    /** Stops the recorded process tree if it still runs; returns whether it did run. */
    boolean stop(Duration grace) {
        Optional<ProcessHandle> process = liveProcess();
        process.ifPresent(handle -> AgentProcess.terminate(handle, grace));
        return process.isPresent();
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
