package io.github.agentcore4j.maven.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OTLP/HTTP protobuf exports, as the Java agent sends them, decoded by the receiver and printed as span trees. */
class OtlpReceiverTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final long START = 1_700_000_000_000_000_000L;

    @Test
    void printsOneTreePerInvocationOnceItsServerSpanArrivesAndLeavesHealthChecksOut() throws Exception {
        List<String> printed = new ArrayList<>();
        try (OtlpReceiver receiver = OtlpReceiver.start(new TraceView(line -> {
            synchronized (printed) {
                printed.add(line);
            }
        }))) {
            assertEquals(200, export(receiver, span("00000000000000f1", "", "GET /", Span.SpanKind.SPAN_KIND_SERVER,
                    0, 1, attribute("url.path", "/ping"), attribute("http.request.method", "GET"))));
            // The model call ends first, so the agent exports it in an earlier batch than its parents.
            assertEquals(200, export(receiver, span("00000000000000c1", "00000000000000b1", "chat claude",
                    Span.SpanKind.SPAN_KIND_CLIENT, 2, 14, attribute("gen_ai.request.model", "claude"))));
            assertEquals(200, export(receiver,
                    span("00000000000000b1", "00000000000000a1", "POST /invocations",
                            Span.SpanKind.SPAN_KIND_INTERNAL, 1, 15, attribute("session.id", "session-1"),
                            attribute("agentcore.protocol", "HTTP"), attribute("thread.name", "not shown")),
                    span("00000000000000a1", "", "POST /invocations", Span.SpanKind.SPAN_KIND_SERVER, 0, 16,
                            attribute("http.response.status_code", 200L)).toBuilder()
                            .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR)
                                    .setMessage("model unavailable")).build()));
        }

        assertEquals(List.of(
                "[trace] " + TRACE + " (16.0 ms, 3 spans, service.name=echo, aws.service.type=gen_ai_agent)",
                "[trace] └─ POST /invocations  16.0 ms  SERVER  http.response.status_code=200  ERROR model unavailable",
                "[trace]    └─ POST /invocations  14.0 ms  session.id=session-1  agentcore.protocol=HTTP",
                "[trace]       └─ chat claude  12.0 ms  CLIENT  gen_ai.request.model=claude"), printed);
    }

    private static int export(OtlpReceiver receiver, Span... spans) throws Exception {
        ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "echo"))
                                .addAttributes(attribute("aws.service.type", "gen_ai_agent")))
                        .addScopeSpans(ScopeSpans.newBuilder()
                        .addAllSpans(List.of(spans)))).build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode();
    }

    private static Span span(String id, String parent, String name, Span.SpanKind kind, int startMillis,
            int endMillis, KeyValue... attributes) {
        HexFormat hex = HexFormat.of();
        return Span.newBuilder().setTraceId(ByteString.copyFrom(hex.parseHex(TRACE)))
                .setSpanId(ByteString.copyFrom(hex.parseHex(id)))
                .setParentSpanId(ByteString.copyFrom(hex.parseHex(parent)))
                .setName(name).setKind(kind)
                .setStartTimeUnixNano(START + startMillis * 1_000_000L)
                .setEndTimeUnixNano(START + endMillis * 1_000_000L)
                .addAllAttributes(List.of(attributes)).build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static KeyValue attribute(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }
}
