package io.github.agentcore4j.runtime;

import java.util.Map;

/**
 * The trace span of one invocation (an HTTP or streaming call, an MCP call, an A2A message, a WebSocket session),
 * carrying its session id, request id and protocol. Spans exist only when the OpenTelemetry API is on the classpath at
 * run time (the OpenTelemetry Java agent then exports them); otherwise every span is a no-op and no OpenTelemetry
 * class is ever loaded. The check runs at the first invocation, not at startup, so cold start does not pay for it.
 */
abstract class InvocationSpan {

    /** A span that records nothing. */
    static final InvocationSpan NONE = new InvocationSpan() {
        @Override
        Scope attach() {
            return NO_SCOPE;
        }

        @Override
        void name(String name) {
        }

        @Override
        void fail(Throwable failure) {
        }

        @Override
        void end() {
        }

        @Override
        void answerWithTraceparent(HttpCall call) {
        }
    };

    private static final Scope NO_SCOPE = () -> {
    };

    /** Undoes {@link #attach()}. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Starts the span of an invocation: a child of the span already current (a server span of the Java agent), else
     * of the trace the request headers carry ({@code traceparent}, {@code baggage}).
     *
     * @param name the span name, e.g. {@code POST /invocations}
     * @param protocol the protocol served: HTTP, MCP, A2A or WebSocket
     * @param headers the request headers, for the caller's trace context
     */
    static InvocationSpan start(String name, String protocol, RequestContext context, Map<String, String> headers) {
        return Tracing.SPANS == null ? NONE : Tracing.SPANS.start(name, protocol, context, headers);
    }

    /** The current span's trace id and span id, or {@code null} when no span is active (or there is no API). */
    static String[] currentIds() {
        return Tracing.SPANS == null ? null : Tracing.SPANS.currentIds();
    }

    /** Makes this span the current one on this thread until the scope closes. */
    abstract Scope attach();

    /** Renames the span once the invocation says what it is, e.g. the MCP method. */
    abstract void name(String name);

    /** Marks the span as failed with this error. */
    abstract void fail(Throwable failure);

    /** Ends the span. */
    abstract void end();

    /**
     * Tells the caller which trace the invocation belongs to: a W3C {@code traceparent} response header naming
     * this span, which {@code agentcore:invoke} prints. Call before the response starts.
     */
    abstract void answerWithTraceparent(HttpCall call);

    /** Loaded at the first invocation: the OpenTelemetry side when its API is on the classpath, else nothing. */
    private static final class Tracing {
        static final OpenTelemetrySpans SPANS = load();

        private static OpenTelemetrySpans load() {
            try {
                Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", false, Tracing.class.getClassLoader());
                return new OpenTelemetrySpans();
            } catch (ClassNotFoundException | LinkageError absent) {
                return null;
            }
        }
    }
}
