package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** AG-UI runs over SSE on {@code /invocations} and over {@code /ws}: events in order, bad input, failures. */
class AgUiTest {

    private static final String INPUT = "{\"threadId\":\"t-1\",\"runId\":\"r-1\",\"state\":{\"count\":1},"
            + "\"messages\":[{\"id\":\"m-1\",\"role\":\"user\",\"content\":\"%s\"}],\"tools\":[],\"context\":[]}";

    private static AgentCoreApp agent() {
        return AgentCoreApp.create().agUi((input, context, events) -> {
            String text = input.lastUserText();
            if (text.equals("fail")) {
                events.text("starting");
                throw new IllegalStateException("the model is down");
            }
            events.stateSnapshot(Map.of("count", ((Map<?, ?>) input.state()).get("count"),
                    "session", String.valueOf(context.sessionId())));
            String messageId = "a-1";
            events.textMessageStart(messageId);
            events.textMessageContent(messageId, "You said: ");
            events.textMessageContent(messageId, text);
            events.textMessageEnd(messageId);
            events.toolCall("highlight", "{\"word\":\"" + text + "\"}");
            events.stateDelta(List.of(Map.of("op", "replace", "path", "/count", "value", 2)));
        });
    }

    private static List<Map<?, ?>> sseEvents(String stream) throws Exception {
        List<Map<?, ?>> events = new ArrayList<>();
        for (String event : stream.split("\n\n")) {
            assertTrue(event.startsWith("data: "), event);
            events.add((Map<?, ?>) Json.read(event.substring("data: ".length()), Map.class));
        }
        return events;
    }

    private static List<Object> types(List<Map<?, ?>> events) {
        return events.stream().map(event -> (Object) event.get("type")).toList();
    }

    @Test
    void aRunStreamsItsEventsBetweenRunStartedAndRunFinished() throws Exception {
        try (RunningAgent agent = new RunningAgent(agent())) {
            HttpResponse<String> response = agent.send(agent.invocation(String.format(INPUT, "hi"))
                    .header(RequestContext.SESSION_ID_HEADER, "s-1").header("Accept", "text/event-stream").build());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
            List<Map<?, ?>> events = sseEvents(response.body());
            assertEquals(List.of("RUN_STARTED", "STATE_SNAPSHOT", "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT",
                    "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END",
                    "STATE_DELTA", "RUN_FINISHED"), types(events));
            assertEquals(Map.of("type", "RUN_STARTED", "threadId", "t-1", "runId", "r-1", "protocolVersion", "1.0"),
                    events.get(0));
            assertEquals(Map.of("count", 1, "session", "s-1"), events.get(1).get("snapshot"));
            assertEquals("hi", events.get(4).get("delta"));
            assertEquals("highlight", events.get(6).get("toolCallName"));
            assertEquals(events.get(6).get("toolCallId"), events.get(8).get("toolCallId"));
            assertEquals("{\"word\":\"hi\"}", events.get(7).get("delta"));
            assertEquals(Map.of("type", "RUN_FINISHED", "threadId", "t-1", "runId", "r-1"), events.get(10));
        }
    }

    @Test
    void aFailureAfterTheRunStartedIsItsLastEventRunError() throws Exception {
        try (RunningAgent agent = new RunningAgent(agent())) {
            HttpResponse<String> response = agent.invoke(String.format(INPUT, "fail"));
            assertEquals(200, response.statusCode());
            List<Map<?, ?>> events = sseEvents(response.body());
            assertEquals(List.of("RUN_STARTED", "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END",
                    "RUN_ERROR"), types(events));
            assertEquals(Map.of("type", "RUN_ERROR", "message", "the model is down", "code",
                    "IllegalStateException"), events.get(4));
        }
    }

    @Test
    void badInputIsRefusedWith400BeforeAnyEvent() throws Exception {
        try (RunningAgent agent = new RunningAgent(agent())) {
            for (String input : List.of("{not json", "[]", "{\"runId\":\"r\",\"messages\":[]}",
                    "{\"threadId\":\"t\",\"runId\":\"r\"}", "{\"threadId\":\"t\",\"runId\":\"r\",\"messages\":[{}]}",
                    "{\"threadId\":\"t\",\"runId\":\"r\",\"messages\":[],\"tools\":{}}")) {
                HttpResponse<String> response = agent.invoke(input);
                assertEquals(400, response.statusCode(), input);
                assertTrue(response.body().startsWith("{\"error\":\"Invalid"), response.body());
            }
        }
    }

    @Test
    void warmupRunsTheAgentWithARunAgentInput() throws Exception {
        AgentCoreApp app = agent().warmup(String.format(INPUT, "warm"))
                .warmupLimits(3, java.time.Duration.ofSeconds(30));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> warmed = agent.send(WarmupTest.warmup(agent));
            assertEquals(200, warmed.statusCode());
            assertTrue(warmed.body().startsWith("{\"rounds\":3,\"calls\":3,\"failures\":0,"), warmed.body());
        }
    }

    @Test
    void anAgUiAgentServesNoOtherProtocol() {
        assertThrows(IllegalStateException.class, () -> AgentCoreApp.create()
                .agUi((input, context, events) -> { })
                .entrypoint(Map.class, payload -> payload));
    }

    @Test
    void lastUserTextReadsStringAndPartContent() {
        AgUiInput input = AgUiInput.parse(("{\"threadId\":\"t\",\"runId\":\"r\",\"messages\":["
                + "{\"id\":\"1\",\"role\":\"user\",\"content\":\"first\"},"
                + "{\"id\":\"2\",\"role\":\"assistant\",\"content\":\"reply\"},"
                + "{\"id\":\"3\",\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"look \"},"
                + "{\"type\":\"image\",\"source\":{}},{\"type\":\"text\",\"text\":\"here\"}]}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("look here", input.lastUserText());
        assertEquals(List.of(), input.tools());
        assertNull(input.state());
    }

    /** Opens {@code /ws}, sends one text message, and records what comes back until the server closes. */
    private static List<Object> overWebSocket(RunningAgent agent, String message, CompletableFuture<String> closed)
            throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        WebSocket socket = agent.client.newWebSocketBuilder()
                .header(RequestContext.SESSION_ID_HEADER, "ws-session")
                .buildAsync(URI.create("ws://127.0.0.1:" + agent.server.port() + "/ws"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.add(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode + " " + reason);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        try {
            socket.sendText(message, true).get(30, TimeUnit.SECONDS);
            closed.get(30, TimeUnit.SECONDS);
            List<Object> events = new ArrayList<>();
            for (Object event : received) {
                events.add(Json.read((String) event, Map.class));
            }
            return events;
        } finally {
            socket.abort();
        }
    }

    @Test
    void theSameRunGoesOverTheWebSocketThenItCloses() throws Exception {
        try (RunningAgent agent = new RunningAgent(agent())) {
            CompletableFuture<String> closed = new CompletableFuture<>();
            List<Object> events = overWebSocket(agent, String.format(INPUT, "ws"), closed);
            assertEquals(List.of("RUN_STARTED", "STATE_SNAPSHOT", "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT",
                    "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END",
                    "STATE_DELTA", "RUN_FINISHED"), events.stream().map(event -> ((Map<?, ?>) event).get("type"))
                    .toList());
            assertEquals("ws-session", ((Map<?, ?>) ((Map<?, ?>) events.get(1)).get("snapshot")).get("session"));
            assertEquals("1000 run ended", closed.get());

            CompletableFuture<String> refused = new CompletableFuture<>();
            assertEquals(List.of(), overWebSocket(agent, "{\"runId\":\"r\"}", refused));
            assertEquals("1003 Invalid RunAgentInput: threadId must be a non-empty string", refused.get());
        }
    }
}
