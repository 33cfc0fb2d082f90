package io.github.agentcore4j.maven.core;

/**
 * How the Maven-free core reports to the user. The Maven plugin adapts it to Maven's log; tests record it.
 */
public interface BuildLog {

    void info(String message);

    void warn(String message);

    void debug(String message);

    boolean isDebugEnabled();

    /**
     * Reports how far a long task has got. Adapters throttle these, so callers may report as often as they like.
     *
     * @param task what is in progress, e.g. "Pushing image"
     * @param fraction done so far, from 0.0 to 1.0
     */
    void progress(String task, double fraction);
}
