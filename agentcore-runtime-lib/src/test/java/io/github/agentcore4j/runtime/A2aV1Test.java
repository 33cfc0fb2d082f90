package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A2A 1.0 beside 0.3 on one agent: raw JSON-RPC as each version's clients send it, tasks kept between calls. */
class A2aV1Test {

    private static final String V1_MESSAGE = "{\"messageId\":\"m-1\",\"contextId\":\"c-1\",\"role\":\"ROLE_USER\","
            + "\"parts\":[{\"text\":\"%s\"}]}";

    private final CountDownLatch secondChunkMayGo = new CountDownLatch(1);

    private static String v1(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static String sendParams(String text) {
        return "{\"message\":" + String.format(V1_MESSAGE, text) + "}";
    }

    private static HttpResponse<String> post(RunningAgent agent, String body, String version) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(agent.uri("/")).timeout(RunningAgent.TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (version != null) {
            request.header("A2A-Version", version);
        }
        return agent.send(request.build());
    }

    private static Map<?, ?> json(String body) throws Exception {
        return (Map<?, ?>) Json.read(body, Map.class);
    }

    private static Map<?, ?> result(HttpResponse<String> response) throws Exception {
        Map<?, ?> body = json(response.body());
        assertTrue(body.containsKey("result"), response.body());
        return (Map<?, ?>) body.get("result");
    }

    private static int errorCode(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return ((Number) ((Map<?, ?>) json(response.body()).get("error")).get("code")).intValue();
    }

    /** Streams "one ", then waits (bounded) until the test lets it stream "two ". */
    private AgentCoreApp twoChunks() {
        return AgentCoreApp.create().a2aAgent(A2aAgent.named("counter").version("2.0.0")
                .onMessage((A2aStreamingHandler) (message, context, chunks) -> {
                    chunks.send("one ");
                    if (message.text().equals("wait")) {
                        secondChunkMayGo.await(30, TimeUnit.SECONDS);
                    }
                    chunks.send("two ");
                }));
    }

    @Test
    void theCardIsTheOneOfTheVersionTheCallerAsksFor() throws Exception {
        try (RunningAgent agent = new RunningAgent(twoChunks())) {
            String url = "http://127.0.0.1:" + agent.server.port() + "/";
            HttpResponse<String> v1 = agent.send(HttpRequest.newBuilder(agent.uri(A2aEndpoint.CARD_PATH))
                    .header("A2A-Version", "1.0").GET().build());
            assertEquals("A2A-Version", v1.headers().firstValue("Vary").orElseThrow());
            assertEquals("{\"name\":\"counter\",\"description\":\"counter\",\"supportedInterfaces\":["
                    + "{\"url\":\"" + url + "\",\"protocolBinding\":\"JSONRPC\",\"protocolVersion\":\"1.0\"},"
                    + "{\"url\":\"" + url + "\",\"protocolBinding\":\"JSONRPC\",\"protocolVersion\":\"0.3\"}],"
                    + "\"version\":\"2.0.0\",\"capabilities\":{\"streaming\":true,\"pushNotifications\":false},"
                    + "\"defaultInputModes\":[\"text\"],\"defaultOutputModes\":[\"text\"],\"skills\":[{\"id\":\"main\","
                    + "\"name\":\"counter\",\"description\":\"counter\",\"tags\":[]}]}", v1.body());

            String v03 = agent.send(HttpRequest.newBuilder(agent.uri(A2aEndpoint.CARD_PATH)).GET().build()).body();
            assertEquals("0.3.0", json(v03).get("protocolVersion"));
            assertEquals(json(v1.body()).get("supportedInterfaces"), json(v03).get("supportedInterfaces"));
        }
    }

    @Test
    void sendMessageAnswersInTheV1Form() throws Exception {
        try (RunningAgent agent = new RunningAgent(twoChunks())) {
            Map<?, ?> reply = (Map<?, ?>) result(post(agent, v1("SendMessage", sendParams("hi")), "1.0"))
                    .get("message");
            assertEquals("ROLE_AGENT", reply.get("role"));
            assertEquals("c-1", reply.get("contextId"));
            assertEquals(List.of(Map.of("text", "one two ")), reply.get("parts"));
            assertFalse(reply.containsKey("kind"), String.valueOf(reply));
        }
    }

    @Test
    void aStreamedTaskCanBeGotListedAndNotCancelledOnceCompleted() throws Exception {
        try (RunningAgent agent = new RunningAgent(twoChunks())) {
            List<Map<?, ?>> events = events(post(agent, v1("SendStreamingMessage", sendParams("go")), "1.0").body());
            assertEquals(List.of("task", "artifactUpdate", "artifactUpdate", "statusUpdate"),
                    events.stream().map(event -> event.keySet().iterator().next()).toList());
            Map<?, ?> task = (Map<?, ?>) events.get(0).get("task");
            assertEquals("TASK_STATE_WORKING", ((Map<?, ?>) task.get("status")).get("state"));
            Map<?, ?> update = (Map<?, ?>) events.get(1).get("artifactUpdate");
            assertEquals(List.of(Map.of("text", "one ")), ((Map<?, ?>) update.get("artifact")).get("parts"));
            Map<?, ?> last = (Map<?, ?>) events.get(3).get("statusUpdate");
            assertEquals("TASK_STATE_COMPLETED", ((Map<?, ?>) last.get("status")).get("state"));
            assertFalse(last.containsKey("final"), String.valueOf(last));

            String taskId = (String) task.get("id");
            Map<?, ?> got = result(post(agent, v1("GetTask", "{\"id\":\"" + taskId + "\",\"historyLength\":0}"),
                    "1.0"));
            assertEquals("TASK_STATE_COMPLETED", ((Map<?, ?>) got.get("status")).get("state"));
            assertEquals(List.of(), got.get("history"));
            assertEquals(List.of(Map.of("text", "one "), Map.of("text", "two ")),
                    ((Map<?, ?>) ((List<?>) got.get("artifacts")).get(0)).get("parts"));

            // The same task through the 0.3 methods, in 0.3's form.
            Map<?, ?> legacy = result(post(agent, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tasks/get\","
                    + "\"params\":{\"id\":\"" + taskId + "\"}}", null));
            assertEquals("completed", ((Map<?, ?>) legacy.get("status")).get("state"));
            assertEquals("user", ((Map<?, ?>) ((List<?>) legacy.get("history")).get(0)).get("role"));

            assertEquals(A2aEndpoint.TASK_NOT_CANCELABLE,
                    errorCode(post(agent, v1("CancelTask", "{\"id\":\"" + taskId + "\"}"), "1.0")));
            assertEquals(A2aEndpoint.UNSUPPORTED_OPERATION,
                    errorCode(post(agent, v1("SubscribeToTask", "{\"id\":\"" + taskId + "\"}"), "1.0")));
            List<?> listed = (List<?>) result(post(agent, v1("ListTasks", "{\"contextId\":\"c-1\"}"), "1.0"))
                    .get("tasks");
            assertEquals(taskId, ((Map<?, ?>) listed.get(0)).get("id"));
            assertEquals(List.of(), result(post(agent, v1("ListTasks", "{\"contextId\":\"other\"}"), "1.0"))
                    .get("tasks"));
        }
    }

    @Test
    void aRunningTaskCanBeFollowedAndCancelled() throws Exception {
        try (RunningAgent agent = new RunningAgent(twoChunks())) {
            CompletableFuture<HttpResponse<String>> stream = CompletableFuture.supplyAsync(() -> {
                try {
                    return post(agent, v1("SendStreamingMessage", sendParams("wait")), "1.0");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String taskId = awaitRunningTask(agent);
            // Returns once the follower is subscribed: its stream starts with the task's snapshot.
            HttpResponse<java.io.InputStream> follower = agent.client.send(HttpRequest.newBuilder(agent.uri("/"))
                    .timeout(RunningAgent.TIMEOUT).POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\","
                            + "\"id\":\"r\",\"method\":\"tasks/resubscribe\",\"params\":{\"id\":\"" + taskId + "\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            Map<?, ?> cancelled = result(post(agent, v1("CancelTask", "{\"id\":\"" + taskId + "\"}"), "1.0"));
            assertEquals("TASK_STATE_CANCELED", ((Map<?, ?>) cancelled.get("status")).get("state"));
            secondChunkMayGo.countDown();

            List<Map<?, ?>> events = events(stream.get(30, TimeUnit.SECONDS).body());
            Map<?, ?> last = (Map<?, ?>) events.get(events.size() - 1).get("statusUpdate");
            assertEquals("TASK_STATE_CANCELED", ((Map<?, ?>) last.get("status")).get("state"));
            assertEquals(3, events.size(), "task, the first chunk, the cancellation: " + events);

            String followed;
            try (java.io.InputStream body = follower.body()) {
                followed = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertTrue(followed.contains("\"state\":\"canceled\""), followed);
            assertTrue(followed.startsWith("data: {\"jsonrpc\":\"2.0\",\"id\":\"r\",\"result\":{\"kind\":\"task\""),
                    followed);
        }
    }

    @Test
    void aSendThatDoesNotWaitAnswersWithTheWorkingTaskWhichRunsOn() throws Exception {
        AgentCoreApp app = twoChunks();
        try (RunningAgent agent = new RunningAgent(app)) {
            Map<?, ?> task = (Map<?, ?>) result(post(agent, v1("SendMessage", "{\"message\":"
                    + String.format(V1_MESSAGE, "wait") + ",\"configuration\":{\"returnImmediately\":true}}"), "1.0"))
                    .get("task");
            assertEquals("TASK_STATE_WORKING", ((Map<?, ?>) task.get("status")).get("state"));
            assertEquals(PingStatus.HEALTHY_BUSY, app.pingStatus());
            secondChunkMayGo.countDown();

            String state = null;
            for (int attempt = 0; attempt < 300 && !"completed".equals(state); attempt++) {
                Thread.sleep(20);
                Map<?, ?> got = result(post(agent, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tasks/get\","
                        + "\"params\":{\"id\":\"" + task.get("id") + "\"}}", null));
                state = (String) ((Map<?, ?>) got.get("status")).get("state");
            }
            assertEquals("completed", state);
            // The tracked work ends just after the task's last record.
            for (int attempt = 0; attempt < 100 && app.pingStatus() != PingStatus.HEALTHY; attempt++) {
                Thread.sleep(20);
            }
            assertEquals(PingStatus.HEALTHY, app.pingStatus());
        }
    }

    /** The id of the task the agent is running, once its first chunk is recorded. */
    private static String awaitRunningTask(RunningAgent agent) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            List<?> tasks = (List<?>) result(post(agent, v1("ListTasks", "{\"status\":\"TASK_STATE_WORKING\"}"),
                    "1.0")).get("tasks");
            if (!tasks.isEmpty() && ((Map<?, ?>) tasks.get(0)).containsKey("artifacts")) {
                return (String) ((Map<?, ?>) tasks.get(0)).get("id");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No task started within 6 s");
    }

    @Test
    void jsonRpcRulesHoldForBothVersions() throws Exception {
        try (RunningAgent agent = new RunningAgent(twoChunks())) {
            HttpResponse<String> notification = post(agent,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"SendMessage\",\"params\":" + sendParams("x") + "}", "1.0");
            assertEquals(204, notification.statusCode());
            assertEquals("", notification.body());

            assertEquals(A2aEndpoint.INVALID_PARAMS, errorCode(post(agent,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"SendMessage\"}", "1.0")));
            assertEquals(A2aEndpoint.INVALID_PARAMS, errorCode(post(agent,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"GetTask\",\"params\":{}}", "1.0")));
            HttpResponse<String> objectId = post(agent,
                    "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"GetTask\",\"params\":{}}", "1.0");
            assertEquals(A2aEndpoint.INVALID_REQUEST, errorCode(objectId));
            assertEquals(null, json(objectId.body()).get("id"));
            assertEquals(A2aEndpoint.VERSION_NOT_SUPPORTED,
                    errorCode(post(agent, v1("SendMessage", sendParams("x")), "2.0")));

            Map<?, ?> numbered = json(post(agent, v1("SendMessage", sendParams("x")), "1.0").body());
            assertEquals(1, ((Number) numbered.get("id")).intValue());
            Map<?, ?> named = json(post(agent, "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"message/send\","
                    + "\"params\":{\"message\":{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"x\"}]}}}",
                    "0.3").body());
            assertEquals("abc", named.get("id"));
            assertEquals("message", ((Map<?, ?>) named.get("result")).get("kind"));
        }
    }

    /** The {@code result} of each {@code data:} event. */
    private static List<Map<?, ?>> events(String stream) throws Exception {
        List<Map<?, ?>> results = new ArrayList<>();
        for (String event : stream.split("\n\n")) {
            assertTrue(event.startsWith("data: "), event);
            results.add((Map<?, ?>) json(event.substring("data: ".length())).get("result"));
        }
        return results;
    }
}
