package io.github.agentcore4j.maven.core.container;

import io.github.agentcore4j.maven.core.local.AgentStartException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local container engine's command-line client, Podman or Docker, that answers: a {@code docker} binary whose
 * daemon is not running does not count. Podman needs no daemon.
 *
 * @param executable the client, e.g. {@code /usr/bin/podman}
 */
public record ContainerEngine(Path executable) {

    /** The clients looked for on the PATH when none is configured, in this order. */
    static final List<String> CLIENTS = List.of("docker", "podman");

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REMOVE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The configured engine, or the first of docker and podman on the PATH that answers.
     *
     * @param configured {@code agentcore.containerEngine}: a command name or path, or {@code null}
     * @param searchPath the {@code PATH} to look in
     * @throws AgentStartException naming every engine tried, why it does not answer, and the fix
     */
    public static ContainerEngine find(String configured, String searchPath) throws InterruptedException {
        List<String> names = configured == null || configured.isBlank() ? CLIENTS : List.of(configured.trim());
        List<String> tried = new ArrayList<>();
        for (String name : names) {
            Optional<Path> executable = locate(name, searchPath);
            if (executable.isEmpty()) {
                tried.add(name + ": not found" + (name.contains("/") ? "" : " on the PATH"));
                continue;
            }
            ContainerEngine engine = new ContainerEngine(executable.get());
            Optional<String> silence = engine.whyNotAnswering();
            if (silence.isEmpty()) {
                return engine;
            }
            tried.add(executable.get() + ": " + silence.get());
        }
        throw new AgentStartException("No container engine answers (" + String.join("; ", tried) + "). Fix: install "
                + "Podman, which needs no daemon (Debian/Ubuntu: apt-get install podman), or start Docker; or point "
                + "-Dagentcore.containerEngine at the engine's command.");
    }

    /** The client's name, {@code podman} or {@code docker}, for messages. */
    public String name() {
        return executable.getFileName().toString();
    }

    /** The engine's command line with these arguments. */
    public List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Removes a container, running or not, and waits for that; an unknown name is no error. Uses JDK classes only,
     * because shutdown hooks call it.
     */
    public void remove(String container) {
        try {
            Process remove = new ProcessBuilder(command("rm", "-f", container))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!remove.waitFor(REMOVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                remove.destroyForcibly();
            }
        } catch (IOException e) {
            // The engine is gone; so is what it ran.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the engine for its version, which needs the daemon for Docker; empty when it answers. */
    private Optional<String> whyNotAnswering() throws InterruptedException {
        Path output;
        try {
            output = Files.createTempFile("agentcore-engine", ".txt");
        } catch (IOException e) {
            return Optional.of("cannot ask it: " + e.getMessage());
        }
        try {
            Process version = new ProcessBuilder(command("version"))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!version.waitFor(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                version.destroyForcibly();
                return Optional.of("`" + name() + " version` did not answer within " + ANSWER_TIMEOUT.toSeconds()
                        + " s");
            }
            if (version.exitValue() == 0) {
                return Optional.empty();
            }
            String said = Files.readString(output, StandardCharsets.UTF_8).strip();
            return Optional.of("`" + name() + " version` failed: " + lastLine(said));
        } catch (IOException e) {
            return Optional.of("cannot run it: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                // a temporary file in the system's temp directory
            }
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\\R");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "(no output)" : lines[lines.length - 1];
    }

    private static Optional<Path> locate(String name, String searchPath) {
        if (name.contains("/") || name.contains(File.separator)) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
