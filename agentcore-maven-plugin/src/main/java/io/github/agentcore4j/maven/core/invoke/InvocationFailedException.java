package io.github.agentcore4j.maven.core.invoke;

/** The agent could not be reached, or answered with an error status; the message says which, with the body. */
public class InvocationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvocationFailedException(String message) {
        super(message);
    }

    public InvocationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
