package io.github.agentcore4j.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of a fixture project from {@code it/src/test/projects}, with {@code @project.version@} replaced by the
 * version under test, on which tests run real Maven (the same Maven that runs this build) with the same local
 * repository, where the reactor has just installed the library and the plugin.
 */
public final class FixtureProject {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Path directory;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private FixtureProject(Path directory) {
        this.directory = directory;
    }

    /**
     * Copies fixture {@code name} to a fresh directory named after it and {@code scenario} under {@code it.work}.
     */
    public static FixtureProject copy(String name, String scenario) {
        return copy(Paths.get(System.getProperty("it.projects", "src/test/projects")), name, scenario);
    }

    /** Copies the example project {@code examples/<name>}, as a newcomer would use it, like a fixture. */
    public static FixtureProject copyExample(String name, String scenario) {
        return copy(Paths.get(System.getProperty("it.examples", "../examples")), name, scenario);
    }

    private static FixtureProject copy(Path projects, String name, String scenario) {
        Path source = projects.resolve(name);
        Path target = Paths.get(System.getProperty("it.work", "target/it")).resolve(scenario).resolve(name);
        try {
            deleteRecursively(target);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (source.relativize(file).startsWith("target")) {
                        continue; // an example's own build output, if it was built in place
                    }
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else if (file.getFileName().toString().equals("pom.xml")) {
                        String pom = Files.readString(file, StandardCharsets.UTF_8);
                        Files.writeString(copy, pom.replace("@project.version@", versionUnderTest()), StandardCharsets.UTF_8);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy fixture " + name, e);
        }
        return new FixtureProject(target);
    }

    /** A fresh, empty directory named after {@code scenario} under {@code it.work}, e.g. to generate a project in. */
    public static FixtureProject emptyDirectory(String scenario) {
        Path target = Paths.get(System.getProperty("it.work", "target/it")).resolve(scenario);
        try {
            deleteRecursively(target);
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + target, e);
        }
        return new FixtureProject(target);
    }

    /** The project in a subdirectory, e.g. the one archetype:generate made here. */
    public FixtureProject subproject(String name) {
        return new FixtureProject(directory.resolve(name));
    }

    public static String versionUnderTest() {
        return System.getProperty("agentcore4j.version", "0.1.0-SNAPSHOT");
    }

    public Path directory() {
        return directory;
    }

    public Path file(String relative) {
        return directory.resolve(relative);
    }

    /** Sets an environment variable for every later Maven run of this project. */
    public FixtureProject environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs Maven with these arguments and waits for it, at most five minutes. */
    public MavenResult maven(String... arguments) {
        return maven(DEFAULT_TIMEOUT, arguments);
    }

    public MavenResult maven(Duration timeout, String... arguments) {
        Path log = directory.resolve("build-" + System.nanoTime() + ".log");
        Process process = startMaven(log, arguments);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                destroyTree(process);
                throw new AssertionError("Maven did not finish within " + timeout + ": " + String.join(" ", arguments)
                        + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new MavenResult(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
        } catch (InterruptedException e) {
            destroyTree(process);
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while Maven ran", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Maven without waiting, for goals that keep running (run-local); the caller must
     * {@link #destroyTree(Process)} it. Output goes to {@code log}.
     */
    public Process startMaven(Path log, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(mavenExecutable());
        command.add("-B");
        command.add("-e");
        command.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local",
                Paths.get(System.getProperty("user.home"), ".m2", "repository").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /** Stops a process and everything it started (a forked agent JVM, say), waiting a bounded time for each. */
    public static void destroyTree(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private static String mavenExecutable() {
        String home = System.getProperty("maven.home");
        if (home == null || home.isBlank()) {
            return "mvn";
        }
        return Paths.get(home, "bin", "mvn").toString();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** What one Maven run did. */
    public record MavenResult(int exitCode, String log, Path logFile) {

        public MavenResult assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("Maven failed with exit code " + exitCode + ", log " + logFile + ":\n" + log);
            }
            return this;
        }

        public MavenResult assertFailure() {
            if (exitCode == 0) {
                throw new AssertionError("Maven succeeded but was expected to fail, log " + logFile + ":\n" + log);
            }
            return this;
        }
    }
}
