package io.github.agentcore4j.runtime;

/** Handles an invocation's payload with its request context; the return value is the response. */
@FunctionalInterface
public interface InvocationHandler<T> {
    Object handle(T payload, RequestContext context) throws Exception;
}
