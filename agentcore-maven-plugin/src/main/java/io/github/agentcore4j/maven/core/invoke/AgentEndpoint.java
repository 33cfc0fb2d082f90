package io.github.agentcore4j.maven.core.invoke;

import java.io.IOException;

/**
 * Where invoke sends its request: the local agent over plain HTTP, or (added by the deploy work) the deployed agent
 * through the AgentCore API. Everything else about invoking (payload, session, headers, printing) is shared.
 */
public interface AgentEndpoint {

    /**
     * Sends the request and returns as soon as the response starts.
     *
     * @throws InvocationFailedException when the agent cannot be reached, saying how to start it
     */
    InvocationResponse send(InvocationRequest request) throws IOException, InterruptedException;

    /** Where the endpoint sends requests, for messages, e.g. {@code http://127.0.0.1:8080/invocations}. */
    String describe();
}
