package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The AgentCore HTTP contract, spoken over real sockets to a real server. */
class ContractTest {

    record Question(String prompt, int times) {
    }

    /** Components out of alphabetical order: the JSON keeps this order. */
    record Answer(String response, String sessionId, String model) {

        Answer(String response, String sessionId) {
            this(response, sessionId, "echo-1");
        }
    }

    @Test
    void answersJsonAndBindsRecordsAndTheSessionId() throws Exception {
        AgentCoreApp app = AgentCoreApp.create()
                .entrypoint(Question.class, (question, context) -> new Answer(
                        question.prompt().repeat(question.times()), context.sessionId()));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> response = agent.send(agent.invocation("{\"prompt\":\"ab\",\"times\":2,\"extra\":true}")
                    .header(RequestContext.SESSION_ID_HEADER, "session-1").build());

            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("{\"response\":\"abab\",\"sessionId\":\"session-1\",\"model\":\"echo-1\"}", response.body());
        }
    }

    @Test
    void serialisesStringsNullsAndNonAsciiAsJson() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> payload.get("value"));
        try (RunningAgent agent = new RunningAgent(app)) {
            assertEquals("\"héllo \\\"x\\\"\"", agent.invoke("{\"value\":\"héllo \\\"x\\\"\"}").body());
            assertEquals("null", agent.invoke("{}").body());
            assertEquals("[1,2.5,{\"k\":null}]", agent.invoke("{\"value\":[1,2.5,{\"k\":null}]}").body());
        }
    }

    @Test
    void awaitsCompletionStages() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(String.class,
                text -> java.util.concurrent.CompletableFuture.supplyAsync(() -> Map.of("length", text.length())));
        try (RunningAgent agent = new RunningAgent(app)) {
            assertEquals("{\"length\":7}", agent.invoke("{\"a\":1}").body());
        }
    }

    @Test
    void streamsServerSentEventsFramedLikeThePythonSdk() throws Exception {
        AgentCoreApp app = AgentCoreApp.create()
                .entrypoint(Map.class, payload -> Stream.of("hello", "two words\n", Map.of("n", 1), ""));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> response = agent.invoke("{}");

            assertEquals(200, response.statusCode());
            assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("data: \"hello\"\n\ndata: \"two words\\n\"\n\ndata: {\"n\":1}\n\ndata: \"\"\n\n",
                    response.body());
        }
    }

    @Test
    void flushesEachEventBeforeTheNextIsProduced() throws Exception {
        CountDownLatch firstEventSeen = new CountDownLatch(1);
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, (payload, context, events) -> {
            events.send("first");
            // Only a client that already received the first event can let the handler go on.
            assertTrue(firstEventSeen.await(30, TimeUnit.SECONDS), "the first event never reached the client");
            events.send("second");
        });
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<InputStream> response = agent.client.send(agent.invocation("{}").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                assertEquals("data: \"first\"\n\n", new String(body.readNBytes(15), StandardCharsets.UTF_8));
                firstEventSeen.countDown();
                assertEquals("data: \"second\"\n\n", new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void streamsFlowPublishersAndIterators() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> {
            if (payload.containsKey("iterator")) {
                return List.of(1, 2).iterator();
            }
            Flow.Publisher<String> words = subscriber -> {
                SubmissionPublisher<String> publisher = new SubmissionPublisher<>();
                publisher.subscribe(subscriber);
                List.of("x", "y", "z").forEach(publisher::submit);
                publisher.close();
            };
            return words;
        });
        try (RunningAgent agent = new RunningAgent(app)) {
            assertEquals("data: \"x\"\n\ndata: \"y\"\n\ndata: \"z\"\n\n", agent.invoke("{}").body());
            assertEquals("data: 1\n\ndata: 2\n\n", agent.invoke("{\"iterator\":true}").body());
        }
    }

    @Test
    void aFailureMidStreamBecomesOneFinalErrorEvent() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> Stream.of(1, 2, 3).map(n -> {
            if (n == 3) {
                throw new IllegalStateException("stream broke");
            }
            return n;
        }));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> response = agent.invoke("{}");

            assertEquals(200, response.statusCode());
            assertEquals("data: 1\n\ndata: 2\n\ndata: {\"error\":\"stream broke\",\"error_type\":\"IllegalStateException\","
                    + "\"message\":\"An error occurred during streaming\"}\n\n", response.body());
        }
    }

    @Test
    void aStreamingHandlerFailingBeforeItsFirstEventGetsAnOrdinaryErrorResponse() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, (payload, context, events) -> {
            throw new InvocationException(429, "slow down");
        });
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> response = agent.invoke("{}");

            assertEquals(429, response.statusCode());
            assertEquals("{\"error\":\"slow down\"}", response.body());
        }
    }

    @Test
    void aCallerThatDisconnectsStopsTheStream() throws Exception {
        CountDownLatch streamClosed = new CountDownLatch(1);
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload ->
                Stream.iterate(0, n -> n + 1).peek(n -> pause()).onClose(streamClosed::countDown));
        try (RunningAgent agent = new RunningAgent(app);
                Socket socket = agent.raw("POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n",
                        "{}".getBytes(StandardCharsets.US_ASCII))) {
            InputStream in = socket.getInputStream();
            assertTrue(RunningAgent.readHead(in).startsWith("HTTP/1.1 200"));
            assertTrue(in.read() >= 0, "no event arrived");
            socket.close();

            assertTrue(streamClosed.await(30, TimeUnit.SECONDS), "the handler's stream was not closed");
            assertEquals(200, agent.ping().statusCode());
        }
    }

    @Test
    void badInputGetsAClearAnswerAndTheServerKeepsServing() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Question.class, question -> "ok");
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> invalidJson = agent.invoke("{\"prompt\":");
            assertEquals(400, invalidJson.statusCode());
            assertEquals("Invalid JSON", field(invalidJson.body(), "error"));
            assertNotNull(field(invalidJson.body(), "details"));

            assertEquals("Invalid JSON", field(agent.invoke("{} trailing").body(), "error"));
            assertEquals("Invalid JSON", field(agent.invoke("").body(), "error"));

            HttpResponse<String> wrongShape = agent.invoke("[\"a\",\"list\"]");
            assertEquals(400, wrongShape.statusCode());
            assertEquals("Invalid payload", field(wrongShape.body(), "error"));

            HttpResponse<String> notUtf8 = agent.send(HttpRequest.newBuilder(agent.uri("/invocations"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'"', (byte) 0xff, (byte) 0xfe, '"'}))
                    .build());
            assertEquals(400, notUtf8.statusCode());
            assertEquals("Invalid encoding", field(notUtf8.body(), "error"));

            HttpResponse<String> get = agent.send(HttpRequest.newBuilder(agent.uri("/invocations")).GET().build());
            assertEquals(405, get.statusCode());
            assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
            assertEquals(405, agent.send(HttpRequest.newBuilder(agent.uri("/ping"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
            assertEquals(404, agent.send(HttpRequest.newBuilder(agent.uri("/elsewhere")).GET().build()).statusCode());

            assertEquals("\"ok\"", agent.invoke("{\"prompt\":\"fine\"}").body());
        }
    }

    @Test
    void handlerExceptionsBecome500OrTheirOwnStatus() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> {
            if (payload.containsKey("teapot")) {
                throw new InvocationException(418, "short and stout");
            }
            throw new IllegalArgumentException("boom");
        });
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> failure = agent.invoke("{}");
            assertEquals(500, failure.statusCode());
            assertEquals("{\"error\":\"boom\"}", failure.body());

            HttpResponse<String> custom = agent.invoke("{\"teapot\":1}");
            assertEquals(418, custom.statusCode());
            assertEquals("{\"error\":\"short and stout\"}", custom.body());
        }
    }

    @Test
    void withoutAnEntrypointInvocationsAnswer500() throws Exception {
        try (RunningAgent agent = new RunningAgent(AgentCoreApp.create())) {
            HttpResponse<String> response = agent.invoke("{}");
            assertEquals(500, response.statusCode());
            assertEquals("{\"error\":\"No entrypoint defined\"}", response.body());
        }
    }

    @Test
    void refusesABodyOver100MegabytesByItsDeclaredLengthWithoutReadingIt() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> "read");
        try (RunningAgent agent = new RunningAgent(app);
                Socket socket = agent.raw("POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Length: "
                        + (AgentCoreApp.DEFAULT_MAX_REQUEST_BYTES + 1) + "\r\n\r\n", new byte[0])) {
            // Not one byte of the body was sent, so the answer proves it was refused unread.
            assertTrue(RunningAgent.readHead(socket.getInputStream()).startsWith("HTTP/1.1 413"));
            assertEquals(200, agent.ping().statusCode());
        }
    }

    @Test
    void refusesAChunkedBodyAsSoonAsItPassesTheLimit() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().maxRequestBytes(1024).entrypoint(Map.class, payload -> "read");
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> tooLarge = agent.send(HttpRequest.newBuilder(agent.uri("/invocations"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                            ("{\"x\":\"" + "a".repeat(4096) + "\"}").getBytes(StandardCharsets.US_ASCII))))
                    .build());
            assertEquals(413, tooLarge.statusCode());
            assertEquals("Payload too large", field(tooLarge.body(), "error"));
            assertEquals("\"read\"", agent.invoke("{\"x\":\"small\"}").body());
        }
    }

    @Test
    void acceptsA100MegabytePayload() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(byte[].class, body -> Map.of("bytes", body.length));
        try (RunningAgent agent = new RunningAgent(app)) {
            byte[] body = new byte[(int) AgentCoreApp.DEFAULT_MAX_REQUEST_BYTES];
            HttpResponse<String> response = agent.send(HttpRequest.newBuilder(agent.uri("/invocations"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            assertEquals("{\"bytes\":" + body.length + "}", response.body());
        }
    }

    /**
     * Bodies past Jackson's default 20 million characters per string, parsed from the bytes read once: one string of
     * 24 MiB at its declared length, and 24 MiB of 1 KiB strings sent chunked (no declared length), bound to a map.
     */
    @Test
    void bindsLargeJsonBodiesAtTheirDeclaredLengthAndChunked() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> {
            Object chunks = payload.get("chunks");
            String prompt = (String) payload.get("prompt");
            return Map.of("prompt", prompt.length(), "ends", prompt.substring(prompt.length() - 2),
                    "chunks", chunks == null ? 0 : ((List<?>) chunks).size());
        });
        int size = 24 * 1024 * 1024;
        try (RunningAgent agent = new RunningAgent(app)) {
            String prompt = "a".repeat(size - 2) + "yz";
            byte[] declared = ("{\"prompt\":\"" + prompt + "\"}").getBytes(StandardCharsets.US_ASCII);
            HttpResponse<String> oneString = agent.send(HttpRequest.newBuilder(agent.uri("/invocations"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(declared)).build());
            assertEquals(200, oneString.statusCode());
            assertEquals(Map.of("prompt", size, "ends", "yz", "chunks", 0), JSON.std.mapFrom(oneString.body()));

            int count = size / 1025;
            String chunked = "{\"prompt\":\"hi\",\"chunks\":[" + String.join(",",
                    java.util.Collections.nCopies(count, "\"" + "a".repeat(1022) + "\"")) + "]}";
            HttpResponse<String> manyStrings = agent.send(HttpRequest.newBuilder(agent.uri("/invocations"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                            chunked.getBytes(StandardCharsets.US_ASCII)))).build());
            assertEquals(200, manyStrings.statusCode());
            assertEquals(Map.of("prompt", 2, "ends", "hi", "chunks", count), JSON.std.mapFrom(manyStrings.body()));
        }
    }

    @Test
    void passesTheRequestContextFromHeaders() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, (payload, context) -> {
            assertTrue(RequestContext.current().orElseThrow() == context, "current() is the handler's context");
            return Map.of("session", context.sessionId(), "request", context.requestId(),
                    "wat", context.workloadAccessToken(), "callback", context.oauth2CallbackUrl(),
                    "auth", context.authorization(), "headers", context.requestHeaders());
        });
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> response = agent.send(agent.invocation("{}")
                    .header(RequestContext.SESSION_ID_HEADER, "s-1")
                    .header(RequestContext.REQUEST_ID_HEADER, "r-1")
                    .header(RequestContext.LEGACY_WAT_HEADER, "legacy")
                    .header(RequestContext.IDENTITY_WAT_HEADER, "wat")
                    .header(RequestContext.OAUTH2_CALLBACK_URL_HEADER, "https://callback.example/cb")
                    .header("Authorization", "Bearer jwt")
                    .header("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme")
                    .header("traceparent", "00-abc-def-01")
                    .header("X-Amzn-Trace-Id", "Root=1")
                    .header("X-Amz-Date", "20260101T000000Z")
                    .build());
            Map<String, Object> seen = JSON.std.mapFrom(response.body());

            assertEquals("s-1", seen.get("session"));
            assertEquals("r-1", seen.get("request"));
            assertEquals("wat", seen.get("wat"));
            assertEquals("https://callback.example/cb", seen.get("callback"));
            assertEquals("Bearer jwt", seen.get("auth"));
            assertEquals(Map.of("authorization", "Bearer jwt",
                    "x-amzn-bedrock-agentcore-runtime-custom-tenant", "acme",
                    "x-amz-bedrock-agentcore-identity-wat", "wat",
                    "workloadaccesstoken", "legacy",
                    "oauth2callbackurl", "https://callback.example/cb",
                    "traceparent", "00-abc-def-01"), seen.get("headers"));
        }
    }

    @Test
    void generatesARequestIdWhenTheHeaderIsAbsent() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, (payload, context) -> context.requestId());
        try (RunningAgent agent = new RunningAgent(app)) {
            String first = JSON.std.anyFrom(agent.invoke("{}").body()).toString();
            String second = JSON.std.anyFrom(agent.invoke("{}").body()).toString();
            UUID id = UUID.fromString(first);
            assertEquals(first, id.toString());
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
            assertFalse(first.equals(second));
        }
    }

    @Test
    void pingReportsBusyWhileTasksRunAndTheTimeOfTheLastChange() throws Exception {
        AgentCoreApp app = AgentCoreApp.create();
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> first = agent.ping();
            assertEquals(200, first.statusCode());
            assertEquals("application/json", first.headers().firstValue("Content-Type").orElseThrow());
            Map<String, Object> healthy = JSON.std.mapFrom(first.body());
            assertEquals("Healthy", healthy.get("status"));
            assertTrue(healthy.get("time_of_last_update") instanceof Integer
                    || healthy.get("time_of_last_update") instanceof Long, "an integer timestamp");
            assertEquals(first.body(), agent.ping().body(), "the time moves only when the status changes");

            long task = app.addAsyncTask("indexing");
            assertEquals("HealthyBusy", JSON.std.mapFrom(agent.ping().body()).get("status"));
            assertTrue(app.completeAsyncTask(task));
            assertEquals("Healthy", JSON.std.mapFrom(agent.ping().body()).get("status"));
        }
    }

    @Test
    void registersAnAnnotatedEntrypoint() throws Exception {
        class Agent {
            @Entrypoint
            Answer answer(RequestContext context, Question question) {
                return new Answer(question.prompt(), context.sessionId());
            }
        }
        class StreamingAgent {
            @Entrypoint
            public void stream(Map<String, Object> payload, EventEmitter events) throws IOException {
                events.send(payload.get("prompt"));
            }
        }
        try (RunningAgent agent = new RunningAgent(AgentCoreApp.create().entrypoint(new Agent()))) {
            assertEquals("{\"response\":\"hi\",\"sessionId\":null,\"model\":\"echo-1\"}",
                    agent.invoke("{\"prompt\":\"hi\"}").body());
        }
        try (RunningAgent agent = new RunningAgent(AgentCoreApp.create().entrypoint(new StreamingAgent()))) {
            assertEquals("data: \"hi\"\n\n", agent.invoke("{\"prompt\":\"hi\"}").body());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Object field(String json, String name) throws IOException {
        return JSON.std.mapFrom(json).get(name);
    }
}
