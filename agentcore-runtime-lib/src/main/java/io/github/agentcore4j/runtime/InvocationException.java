package io.github.agentcore4j.runtime;

/**
 * Thrown by a handler to answer the caller with a specific HTTP status and message, e.g.
 * {@code throw new InvocationException(400, "prompt is required")} gives {@code 400 {"error":"prompt is required"}}.
 * Any other exception gives {@code 500 {"error":"<its message>"}}.
 */
public class InvocationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public InvocationException(int status, String message) {
        this(status, message, null);
    }

    public InvocationException(int status, String message, Throwable cause) {
        super(message, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An invocation error needs a 4xx or 5xx status, not " + status);
        }
        this.status = status;
    }

    /** The HTTP status the caller receives. */
    public int status() {
        return status;
    }
}
