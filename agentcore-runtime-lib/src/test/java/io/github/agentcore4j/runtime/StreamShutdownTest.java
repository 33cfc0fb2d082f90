package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** SIGTERM to a real JVM with open event streams: each ends with an error event and a clean end, within the grace. */
class StreamShutdownTest {

    @Test
    void sigtermEndsOpenStreamsWithAnErrorEventAndACleanEnd() throws Exception {
        try (AgentProcess agent = new AgentProcess(List.of("-Dfixture.grace=3000"), "stream")) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                streams.add(client.sendAsync(HttpRequest.newBuilder(agent.uri("/invocations"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofLines()));
            }
            List<HttpResponse<Stream<String>>> open = new ArrayList<>();
            for (CompletableFuture<HttpResponse<Stream<String>>> stream : streams) {
                open.add(stream.get(30, TimeUnit.SECONDS));
            }
            long signalled = System.nanoTime();
            agent.process.destroy(); // SIGTERM
            for (HttpResponse<Stream<String>> response : open) {
                assertEquals(200, response.statusCode());
                // A cut connection fails the read here; a clean end of the chunked body ends the stream.
                List<String> events = response.body().filter(line -> line.startsWith("data: ")).toList();
                String last = events.get(events.size() - 1);
                assertTrue(last.contains("\"error_type\":\"AgentStopping\""), last);
            }
            assertTrue(agent.process.waitFor(30, TimeUnit.SECONDS));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            assertTrue(tookMillis < 3000 + 2000, "stopped in " + tookMillis + " ms");
            assertEquals(0, agent.process.exitValue(), agent.log());
        }
    }
}
