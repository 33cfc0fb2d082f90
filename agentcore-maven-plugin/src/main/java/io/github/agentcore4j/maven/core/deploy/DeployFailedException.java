package io.github.agentcore4j.maven.core.deploy;

/** A deploy, rollback or destroy step failed in a way the user must act on; the message says what and how. */
public class DeployFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeployFailedException(String message) {
        super(message);
    }

    public DeployFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
