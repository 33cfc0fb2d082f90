package io.github.agentcore4j.runtime;

import java.util.Map;

/**
 * Where a call enters agent code, for every protocol: the one place that builds a call's {@link RequestContext} from
 * its request headers, and starts its trace span. {@link #enter()} makes both current on the thread that runs the call's
 * code, until the returned {@link Entered} closes. An HTTP call (plain, streaming, AG-UI, MCP, A2A) is entered once,
 * by its {@link Wiring}; a WebSocket connection at each event, by {@link JettyWebSocket}.
 */
final class InvocationScope {

    private final RequestContext context;
    private final InvocationSpan span;

    private InvocationScope(RequestContext context, InvocationSpan span) {
        this.context = context;
        this.span = span;
    }

    /**
     * @param headers the request's headers (a WebSocket's upgrade request's)
     * @param spanName the span's name, e.g. {@code POST /invocations}
     * @param protocol the protocol the span records: HTTP, AGUI, MCP, A2A or WebSocket
     */
    static InvocationScope open(Map<String, String> headers, String spanName, String protocol) {
        RequestContext context = RequestContext.fromHeaders(headers);
        return new InvocationScope(context, InvocationSpan.start(spanName, protocol, context, headers));
    }

    RequestContext context() {
        return context;
    }

    /** The call's span; whoever opened the scope ends it. */
    InvocationSpan span() {
        return span;
    }

    /** Makes the context and the span current on this thread, as {@link RequestContext#current()} and for tracing. */
    Entered enter() {
        RequestContext previous = context.makeCurrent();
        InvocationSpan.Scope spanScope = span.attach();
        return () -> {
            spanScope.close();
            RequestContext.restore(previous);
        };
    }

    /** Undoes {@link #enter()}. */
    interface Entered extends AutoCloseable {
        @Override
        void close();
    }
}
