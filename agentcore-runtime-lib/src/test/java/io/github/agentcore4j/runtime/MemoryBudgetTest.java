package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sixteen legal 90 MB invocations at once against a 1 GB heap, which exits on OutOfMemoryError as the image's JVM
 * does: the in-flight body budget answers some with 503 and Retry-After, and the agent lives on.
 */
class MemoryBudgetTest {

    static final int BODY_BYTES = 90 * 1024 * 1024;

    /** {@code {"text":"xxx…"}} of exactly {@code bytes} bytes. */
    static byte[] body(int bytes) {
        byte[] head = "{\"text\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(head, 0, body, 0, head.length);
        body[bytes - 2] = '"';
        body[bytes - 1] = '}';
        return body;
    }

    @Test
    void sixteenConcurrent90MbBodiesOnA1GbHeapGetAnswersAndTheAgentSurvives() throws Exception {
        byte[] body = body(BODY_BYTES);
        try (AgentProcess agent = new AgentProcess(List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError"), "echo")) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(agent.uri("/invocations"))
                        .timeout(java.time.Duration.ofMinutes(3))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            int answered = 0;
            int busy = 0;
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get(3, TimeUnit.MINUTES);
                if (response.statusCode() == 200) {
                    assertEquals(String.valueOf(BODY_BYTES - 11), response.body());
                    answered++;
                } else {
                    assertEquals(503, response.statusCode(), response.body());
                    assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
                    busy++;
                }
            }
            assertTrue(agent.process.isAlive(), "the agent died:\n" + tail(agent.log()));
            assertTrue(answered >= 1, "answered " + answered + ", busy " + busy);
            assertTrue(busy >= 1, "answered " + answered + ", busy " + busy + ": the budget never refused");
            assertEquals(200, client.send(HttpRequest.newBuilder(agent.uri("/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }
}
