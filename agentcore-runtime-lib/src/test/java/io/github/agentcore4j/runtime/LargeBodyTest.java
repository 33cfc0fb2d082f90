package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bodies above {@link Json#LARGE_BODY_BYTES} bind through {@link LongStrings} and answers above
 * {@link AnswerStream#LIMIT} (and events over it) go out streamed: the handler sees the same payload and the caller
 * the same bytes as for a small body, on both engines (the build runs this class on Jetty too).
 */
class LargeBodyTest {

    private static final int LARGE = 3 * 1024 * 1024;

    @Test
    void bindsLongStringsOfEveryKindAndEchoesTheirExactBytes() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> payload.get("prompt"));
        List<String> prompts = List.of("a".repeat(LARGE),
                "line\\n\\\"quoted\\\" \\u00e9\\ud83d\\ude00 ".repeat(LARGE / 40),
                "caf\u00e9 \u00ff ".repeat(LARGE / 8),
                "tab\\t\\\"q\\\" caf\u00e9 \\u00ff\\n".repeat(LARGE / 24),
                "\u4e2d\u6587 \ud83d\ude00 ".repeat(LARGE / 12));
        try (RunningAgent agent = new RunningAgent(app)) {
            for (String prompt : prompts) {
                String body = "{\"prompt\":\"" + prompt + "\"}";
                Object expected = Json.read(body, Map.class);
                HttpResponse<byte[]> answer = post(agent, body);

                assertEquals(200, answer.statusCode());
                assertArrayEquals(Json.write(((Map<?, ?>) expected).get("prompt")), answer.body());
                assertStreamed(answer);
            }
        }
    }

    @Test
    void bindsManyChunksAndAnswersSmallWithItsLength() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> Map.of("prompt",
                payload.get("prompt"), "chunks", ((List<?>) payload.get("chunks")).size(), "last",
                ((List<?>) payload.get("chunks")).get(2999)));
        List<Object> chunks = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            chunks.add(i % 3 == 0 ? i : "chunk " + i + " \u00e9 \\n " + "x".repeat(1000));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("prompt", "hi");
        payload.put("chunks", chunks);
        String body = Json.writeString(payload);
        assertTrue(body.length() > Json.LARGE_BODY_BYTES);
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<byte[]> answer = post(agent, body);

            assertEquals(200, answer.statusCode());
            Map<?, ?> echoed = (Map<?, ?>) Json.read(answer.body(), Map.class);
            assertEquals(Map.of("prompt", "hi", "chunks", 3000, "last", "chunk 2999 \u00e9 \\n " + "x".repeat(1000)),
                    echoed);
            assertEquals(String.valueOf(answer.body().length),
                    answer.headers().firstValue("Content-Length").orElseThrow());
        }
    }

    @Test
    void streamsLargeEventsInTheirExactBytesBetweenSmallOnes() throws Exception {
        List<Object> events = List.of("first", Map.of("text", "a".repeat(LARGE) + "\u00e9\n\"\ud83d\ude00"),
                List.of(1, 2), Map.of("text", "\u00e9".repeat(AnswerStream.LIMIT)), "last");
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> events.stream());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (Object event : events) {
            expected.write("data: ".getBytes(StandardCharsets.US_ASCII));
            expected.write(Json.write(event));
            expected.write("\n\n".getBytes(StandardCharsets.US_ASCII));
        }
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<byte[]> answer = post(agent, "{\"prompt\":\"hi\"}");

            assertEquals(200, answer.statusCode());
            assertEquals("text/event-stream; charset=utf-8", answer.headers().firstValue("Content-Type").orElseThrow());
            assertArrayEquals(expected.toByteArray(), answer.body());
        }
    }
    /**
     * A chunked upload keeps its steps as the body's segments, and a handler of the raw bytes gets them whole, in one
     * array, whether they came chunked or with a length.
     */
    @Test
    void bindsAChunkedUploadAndHandsRawBytesWhole() throws Exception {
        StringBuilder chunks = new StringBuilder("{\"prompt\":\"hi\",\"chunks\":[");
        for (int i = 0; i < 3000; i++) {
            chunks.append(i == 0 ? "" : ",").append("\"chunk ").append(i).append(" \u00e9 \\n ")
                    .append("x".repeat(1000)).append('"');
        }
        String body = chunks.append("]}").toString();
        Map<?, ?> expected = (Map<?, ?>) Json.read(body, Map.class);
        AgentCoreApp mapApp = AgentCoreApp.create().entrypoint(Map.class, payload -> payload.equals(expected));
        try (RunningAgent agent = new RunningAgent(mapApp)) {
            assertEquals("true", new String(postChunked(agent, body).body(), StandardCharsets.UTF_8));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        AgentCoreApp rawApp = AgentCoreApp.create().entrypoint(byte[].class, raw -> java.util.Arrays.equals(raw, bytes));
        try (RunningAgent agent = new RunningAgent(rawApp)) {
            assertEquals("true", new String(postChunked(agent, body).body(), StandardCharsets.UTF_8));
            assertEquals("true", new String(post(agent, body).body(), StandardCharsets.UTF_8));
        }
    }

    /**
     * A2A reads its JSON-RPC messages through the same segments: a large message arrives whole. (On the JDK server
     * only: the Jetty run selects its engine with a WebSocket handler, which an A2A app cannot have.)
     */
    @Test
    void anA2aMessageOverTheLargeBodySizeArrivesWhole() throws Exception {
        assumeFalse("jetty".equals(System.getProperty(RunningAgent.ENGINE_PROPERTY)));
        String text = "caf\u00e9 \\\"quoted\\\"\\n".repeat(LARGE / 16);
        String expected = (String) ((Map<?, ?>) Json.read("{\"t\":\"" + text + "\"}", Map.class)).get("t");
        AgentCoreApp app = AgentCoreApp.create().a2aAgent(A2aAgent.named("counter")
                .onMessage((message, context) -> String.valueOf(message.text().equals(expected))));
        String request = "{\"jsonrpc\":\"2.0\",\"id\":\"r\",\"method\":\"message/send\",\"params\":{\"message\":"
                + "{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"" + text + "\"}],\"messageId\":\"m\"}}}";
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> answer = agent.send(HttpRequest.newBuilder(agent.uri("/"))
                    .timeout(RunningAgent.TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request)).build());

            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"text\":\"true\""), answer.body());
        }
    }

    @Test
    void bindsLargeBodiesToRecordsAndBeans() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(PayloadBinderTest.Bean.class,
                bean -> bean.getPrompt().length());
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<byte[]> answer = post(agent, "{\"prompt\":\"" + "\u00e9".repeat(LARGE) + "\"}");

            assertEquals(String.valueOf(LARGE), new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void refusesABodyOverTheLimitAndAnswersBrokenLargeJsonWith400() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().maxRequestBytes(LARGE).entrypoint(Map.class, payload -> "read");
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<byte[]> tooLarge = post(agent, "{\"prompt\":\"" + "a".repeat(LARGE) + "\"}");
            assertEquals(413, tooLarge.statusCode());

            HttpResponse<byte[]> broken = post(agent, "{\"prompt\":\"" + "a".repeat(LARGE / 2) + "\u0001\"}");
            assertEquals(400, broken.statusCode());
            assertEquals("Invalid JSON", ((Map<?, ?>) Json.read(broken.body(), Map.class)).get("error"));
        }
    }

    /**
     * The agent answers 413 as soon as it knows, while the caller is still sending: closing then would reset the
     * connection under the unread answer (it did, about one call in seven), so the agent reads and drops the rest.
     */
    @Test
    void everyCallerStillSendingARefusedBodyReadsIts413() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().maxRequestBytes(LARGE / 3).entrypoint(Map.class, payload -> "read");
        String body = "{\"prompt\":\"" + "a".repeat(LARGE) + "\"}";
        try (RunningAgent agent = new RunningAgent(app)) {
            for (int call = 0; call < 40; call++) {
                HttpResponse<byte[]> tooLarge = post(agent, body);

                assertEquals(413, tooLarge.statusCode());
                assertEquals("Payload too large", ((Map<?, ?>) Json.read(tooLarge.body(), Map.class)).get("error"));
            }
        }
    }

    /** A caller that declares a body over the limit and then sends nothing gets its 413, then the connection ends. */
    @Test
    void aCallerThatStallsAfterARefusedHeadIsClosedAfterItsAnswer() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().maxRequestBytes(1024).entrypoint(Map.class, payload -> "read");
        try (RunningAgent agent = new RunningAgent(app);
                Socket socket = agent.raw("POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n",
                        new byte[0])) {
            InputStream in = socket.getInputStream();
            assertTrue(RunningAgent.readHead(in).startsWith("HTTP/1.1 413"));

            // The answer's body, then the end of the stream: the agent closed the connection by itself.
            in.readAllBytes();
            assertEquals(200, agent.ping().statusCode());
        }
    }

    private static HttpResponse<byte[]> post(RunningAgent agent, String body) throws Exception {
        return agent.client.send(HttpRequest.newBuilder(agent.uri("/invocations")).timeout(RunningAgent.TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts the body without a length: the client sends it chunked. */
    private static HttpResponse<byte[]> postChunked(RunningAgent agent, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return agent.client.send(HttpRequest.newBuilder(agent.uri("/invocations")).timeout(RunningAgent.TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A large answer is chunked: no Content-Length, as the engine streams it. */
    private static void assertStreamed(HttpResponse<byte[]> answer) {
        assertFalse(answer.headers().firstValue("Content-Length").isPresent(), answer.headers().toString());
        assertEquals("chunked", answer.headers().firstValue("Transfer-Encoding").orElseThrow());
    }
}
