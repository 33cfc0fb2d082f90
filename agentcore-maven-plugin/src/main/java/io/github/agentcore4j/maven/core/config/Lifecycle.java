package io.github.agentcore4j.maven.core.config;

/**
 * How long AgentCore Runtime keeps an agent's session alive, in seconds; {@code null} leaves the service default.
 *
 * @param idleRuntimeSessionTimeout seconds without a request before a session ends (60..28800)
 * @param maxLifetime seconds after which a session ends anyway (60..28800, at least the idle timeout)
 */
public record Lifecycle(Integer idleRuntimeSessionTimeout, Integer maxLifetime) {

    static final int MIN_SECONDS = 60;
    static final int MAX_SECONDS = 28800;

    /** Checks the bounds the service enforces, naming the parameter at fault. */
    public Lifecycle {
        checkBounds(PropertyNames.IDLE_RUNTIME_SESSION_TIMEOUT, idleRuntimeSessionTimeout);
        checkBounds(PropertyNames.MAX_LIFETIME, maxLifetime);
        if (idleRuntimeSessionTimeout != null && maxLifetime != null && maxLifetime < idleRuntimeSessionTimeout) {
            throw new InvalidSettingException(PropertyNames.MAX_LIFETIME, "it is " + maxLifetime
                    + " s, shorter than idleRuntimeSessionTimeout (" + idleRuntimeSessionTimeout + " s)",
                    "make maxLifetime at least " + idleRuntimeSessionTimeout + " or lower idleRuntimeSessionTimeout");
        }
    }

    public boolean isSet() {
        return idleRuntimeSessionTimeout != null || maxLifetime != null;
    }

    private static void checkBounds(String property, Integer seconds) {
        if (seconds != null && (seconds < MIN_SECONDS || seconds > MAX_SECONDS)) {
            throw new InvalidSettingException(property, "it is " + seconds + " s, outside " + MIN_SECONDS + ".."
                    + MAX_SECONDS + " s", "set a number of seconds from " + MIN_SECONDS + " to " + MAX_SECONDS);
        }
    }
}
