package io.github.agentcore4j.it.container;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the external tools the container tests drive (podman, mmdebstrap, skopeo) with a bounded wait. */
final class Commands {

    private Commands() {
    }

    /** The absolute path of {@code name} on the PATH, if it is there. */
    static Optional<String> find(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath().toString());
                }
            }
        }
        return Optional.empty();
    }

    /** Runs the command and returns its output (stdout and stderr), failing the test if it fails or hangs. */
    static String run(Duration timeout, List<String> command) {
        Result result = attempt(timeout, command);
        if (result.exitCode() != 0) {
            fail(String.join(" ", command) + " failed with " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    /** Runs the command and returns its exit code and output, failing the test only if it hangs. */
    static Result attempt(Duration timeout, List<String> command) {
        try {
            Path output = Files.createTempFile("agentcore-it-command", ".txt");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    fail(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + command, e);
        }
    }

    record Result(int exitCode, String output) {
    }
}
