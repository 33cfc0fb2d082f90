package io.github.agentcore4j.maven.core;

/**
 * What the core throws when a goal cannot do its work: a message that says what failed and how to fix it, and whether
 * the user's project or settings must change ({@link Kind#FAILURE}) or something around the build failed
 * ({@link Kind#ERROR}). The Maven plugin turns it into Maven's exceptions in one place; other front ends can do
 * the same.
 */
public class AgentCoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whose move it is. */
    public enum Kind {
        /** The settings, the project or the deployed agent must change (Maven: BUILD FAILURE). */
        FAILURE,
        /** Something the build relies on failed: the machine, an engine, a registry (Maven: an execution error). */
        ERROR
    }

    private final Kind kind;

    public AgentCoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AgentCoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The property of the setting at fault, or {@code null} when no one setting is. */
    public String setting() {
        return null;
    }
}
