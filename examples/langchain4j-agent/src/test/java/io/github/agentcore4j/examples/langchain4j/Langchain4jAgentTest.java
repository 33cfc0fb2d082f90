package io.github.agentcore4j.examples.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.agentcore4j.runtime.AgentServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent against a local HTTP server that answers like an OpenAI-compatible model (no model is reachable from
 * the tests): the first completion asks for the {@code add} tool, the second answers with its result.
 */
class Langchain4jAgentTest {

    private static final String TOOL_CALL = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
               "tool_calls":[{"id":"call_1","type":"function",
                 "function":{"name":"add","arguments":"{\\"a\\":2,\\"b\\":3}"}}]}}],
             "usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25}}""";
    private static final String FINAL_ANSWER = """
            {"id":"chatcmpl-2","object":"chat.completion","created":2,"model":"gpt-4o-mini",
             "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"2 + 3 = 5"}}],
             "usage":{"prompt_tokens":30,"completion_tokens":5,"total_tokens":35}}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> modelRequests = new CopyOnWriteArrayList<>();
    private HttpServer model;
    private AgentServer agent;

    @BeforeEach
    void start() throws IOException {
        model = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        model.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            modelRequests.add(request);
            byte[] body = (toolResult(request) != null ? FINAL_ANSWER : TOOL_CALL).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        model.start();
        String baseUrl = "http://127.0.0.1:" + model.getAddress().getPort() + "/v1";
        agent = Langchain4jAgent.create(Langchain4jAgent.modelFrom(Map.of("OPENAI_BASE_URL", baseUrl,
                "OPENAI_API_KEY", "test-key"))).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        agent.stop();
        model.stop(0);
    }

    @Test
    void callsTheToolTheModelAsksForAndAnswersWithTheResult() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/invocations"))
                        .header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "session-0123456789-0123456789-0123")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"What is 2 + 3?\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"response\":\"2 + 3 = 5\"}", response.body());
        assertEquals(2, modelRequests.size(), modelRequests.toString());
        JsonNode first = modelRequests.get(0);
        assertEquals("add", first.at("/tools/0/function/name").asText(), "the tool is offered: " + first);
        assertEquals("Adds two integers", first.at("/tools/0/function/description").asText(), first.toString());
        assertTrue(first.at("/tools/0/function/parameters/properties").has("a"), "named parameters: " + first);
        assertTrue(first.toString().contains("What is 2 + 3?"), first.toString());
        assertEquals("5", toolResult(modelRequests.get(1)), "the tool's result goes back to the model");
    }

    /** The content of the request's tool message, or {@code null} when it has none. */
    private static String toolResult(JsonNode request) {
        for (JsonNode message : request.get("messages")) {
            if ("tool".equals(message.path("role").asText())) {
                return message.path("content").asText();
            }
        }
        return null;
    }
}
