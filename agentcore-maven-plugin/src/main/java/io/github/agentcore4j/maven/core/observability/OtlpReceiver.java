package io.github.agentcore4j.maven.core.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver on a free loopback port, the local stand-in for X-Ray's OTLP endpoint: it accepts the
 * OpenTelemetry Java agent's protobuf trace exports ({@code POST /v1/traces}), hands each batch of spans on, and
 * answers logs and metrics exports with success so an agent configured for them does not retry.
 */
public final class OtlpReceiver implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();
    private static final String PROTOBUF = "application/x-protobuf";

    private final HttpServer server;
    private final ExecutorService executor;

    private OtlpReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts listening on 127.0.0.1 at a free port; {@code spans} gets each export's spans, on one thread. */
    public static OtlpReceiver start(Consumer<List<TraceSpan>> spans) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "agentcore-otlp-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/v1/traces", exchange -> receive(exchange, spans));
        server.createContext("/", OtlpReceiver::acceptAndIgnore);
        server.start();
        return new OtlpReceiver(server, executor);
    }

    /** The endpoint for {@code OTEL_EXPORTER_OTLP_ENDPOINT}, e.g. {@code http://127.0.0.1:43817}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void receive(HttpExchange exchange, Consumer<List<TraceSpan>> spans) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            spans.accept(decode(request));
            // An empty ExportTraceServiceResponse, which encodes to no bytes: full success.
            exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static void acceptAndIgnore(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(exchange.getRequestBody())
                : exchange.getRequestBody();
    }

    /** The spans of one export, in the order sent. */
    static List<TraceSpan> decode(ExportTraceServiceRequest request) {
        List<TraceSpan> spans = new ArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            Map<String, String> resourceAttributes = attributes(resource.getResource().getAttributesList());
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(new TraceSpan(HEX.formatHex(span.getTraceId().toByteArray()),
                            HEX.formatHex(span.getSpanId().toByteArray()),
                            HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
                            span.getKind().name().replace("SPAN_KIND_", ""), span.getStartTimeUnixNano(),
                            span.getEndTimeUnixNano(), attributes(span.getAttributesList()), error(span),
                            resourceAttributes));
                }
            }
        }
        return spans;
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> text = new LinkedHashMap<>();
        attributes.forEach(attribute -> text.put(attribute.getKey(), text(attribute.getValue())));
        return text;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpReceiver::text)
                    .collect(Collectors.joining(", ", "[", "]"));
            default -> value.toString().strip();
        };
    }

    /** The status message of a failed span, else its recorded exception's type and message, else the bare fact. */
    private static String error(Span span) {
        if (span.getStatus().getCode() != Status.StatusCode.STATUS_CODE_ERROR) {
            return null;
        }
        if (!span.getStatus().getMessage().isEmpty()) {
            return span.getStatus().getMessage();
        }
        return span.getEventsList().stream().filter(event -> event.getName().equals("exception")).findFirst()
                .map(event -> attributes(event.getAttributesList()))
                .map(exception -> exception.getOrDefault("exception.type", "") + ": "
                        + exception.getOrDefault("exception.message", ""))
                .orElse("error");
    }
}
