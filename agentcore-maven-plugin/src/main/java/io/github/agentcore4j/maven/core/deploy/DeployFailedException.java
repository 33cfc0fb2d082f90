package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.AgentCoreException;

/** A deploy, rollback or destroy step failed in a way the user must act on; the message says what and how. */
public class DeployFailedException extends AgentCoreException {

    private static final long serialVersionUID = 1L;

    public DeployFailedException(String message) {
        super(Kind.FAILURE, message);
    }

    public DeployFailedException(String message, Throwable cause) {
        super(Kind.FAILURE, message, cause);
    }
}
