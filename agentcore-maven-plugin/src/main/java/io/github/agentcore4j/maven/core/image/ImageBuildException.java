package io.github.agentcore4j.maven.core.image;

import io.github.agentcore4j.maven.core.AgentCoreException;

/**
 * An image build failed for a reason outside the user's configuration alone (a registry that cannot be reached or
 * refuses the credentials, a missing base image). The message says what happened, which setting is involved and what
 * to do.
 */
public class ImageBuildException extends AgentCoreException {

    private static final long serialVersionUID = 1L;

    public ImageBuildException(String message, Throwable cause) {
        super(Kind.ERROR, message, cause);
    }

    public ImageBuildException(String message) {
        super(Kind.ERROR, message);
    }
}
