package io.github.agentcore4j.maven.core.local;

/** The local agent could not be started or stopped; the message carries the agent's last output when it has any. */
public class AgentStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AgentStartException(String message) {
        super(message);
    }

    public AgentStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
