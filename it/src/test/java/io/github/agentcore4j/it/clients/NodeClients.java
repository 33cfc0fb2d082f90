package io.github.agentcore4j.it.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Node project in {@code src/test/node}: official protocol clients, pinned by its committed
 * {@code package-lock.json}, installed once with {@code npm ci} into {@code target/node-clients} (kept while the lock
 * is unchanged) and run with {@code node}.
 */
final class NodeClients {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    private final Path directory;
    private final String node;

    private NodeClients(Path directory, String node) {
        this.directory = directory;
        this.node = node;
    }

    /** The {@code node} executable on the PATH, if any. */
    static Optional<String> node() {
        return onPath("node");
    }

    /** Copies the project to {@code target/node-clients} and runs {@code npm ci} there unless its lock is unchanged. */
    static NodeClients install(String node) throws IOException, InterruptedException {
        Path testSources = Path.of(System.getProperty("it.projects")).getParent();
        Path source = testSources.resolve("node");
        Path target = Path.of(System.getProperty("it.work")).getParent().resolve("node-clients");
        Files.createDirectories(target);
        Path lock = target.resolve("package-lock.json");
        boolean lockUnchanged = Files.exists(lock) && Files.exists(target.resolve("node_modules"))
                && Arrays.equals(Files.readAllBytes(lock), Files.readAllBytes(source.resolve("package-lock.json")));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        NodeClients clients = new NodeClients(target, node);
        if (!lockUnchanged) {
            String npm = onPath("npm").orElseThrow(() -> new AssertionError(
                    "node is installed but npm is not; install npm (the Debian package npm)"));
            String output = clients.run(INSTALL_TIMEOUT, npm, "ci", "--no-audit", "--no-fund");
            assertTrue(Files.exists(target.resolve("node_modules")), "npm ci installed nothing:\n" + output);
        }
        return clients;
    }

    /** Runs {@code node script args…}, returning its output; fails with the output unless it exits with 0. */
    String script(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(node, script));
        command.addAll(List.of(args));
        return run(RUN_TIMEOUT, command.toArray(String[]::new));
    }

    private String run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(directory, "run-", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(exited, String.join(" ", command) + " ran longer than " + timeout + ":\n" + output);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    private static Optional<String> onPath(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                Path candidate = Path.of(entry.isEmpty() ? "." : entry, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath().toString());
                }
            }
        }
        return Optional.empty();
    }
}
