package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Raw JSON-RPC 2.0 against an A2A agent, as an A2A client sends it. */
class A2aAgentTest {

    private static final String MESSAGE = "{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"%s\"}],"
            + "\"messageId\":\"m-1\",\"contextId\":\"c-1\"}";

    private static String request(String method, String text) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"req-1\",\"method\":\"" + method + "\",\"params\":{\"message\":"
                + String.format(MESSAGE, text) + "}}";
    }

    private static HttpResponse<String> post(RunningAgent agent, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(agent.uri("/")).timeout(RunningAgent.TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return agent.send(request.build());
    }

    private static AgentCoreApp replying() {
        return AgentCoreApp.create().a2aAgent(A2aAgent.named("greeter").description("Greets").version("1.2.3")
                .skill("greet", "Greeting", "Answers with a greeting", "hello")
                .onMessage((message, context) -> {
                    if (message.text().equals("fail")) {
                        throw new IllegalStateException("cannot greet");
                    }
                    if (message.text().equals("data")) {
                        return Map.of("session", String.valueOf(context.sessionId()));
                    }
                    return "Hello, " + message.text();
                }));
    }

    private static AgentCoreApp streaming() {
        return AgentCoreApp.create().a2aAgent(A2aAgent.named("counter")
                .onMessage((A2aStreamingHandler) (message, context, chunks) -> {
                    for (String word : message.text().split(" ")) {
                        if (word.equals("fail")) {
                            throw new IllegalStateException("cannot count " + word);
                        }
                        chunks.send(word + " ");
                    }
                }));
    }

    @Test
    void servesItsCardWithTheLocalUrl() throws Exception {
        try (RunningAgent agent = new RunningAgent(replying())) {
            HttpResponse<String> card = agent.send(HttpRequest.newBuilder(agent.uri("/.well-known/agent-card.json"))
                    .GET().build());
            assertEquals(200, card.statusCode());
            assertEquals("{\"protocolVersion\":\"0.3.0\",\"name\":\"greeter\",\"description\":\"Greets\","
                    + "\"url\":\"http://127.0.0.1:" + agent.server.port() + "/\",\"version\":\"1.2.3\","
                    + "\"preferredTransport\":\"JSONRPC\",\"capabilities\":{\"streaming\":true},"
                    + "\"defaultInputModes\":[\"text\"],\"defaultOutputModes\":[\"text\"],\"skills\":[{\"id\":\"greet\","
                    + "\"name\":\"Greeting\",\"description\":\"Answers with a greeting\",\"tags\":[\"hello\"]}],"
                    + "\"supportedInterfaces\":[{\"url\":\"http://127.0.0.1:" + agent.server.port() + "/\","
                    + "\"protocolBinding\":\"JSONRPC\",\"protocolVersion\":\"1.0\"},{\"url\":\"http://127.0.0.1:"
                    + agent.server.port() + "/\",\"protocolBinding\":\"JSONRPC\",\"protocolVersion\":\"0.3\"}]}",
                    card.body());
            assertEquals(200, agent.ping().statusCode());
        }
    }

    @Test
    void theCardNamesACustomInvocationPath() throws Exception {
        A2aEndpoint endpoint = new A2aEndpoint(A2aAgent.named("agent").onMessage((message, context) -> "hi"),
                name -> null);
        endpoint.listeningOn("127.0.0.1", 9100, "/a2a/agent");
        Map<?, ?> card = (Map<?, ?>) Json.read(new String(endpoint.card(), java.nio.charset.StandardCharsets.UTF_8),
                Map.class);
        assertEquals("http://127.0.0.1:9100/a2a/agent", card.get("url"));
    }

    @Test
    void theCardFollowsTheRuntimeUrlAndListsSkillMainByDefault() throws Exception {
        A2aEndpoint endpoint = new A2aEndpoint(A2aAgent.named("agent").onMessage((message, context) -> "hi"),
                name -> name.equals("AGENTCORE_RUNTIME_URL")
                        ? "https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aabc/invocations" : null);
        endpoint.listeningOn("0.0.0.0", 9000, "/");
        Map<?, ?> card = (Map<?, ?>) Json.read(new String(endpoint.card(), java.nio.charset.StandardCharsets.UTF_8),
                Map.class);
        assertEquals("https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aabc/invocations/",
                card.get("url"));
        assertEquals("main", ((Map<?, ?>) ((List<?>) card.get("skills")).get(0)).get("id"));
    }

    @Test
    void anAgentWithoutAHandlerIsRefusedAtStart() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> AgentCoreApp.create().a2aAgent(A2aAgent.named("mute")).host("127.0.0.1").port(0).start());
        assertTrue(error.getMessage().contains("onMessage"), error.getMessage());
    }

    @Test
    void messageSendAnswersWithTheAgentsMessage() throws Exception {
        try (RunningAgent agent = new RunningAgent(replying())) {
            HttpResponse<String> response = post(agent, request("message/send", "Ada"));
            assertEquals(200, response.statusCode());
            Map<?, ?> body = (Map<?, ?>) Json.read(response.body(), Map.class);
            assertEquals("2.0", body.get("jsonrpc"));
            assertEquals("req-1", body.get("id"));
            Map<?, ?> result = (Map<?, ?>) body.get("result");
            assertEquals("message", result.get("kind"));
            assertEquals("agent", result.get("role"));
            assertEquals("c-1", result.get("contextId"));
            assertEquals(List.of(Map.of("kind", "text", "text", "Hello, Ada")), result.get("parts"));

            String data = post(agent, request("message/send", "data"), RequestContext.SESSION_ID_HEADER, "s-7").body();
            assertTrue(data.contains("\"parts\":[{\"kind\":\"data\",\"data\":{\"session\":\"s-7\"}}]"), data);
        }
    }

    @Test
    void messageStreamStreamsTaskArtifactChunksAndCompletion() throws Exception {
        try (RunningAgent agent = new RunningAgent(streaming())) {
            HttpResponse<String> response = post(agent, request("message/stream", "one two"));
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
            List<Map<?, ?>> results = events(response.body());
            assertEquals(List.of("task", "artifact-update", "artifact-update", "status-update"),
                    results.stream().map(result -> result.get("kind")).toList());
            assertEquals("working", ((Map<?, ?>) results.get(0).get("status")).get("state"));
            assertEquals(List.of(Map.of("kind", "text", "text", "one ")),
                    ((Map<?, ?>) results.get(1).get("artifact")).get("parts"));
            assertEquals(false, results.get(1).get("append"));
            assertEquals(true, results.get(2).get("append"));
            assertEquals("completed", ((Map<?, ?>) results.get(3).get("status")).get("state"));
            assertEquals(true, results.get(3).get("final"));
            assertEquals(results.get(0).get("id"), results.get(3).get("taskId"));

            String joined = post(agent, request("message/send", "one two")).body();
            assertTrue(joined.contains("\"parts\":[{\"kind\":\"text\",\"text\":\"one two \"}]"), joined);
        }
    }

    @Test
    void aStreamThatFailsEndsWithAFailedStatus() throws Exception {
        try (RunningAgent agent = new RunningAgent(streaming())) {
            List<Map<?, ?>> results = events(post(agent, request("message/stream", "one fail")).body());
            Map<?, ?> last = results.get(results.size() - 1);
            assertEquals("failed", ((Map<?, ?>) last.get("status")).get("state"));
            assertTrue(String.valueOf(last).contains("cannot count fail"), String.valueOf(last));
        }
    }

    @Test
    void messageStreamOfAOneReplyAgentIsOneMessage() throws Exception {
        try (RunningAgent agent = new RunningAgent(replying())) {
            List<Map<?, ?>> results = events(post(agent, request("message/stream", "Bo")).body());
            assertEquals(1, results.size());
            assertEquals(List.of(Map.of("kind", "text", "text", "Hello, Bo")), results.get(0).get("parts"));
        }
    }

    @Test
    void errorsAreJsonRpcErrorsWithStatus200() throws Exception {
        try (RunningAgent agent = new RunningAgent(replying())) {
            assertError(post(agent, "{not json"), -32700, null);
            assertError(post(agent, "[1]"), -32600, null);
            assertError(post(agent, "{\"id\":5,\"method\":\"message/send\"}"), -32600, 5);
            assertError(post(agent, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"no/such\"}"), -32601, 6);
            assertError(post(agent, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"message/send\",\"params\":{}}"),
                    -32602, 7);
            assertError(post(agent, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tasks/get\",\"params\":{\"id\":\"t\"}}"),
                    -32001, 8);
            HttpResponse<String> failed = post(agent, request("message/send", "fail"));
            assertError(failed, -32603, "req-1");
            assertTrue(failed.body().contains("cannot greet"), failed.body());
            assertEquals(405, agent.send(HttpRequest.newBuilder(agent.uri("/")).GET().build()).statusCode());
        }
    }

    private static void assertError(HttpResponse<String> response, int code, Object id) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> body = (Map<?, ?>) Json.read(response.body(), Map.class);
        assertEquals(code, ((Number) ((Map<?, ?>) body.get("error")).get("code")).intValue(), response.body());
        Object actualId = body.get("id");
        assertEquals(id, actualId instanceof Number number ? (Object) number.intValue() : actualId);
    }

    /** The {@code result} of each {@code data:} event, each of which must be a JSON-RPC response to req-1. */
    private static List<Map<?, ?>> events(String stream) throws Exception {
        List<Map<?, ?>> results = new java.util.ArrayList<>();
        for (String event : stream.split("\n\n")) {
            assertTrue(event.startsWith("data: "), event);
            Map<?, ?> response = (Map<?, ?>) Json.read(event.substring("data: ".length()), Map.class);
            assertEquals("req-1", response.get("id"));
            results.add((Map<?, ?>) response.get("result"));
        }
        return results;
    }
}
