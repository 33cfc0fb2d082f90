package io.github.agentcore4j.maven.core.observability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished span as the trace view needs it, decoded from OTLP.
 *
 * @param traceId 32 hex digits
 * @param spanId 16 hex digits
 * @param parentSpanId 16 hex digits, or empty for a root
 * @param name the span name
 * @param kind SERVER, CLIENT, INTERNAL, PRODUCER or CONSUMER
 * @param startNanos start, in nanoseconds since the epoch
 * @param endNanos end, in nanoseconds since the epoch
 * @param attributes the span's attributes as text, in the order sent
 * @param error the error status message (or the exception's), {@code null} when the span did not fail
 * @param resource the attributes of the process that recorded the span, e.g. {@code service.name}
 */
public record TraceSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
        long startNanos, long endNanos, Map<String, String> attributes, String error, Map<String, String> resource) {

    public TraceSpan {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        resource = Collections.unmodifiableMap(new LinkedHashMap<>(resource));
    }

    public boolean isRoot() {
        return parentSpanId.isEmpty();
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
