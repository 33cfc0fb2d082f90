package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The library in a real JVM: JSON logs with request fields on stdout, and a graceful stop on SIGTERM. */
class ProcessShutdownTest {

    @Test
    void sigtermLetsTheInvocationInFlightFinishAndLogsCarryRequestFields() throws Exception {
        int port = freePort();
        Path output = Files.createTempFile("agent", ".log");
        Process agent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + AgentCoreApp.PORT_PROPERTY + "=" + port,
                SigtermFixture.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ConcurrencyAndShutdownTest.awaitTrue(() -> lines(output).stream().anyMatch(l -> l.contains("Agent listening")),
                    RunningAgent.TIMEOUT);

            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                    HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/invocations"))
                            .header(RequestContext.SESSION_ID_HEADER, "session-42")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"sleep_ms\":1500}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            ConcurrencyAndShutdownTest.awaitTrue(() -> lines(output).stream().anyMatch(l -> l.contains("\"sleeping\"")),
                    RunningAgent.TIMEOUT);

            agent.destroy(); // SIGTERM

            HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertEquals("\"slept\"", response.body());
            assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "the agent exits after its grace period at most");
            assertEquals(0, agent.exitValue(), "a graceful stop is a clean exit");
            List<String> lines = lines(output);

            Map<String, Object> agentLine = JSON.std.mapFrom(lines.stream()
                    .filter(l -> l.contains("\"sleeping\"")).findFirst().orElseThrow());
            assertEquals("INFO", agentLine.get("level"));
            assertEquals("fixture.agent", agentLine.get("logger"));
            assertEquals("session-42", agentLine.get("sessionId"));
            assertTrue(agentLine.get("requestId") instanceof String);
            assertTrue(agentLine.get("timestamp").toString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            assertTrue(lines.stream().anyMatch(l -> l.contains("Agent stopped")), String.join("\n", lines));
        } finally {
            agent.destroyForcibly();
            agent.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(output);
        }
    }

    private static List<String> lines(Path output) {
        try {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
