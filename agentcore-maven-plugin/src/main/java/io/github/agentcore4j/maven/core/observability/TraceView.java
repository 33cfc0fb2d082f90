package io.github.agentcore4j.maven.core.observability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the spans an agent exports into one readable tree per invocation, the way {@code agentcore dev} shows
 * traces: span names, durations, the attributes that matter and errors. Spans are kept per trace until the trace's
 * local root arrives (the root span, or the server span whose parent is the caller's), which the agent exports
 * last because it ends last; then the tree is printed and forgotten.
 */
public final class TraceView implements Consumer<List<TraceSpan>> {

    /** Attribute names (or prefixes, ending in a dot) worth a place in the tree. */
    private static final List<String> SHOWN_ATTRIBUTES = List.of("session.id", "agentcore.", "http.request.method",
            "http.response.status_code", "url.full", "server.address", "rpc.", "gen_ai.", "db.system", "error.type");
    /** Resource attributes worth a place in a trace's heading: who recorded it, and the AgentCore marker. */
    private static final List<String> SHOWN_RESOURCE = List.of("service.name", "aws.service.type");
    /** Traces that never see their root (spans of background work) are dropped beyond this many. */
    private static final int MAX_OPEN_TRACES = 256;
    private static final Set<String> HEALTH_CHECK_PATHS = Set.of("/ping", "/");

    private final Consumer<String> out;
    private final Map<String, List<TraceSpan>> openTraces = new LinkedHashMap<>();

    /** @param out receives the printed lines, e.g. next to the agent's own output */
    public TraceView(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(List<TraceSpan> batch) {
        Set<String> touched = new LinkedHashSet<>();
        for (TraceSpan span : batch) {
            openTraces.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
            touched.add(span.traceId());
        }
        for (String traceId : touched) {
            List<TraceSpan> spans = openTraces.get(traceId);
            List<TraceSpan> roots = localRoots(spans);
            if (!roots.isEmpty()) {
                openTraces.remove(traceId);
                if (!isHealthCheck(spans)) {
                    render(traceId, spans, roots).forEach(out);
                }
            }
        }
        while (openTraces.size() > MAX_OPEN_TRACES) {
            openTraces.remove(openTraces.keySet().iterator().next());
        }
    }

    /**
     * The goal's own health checks ({@code GET /ping}, or {@code GET /} for MCP and A2A servers), which would drown
     * the invocations: a lone server span, as nothing in the agent handles them.
     */
    private static boolean isHealthCheck(List<TraceSpan> spans) {
        return spans.size() == 1 && "GET".equals(spans.get(0).attributes().get("http.request.method"))
                && HEALTH_CHECK_PATHS.contains(spans.get(0).attributes().get("url.path"));
    }

    private static List<TraceSpan> localRoots(List<TraceSpan> spans) {
        Set<String> ids = new HashSet<>();
        spans.forEach(span -> ids.add(span.spanId()));
        return spans.stream()
                .filter(span -> span.isRoot() || (span.kind().equals("SERVER") && !ids.contains(span.parentSpanId())))
                .sorted(Comparator.comparingLong(TraceSpan::startNanos))
                .toList();
    }

    /** The lines of one trace: a heading, then each local root with its descendants, indented. */
    static List<String> render(String traceId, List<TraceSpan> spans, List<TraceSpan> roots) {
        Map<String, List<TraceSpan>> children = new LinkedHashMap<>();
        spans.stream().sorted(Comparator.comparingLong(TraceSpan::startNanos))
                .forEach(span -> children.computeIfAbsent(span.parentSpanId(), id -> new ArrayList<>()).add(span));
        List<String> lines = new ArrayList<>();
        long start = roots.stream().mapToLong(TraceSpan::startNanos).min().orElse(0);
        long end = roots.stream().mapToLong(TraceSpan::endNanos).max().orElse(0);
        StringBuilder heading = new StringBuilder("[trace] ").append(traceId).append(" (")
                .append(milliseconds(end - start)).append(", ").append(spans.size())
                .append(spans.size() == 1 ? " span" : " spans");
        Map<String, String> resource = roots.get(0).resource();
        for (String shown : SHOWN_RESOURCE) {
            if (resource.containsKey(shown)) {
                heading.append(", ").append(shown).append('=').append(resource.get(shown));
            }
        }
        lines.add(heading.append(')').toString());
        for (int i = 0; i < roots.size(); i++) {
            addTree(lines, roots.get(i), children, "[trace] ", i == roots.size() - 1);
        }
        return lines;
    }

    private static void addTree(List<String> lines, TraceSpan span, Map<String, List<TraceSpan>> children,
            String indent, boolean last) {
        lines.add(indent + (last ? "└─ " : "├─ ") + describe(span));
        List<TraceSpan> below = children.getOrDefault(span.spanId(), List.of());
        String childIndent = indent + (last ? "   " : "│  ");
        for (int i = 0; i < below.size(); i++) {
            addTree(lines, below.get(i), children, childIndent, i == below.size() - 1);
        }
    }

    private static String describe(TraceSpan span) {
        StringBuilder line = new StringBuilder(span.name()).append("  ").append(milliseconds(span.durationNanos()));
        if (!span.kind().equals("INTERNAL")) {
            line.append("  ").append(span.kind());
        }
        // In the order of SHOWN_ATTRIBUTES, so the session always comes first.
        for (String shown : SHOWN_ATTRIBUTES) {
            span.attributes().forEach((name, value) -> {
                if (shown.endsWith(".") ? name.startsWith(shown) : name.equals(shown)) {
                    line.append("  ").append(name).append('=').append(value);
                }
            });
        }
        if (span.error() != null) {
            line.append("  ERROR ").append(span.error());
        }
        return line.toString();
    }

    /** {@code 12.3 ms}; durations below a millisecond keep their fraction. */
    static String milliseconds(long nanos) {
        long tenths = Math.max(0, nanos) / 100_000;
        return tenths / 10 + "." + tenths % 10 + " ms";
    }
}
