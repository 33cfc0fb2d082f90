package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.jr.ob.JSON;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invocation spans through the OpenTelemetry API, exported by an SDK in this JVM as the Java agent's would be. */
class InvocationSpanTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @BeforeAll
    static void installSdk() {
        // Global, so once per JVM: other test classes then export into this exporter too, which is harmless.
        if (GlobalOpenTelemetry.isSet()) {
            return;
        }
        GlobalOpenTelemetry.set(OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
                .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
                        W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
                .build());
    }

    @BeforeEach
    void forgetSpans() {
        SPANS.reset();
    }

    @Test
    void anInvocationIsAServerSpanInTheCallersTraceWithSessionRequestAndProtocol() throws Exception {
        String[] logLine = new String[1];
        String[] traceparent = new String[1];
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> {
            logLine[0] = new JsonLogFormatter().format(new LogRecord(Level.INFO, "working"));
            return "done";
        });
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> response = agent.send(agent.invocation("{}")
                    .header(RequestContext.SESSION_ID_HEADER, "session-1")
                    .header(RequestContext.REQUEST_ID_HEADER, "request-1")
                    .header("traceparent", TRACEPARENT).build());
            assertEquals(200, response.statusCode());
            traceparent[0] = response.headers().firstValue("traceparent").orElse(null);
        }

        SpanData span = onlySpan();
        assertEquals("00-" + TRACE_ID + "-" + span.getSpanId() + "-01", traceparent[0]);
        assertEquals("POST /invocations", span.getName());
        assertEquals(SpanKind.SERVER, span.getKind());
        assertEquals(TRACE_ID, span.getTraceId());
        assertEquals("00f067aa0ba902b7", span.getParentSpanId());
        assertEquals("session-1", span.getAttributes().get(OpenTelemetrySpans.SESSION_ID_ATTRIBUTE));
        assertEquals("request-1", span.getAttributes().get(OpenTelemetrySpans.REQUEST_ID_ATTRIBUTE));
        assertEquals("HTTP", span.getAttributes().get(OpenTelemetrySpans.PROTOCOL_ATTRIBUTE));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        Map<String, Object> line = JSON.std.mapFrom(logLine[0]);
        assertEquals(TRACE_ID, line.get("traceId"));
        assertEquals(span.getSpanId(), line.get("spanId"));
    }

    @Test
    void theSessionComesFromBaggageWhenTheHeaderIsAbsentAndStreamsAreNamedSo() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> Stream.of("a", "b"));
        try (RunningAgent agent = new RunningAgent(app)) {
            agent.send(agent.invocation("{}").header("baggage", "session.id=from-baggage").build());
        }

        SpanData span = onlySpan();
        assertEquals("POST /invocations (stream)", span.getName());
        assertEquals("from-baggage", span.getAttributes().get(OpenTelemetrySpans.SESSION_ID_ATTRIBUTE));
    }

    @Test
    void aFailedInvocationIsAnErrorSpanWithTheException() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> {
            throw new IllegalStateException("model unavailable");
        });
        try (RunningAgent agent = new RunningAgent(app)) {
            assertEquals(500, agent.invoke("{}").statusCode());
        }

        SpanData span = onlySpan();
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("model unavailable", span.getStatus().getDescription());
        assertEquals("exception", span.getEvents().get(0).getName());
    }

    @Test
    void anA2aMessageIsASpanNamedByItsMethod() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().a2aAgent(A2aAgent.named("greeter")
                .onMessage((message, context) -> "Hello, " + message.text()));
        try (RunningAgent agent = new RunningAgent(app)) {
            agent.send(HttpRequest.newBuilder(agent.uri("/")).timeout(RunningAgent.TIMEOUT)
                    .header("Content-Type", "application/json").header(RequestContext.SESSION_ID_HEADER, "a2a-session")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                            + "\"message/send\",\"params\":{\"message\":{\"role\":\"user\",\"messageId\":\"m-1\","
                            + "\"parts\":[{\"kind\":\"text\",\"text\":\"Ada\"}]}}}")).build());
        }

        SpanData span = onlySpan();
        assertEquals("A2A message/send", span.getName());
        assertEquals("A2A", span.getAttributes().get(OpenTelemetrySpans.PROTOCOL_ATTRIBUTE));
        assertEquals("a2a-session", span.getAttributes().get(OpenTelemetrySpans.SESSION_ID_ATTRIBUTE));
    }

    @Test
    void aWebSocketSessionIsOneSpanFromOpenToClose() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().websocket(new WebSocketHandler() {
            @Override
            public void onText(WebSocketSession session, String message) throws Exception {
                session.sendText("echo: " + message);
            }
        });
        try (RunningAgent agent = new RunningAgent(app)) {
            CompletableFuture<String> reply = new CompletableFuture<>();
            WebSocket socket = agent.client.newWebSocketBuilder().connectTimeout(RunningAgent.TIMEOUT)
                    .header(RequestContext.SESSION_ID_HEADER, "ws-session")
                    .buildAsync(URI.create("ws://127.0.0.1:" + agent.server.port() + "/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            reply.complete(data.toString());
                            return null;
                        }
                    }).get(RunningAgent.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            socket.sendText("one", true);
            assertEquals("echo: one", reply.get(RunningAgent.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(RunningAgent.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            SpanData span = onlySpan();
            assertEquals("WebSocket /ws", span.getName());
            assertEquals("WebSocket", span.getAttributes().get(OpenTelemetrySpans.PROTOCOL_ATTRIBUTE));
            assertEquals("ws-session", span.getAttributes().get(OpenTelemetrySpans.SESSION_ID_ATTRIBUTE));
        }
    }

    @Test
    void logLinesOutsideAnInvocationCarryNoTraceIds() throws Exception {
        Map<String, Object> line = JSON.std.mapFrom(new JsonLogFormatter().format(new LogRecord(Level.INFO, "up")));
        assertNull(line.get("traceId"));
    }

    /** The invocation's span; it ends just after the answer is sent, so it may arrive a moment after the answer. */
    private static SpanData onlySpan() throws InterruptedException {
        long deadline = System.nanoTime() + RunningAgent.TIMEOUT.toNanos();
        while (SPANS.getFinishedSpanItems().isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        List<SpanData> spans = SPANS.getFinishedSpanItems();
        assertEquals(1, spans.size(), spans.toString());
        return spans.get(0);
    }
}
