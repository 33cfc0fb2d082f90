package io.github.agentcore4j.examples.a2a;

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

/** JSON-RPC as an A2A client sends it through AgentCore. */
class TextAnalystAgentTest {

    private static final String TEXT = "The cat sat. The cat ran! A dog watched the cat.";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AgentServer agent;

    @BeforeEach
    void start() {
        agent = TextAnalystAgent.create().host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        agent.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> rpc(String method, String text) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":\"req-1\",\"method\":\"" + method + "\",\"params\":{\"message\":"
                + "{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"" + text + "\"}],\"messageId\":\"m-1\"}}}";
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/"))
                .header("Content-Type", "application/json")
                .header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "a2a-session-0001")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void publishesItsCard() throws Exception {
        String card = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port()
                + "/.well-known/agent-card.json"))).body();
        assertTrue(card.contains("\"name\":\"text-analyst\""), card);
        assertTrue(card.contains("\"url\":\"http://127.0.0.1:" + agent.port() + "/\""), card);
        assertTrue(card.contains("\"skills\":[{\"id\":\"analyze\""), card);
    }

    @Test
    void messageSendAnswersWithTheWholeAnalysis() throws Exception {
        String reply = rpc("message/send", TEXT).body();
        assertTrue(reply.contains("\"parts\":[{\"kind\":\"text\",\"text\":\"11 words, 3 sentences. "
                + "Most frequent: cat (3), the (3), a (1).\"},{\"kind\":\"data\",\"data\":{"), reply);
        assertTrue(reply.contains("\"words\":11") && reply.contains("\"sentences\":3"), reply);
    }

    @Test
    void messageStreamSendsEachFindingAsItComes() throws Exception {
        HttpResponse<String> response = rpc("message/stream", TEXT);
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        String[] events = response.body().split("\n\n");
        assertEquals(5, events.length, response.body());
        assertTrue(events[0].contains("\"kind\":\"task\""), events[0]);
        assertTrue(events[1].contains("\"text\":\"11 words, 3 sentences. \""), events[1]);
        assertTrue(events[2].contains("\"text\":\"Most frequent: cat (3), the (3), a (1).\""), events[2]);
        assertTrue(events[3].contains("\"kind\":\"data\""), events[3]);
        assertTrue(events[4].contains("\"state\":\"completed\"") && events[4].contains("\"final\":true"), events[4]);
    }

    @Test
    void anEmptyMessageGetsAHint() throws Exception {
        assertTrue(rpc("message/send", " ").body().contains("Send me some text to analyse."));
    }
}
