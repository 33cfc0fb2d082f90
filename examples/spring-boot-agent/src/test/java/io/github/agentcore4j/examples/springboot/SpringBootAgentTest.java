package io.github.agentcore4j.examples.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Starts the app on a free port and calls it as AgentCore Runtime would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootAgentTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> invoke(String payload) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersPingAsTheRuntimeExpects() throws Exception {
        String ping = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertTrue(ping.contains("\"status\":\"Healthy\""), ping);
        assertTrue(ping.contains("\"time_of_last_update\":"), ping);
    }

    @Test
    void answersThePrompt() throws Exception {
        assertEquals("{\"response\":\"You said: Hello\"}", invoke("{\"prompt\":\"Hello\"}").body());
    }

    @Test
    void streamsOneEventPerWord() throws Exception {
        HttpResponse<String> response = invoke("{\"prompt\":\"one two\",\"stream\":true}");

        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        assertEquals("data: \"one\"\n\ndata: \"two\"\n\n", response.body());
    }
}
