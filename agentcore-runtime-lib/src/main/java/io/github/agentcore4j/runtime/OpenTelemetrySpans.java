package io.github.agentcore4j.runtime;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Invocation spans through the OpenTelemetry API, the only class of the library that references it. With the
 * OpenTelemetry Java agent attached, {@link GlobalOpenTelemetry} is the agent's SDK; without one it is a no-op.
 */
final class OpenTelemetrySpans {

    /** The attribute and baggage key AgentCore's observability reads the session from. */
    static final String SESSION_ID = "session.id";
    static final AttributeKey<String> SESSION_ID_ATTRIBUTE = AttributeKey.stringKey(SESSION_ID);
    static final AttributeKey<String> REQUEST_ID_ATTRIBUTE = AttributeKey.stringKey("agentcore.request.id");
    static final AttributeKey<String> PROTOCOL_ATTRIBUTE = AttributeKey.stringKey("agentcore.protocol");

    static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final String SCOPE = "io.github.agentcore4j.runtime";

    InvocationSpan start(String name, String protocol, RequestContext request, Map<String, String> headers) {
        // Unset means no Java agent and no SDK: nothing would record the span, and get() would fix a no-op for good
        // (an application setting its SDK later would then fail), so the rest of the API stays unloaded.
        if (!GlobalOpenTelemetry.isSet()) {
            return InvocationSpan.NONE;
        }
        Tracer tracer = GlobalOpenTelemetry.getTracer(SCOPE);
        Context parent = Context.current();
        SpanKind kind = SpanKind.INTERNAL;
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            byName.putAll(headers);
            parent = GlobalOpenTelemetry.getPropagators().getTextMapPropagator().extract(parent, byName, HEADERS);
            kind = SpanKind.SERVER;
        }
        Baggage baggage = Baggage.fromContext(parent);
        // The runtime's session header, else the session.id baggage entry the caller set (as the AWS distro reads it).
        String sessionId = request.sessionId() != null ? request.sessionId() : baggage.getEntryValue(SESSION_ID);
        Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind)
                .setAttribute(PROTOCOL_ATTRIBUTE, protocol)
                .setAttribute(REQUEST_ID_ATTRIBUTE, request.requestId())
                .startSpan();
        Context context = parent.with(span);
        if (sessionId != null) {
            span.setAttribute(SESSION_ID_ATTRIBUTE, sessionId);
            // Calls the agent makes while it runs (to a model, a tool) carry the session on to their own spans.
            context = context.with(baggage.toBuilder().put(SESSION_ID, sessionId).build());
        }
        return new Started(span, context);
    }

    String[] currentIds() {
        if (!GlobalOpenTelemetry.isSet()) {
            return null;
        }
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() ? new String[] {current.getTraceId(), current.getSpanId()} : null;
    }

    private static final class Started extends InvocationSpan {
        private final Span span;
        private final Context context;

        Started(Span span, Context context) {
            this.span = span;
            this.context = context;
        }

        @Override
        Scope attach() {
            return context.makeCurrent()::close;
        }

        @Override
        void name(String name) {
            span.updateName(name);
        }

        @Override
        void fail(Throwable failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }

        @Override
        void end() {
            span.end();
        }

        @Override
        void answerWithTraceparent(HttpCall call) {
            SpanContext ids = span.getSpanContext();
            call.setResponseHeader(TRACEPARENT, "00-" + ids.getTraceId() + "-" + ids.getSpanId() + "-"
                    + ids.getTraceFlags().asHex());
        }
    }
}
