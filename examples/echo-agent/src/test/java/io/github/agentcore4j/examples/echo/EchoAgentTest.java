package io.github.agentcore4j.examples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.runtime.AgentServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EchoAgentTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AgentServer agent;

    @BeforeEach
    void start() {
        agent = EchoAgent.create().host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        agent.stop();
    }

    private HttpResponse<String> invoke(String payload, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/invocations"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(payload));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String ping() throws Exception {
        return client.send(HttpRequest.newBuilder(uri("/ping")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + agent.port() + path);
    }

    @Test
    void echoesThePromptWithTheSessionId() throws Exception {
        assertEquals("{\"response\":\"echo: hi\",\"sessionId\":null}", invoke("{\"prompt\":\"hi\"}").body());
        assertEquals("{\"response\":\"echo: hi\",\"sessionId\":\"s-1\"}", invoke("{\"prompt\":\"hi\"}",
                "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "s-1").body());
    }

    @Test
    void streamsOneEventPerWord() throws Exception {
        HttpResponse<String> response = invoke("{\"prompt\":\"a b  c\",\"stream\":true}");
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        assertEquals("data: \"a\"\n\ndata: \"b\"\n\ndata: \"c\"\n\n", response.body());
    }

    @Test
    void failsOnRequest() throws Exception {
        HttpResponse<String> response = invoke("{\"fail\":\"boom\"}");
        assertEquals(500, response.statusCode());
        assertEquals("{\"error\":\"boom\"}", response.body());
    }

    @Test
    void sleepsThenAnswers() throws Exception {
        assertEquals("{\"response\":\"echo: late\",\"sessionId\":null}",
                invoke("{\"prompt\":\"late\",\"sleep_ms\":20}").body());
    }

    @Test
    void staysBusyWhileItsBackgroundTaskRuns() throws Exception {
        assertEquals("{\"started\":\"background\",\"ms\":60000}", invoke("{\"background_ms\":60000}").body());
        assertTrue(ping().contains("\"HealthyBusy\""), ping());
    }

    @Test
    void returnsTheContextItSaw() throws Exception {
        String seen = invoke("{\"context\":true}", "X-Amzn-Bedrock-AgentCore-Runtime-Request-Id", "r-9",
                "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Team", "blue").body();
        assertTrue(seen.contains("\"requestId\":\"r-9\""), seen);
        assertTrue(seen.contains("\"x-amzn-bedrock-agentcore-runtime-custom-team\":\"blue\""), seen);
    }
}
