package io.github.agentcore4j.examples.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.runtime.AgentIdentity;
import io.github.agentcore4j.runtime.AgentMemory;
import io.github.agentcore4j.runtime.AgentServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemoryAgentTest {

    private static final String SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final InMemoryAgentCore agentCore = new InMemoryAgentCore();
    private AgentServer agent;

    @BeforeEach
    void start() {
        agent = MemoryAgent.create(AgentMemory.builder().memoryId("mem-1").client(() -> agentCore).build(),
                AgentIdentity.builder().client(() -> agentCore).build()).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        agent.stop();
    }

    private HttpResponse<String> invoke(String payload, String... headers) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/invocations"))
                .timeout(Duration.ofSeconds(30)).headers(headers).POST(HttpRequest.BodyPublishers.ofString(payload))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void remembersTheSessionsTurns() throws Exception {
        assertEquals("{\"response\":\"You said: I like green tea. This is the start of our conversation.\","
                + "\"sessionId\":\"s-1\",\"turnsRemembered\":0,\"preferences\":[]}",
                invoke("{\"prompt\":\"I like green tea\",\"user\":\"alice\"}", SESSION_HEADER, "s-1").body());
        assertEquals("{\"response\":\"You said: What do I like?. Before that you said: I like green tea.\","
                + "\"sessionId\":\"s-1\",\"turnsRemembered\":2,\"preferences\":[]}",
                invoke("{\"prompt\":\"What do I like?\",\"user\":\"alice\"}", SESSION_HEADER, "s-1").body());
        assertEquals("{\"response\":\"You said: Hi. This is the start of our conversation.\","
                + "\"sessionId\":\"s-2\",\"turnsRemembered\":0,\"preferences\":[]}",
                invoke("{\"prompt\":\"Hi\",\"user\":\"alice\"}", SESSION_HEADER, "s-2").body(),
                "a new session starts afresh");
    }

    @Test
    void recallsTheUsersLongTermPreferencesInANewSession() throws Exception {
        agentCore.addRecord("/users/alice/preferences", "Prefers green tea");
        agentCore.addRecord("/users/bob/preferences", "Prefers coffee");
        assertEquals("{\"response\":\"You said: What should I drink?. This is the start of our conversation. "
                + "I remember that: Prefers green tea.\",\"sessionId\":\"s-3\",\"turnsRemembered\":0,"
                + "\"preferences\":[\"Prefers green tea\"]}",
                invoke("{\"prompt\":\"What should I drink?\",\"user\":\"alice\"}", SESSION_HEADER, "s-3").body());
    }

    @Test
    void fetchesAnApiKeyWithTheWorkloadTokenAndAnswersOnlyItsFingerprint() throws Exception {
        agentCore.addApiKey("weather", "weather-key-123");
        HttpResponse<String> response = invoke("{\"prompt\":\"Weather?\",\"apiKeyProvider\":\"weather\"}",
                SESSION_HEADER, "s-4", "WorkloadAccessToken", "wat-1");
        assertEquals(200, response.statusCode(), response.body());
        // printf weather-key-123 | sha256sum | cut -c1-12
        assertTrue(response.body().endsWith("\"apiKeyFingerprint\":\"b707f6998b3b\"}"), response.body());
        assertFalse(response.body().contains("weather-key-123"));
        assertEquals(List.of("wat-1"), agentCore.workloadTokensSeen);
    }

    @Test
    void asksForAPrompt() throws Exception {
        HttpResponse<String> response = invoke("{}", SESSION_HEADER, "s-5");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("prompt is required"), response.body());
    }
}
