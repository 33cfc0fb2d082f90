package io.github.agentcore4j.maven.core.invoke;

import io.github.agentcore4j.maven.core.AgentCoreException;

/** The agent could not be reached, or answered with an error status; the message says which, with the body. */
public class InvocationFailedException extends AgentCoreException {

    private static final long serialVersionUID = 1L;

    public InvocationFailedException(String message) {
        super(Kind.FAILURE, message);
    }

    public InvocationFailedException(String message, Throwable cause) {
        super(Kind.FAILURE, message, cause);
    }
}
