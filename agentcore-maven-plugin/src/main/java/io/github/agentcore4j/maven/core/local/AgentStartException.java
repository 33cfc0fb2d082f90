package io.github.agentcore4j.maven.core.local;

import io.github.agentcore4j.maven.core.AgentCoreException;

/** The local agent could not be started or stopped; the message carries the agent's last output when it has any. */
public class AgentStartException extends AgentCoreException {

    private static final long serialVersionUID = 1L;

    public AgentStartException(String message) {
        super(Kind.ERROR, message);
    }

    public AgentStartException(String message, Throwable cause) {
        super(Kind.ERROR, message, cause);
    }
}
