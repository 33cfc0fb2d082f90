package io.github.agentcore4j.runtime;

/** Handles an invocation's payload; the return value is the response (see {@link AgentCoreApp}). */
@FunctionalInterface
public interface PayloadHandler<T> {
    Object handle(T payload) throws Exception;
}
