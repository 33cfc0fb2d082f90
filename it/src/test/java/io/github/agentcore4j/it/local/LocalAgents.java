package io.github.agentcore4j.it.local;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.agentcore4j.it.support.FixtureProject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the local-development ITs check about agents the plugin runs: logs, records, processes, ports. */
public final class LocalAgents {

    static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\": \"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalAgents() {
    }

    /** Waits until a running Maven has logged {@code text}, failing with the log if Maven exits first. */
    public static void awaitLog(Path log, String text, Process maven) throws InterruptedException {
        await("Maven logs: " + text, () -> {
            if (read(log).contains(text)) {
                return true;
            }
            if (!maven.isAlive()) {
                fail("Maven exited with code " + maven.exitValue() + " before logging '" + text + "':\n" + read(log));
            }
            return false;
        });
    }

    /** Polls the condition until it holds, failing after {@link #DEADLINE}. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Timed out after " + DEADLINE + " waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The PID the plugin recorded in {@code target/agentcore/local-agent.properties}. */
    static long recordedPid(FixtureProject project) {
        Properties record = new Properties();
        try (Reader reader = Files.newBufferedReader(project.file("target/agentcore/local-agent.properties"))) {
            record.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Long.parseLong(record.getProperty("pid"));
    }

    /** Waits until no process runs from the project's directory (a forked agent has its classes on its command line). */
    public static void assertNoProcessFrom(FixtureProject project) throws InterruptedException {
        String directory = project.directory().toAbsolutePath().toString();
        await("no process runs from " + directory, () -> processesFrom(directory).isEmpty());
    }

    static void assertExits(long pid) throws InterruptedException {
        await("process " + pid + " exits", () -> ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true));
    }

    public static void assertPortFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(socket.isBound());
        } catch (IOException e) {
            fail("Port " + port + " is still in use: " + e.getMessage());
        }
    }

    /** The session id an echo answer carries. */
    public static String sessionIdIn(String text) {
        Matcher matcher = SESSION_ID.matcher(text);
        assertTrue(matcher.find(), "no sessionId in:\n" + text);
        return matcher.group(1);
    }

    /** Posts a prompt straight to the local agent and returns the body, or null while it does not answer. */
    public static String postPrompt(int port, String prompt) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"" + prompt + "\"}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException restarting) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ProcessHandle> processesFrom(String directory) {
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(directory)).orElse(false))
                .toList();
    }
}
