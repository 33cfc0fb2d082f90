package io.github.agentcore4j.runtime;

/** Handles an invocation by sending Server-Sent Events through the emitter until it returns. */
@FunctionalInterface
public interface StreamingHandler<T> {
    void handle(T payload, RequestContext context, EventEmitter events) throws Exception;
}
