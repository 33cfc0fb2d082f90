package io.github.agentcore4j.maven.core.config;

/**
 * A setting has a value the plugin cannot use. The message names the POM parameter, its command-line property and
 * the fix, so the user can act on it without reading the source.
 */
public class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the POM parameter at fault, e.g. {@code maxLifetime}; its property is
     *     {@code agentcore.<parameter>} unless {@code property} says otherwise
     * @param problem what is wrong with the value
     * @param fix what to do about it
     */
    public InvalidSettingException(String parameter, String problem, String fix) {
        this(parameter, "agentcore." + parameter, problem, fix);
    }

    public InvalidSettingException(String parameter, String property, String problem, String fix) {
        super("Invalid setting <" + parameter + "> (-D" + property + "): " + problem + ". Fix: " + fix + ".");
        this.parameter = parameter;
    }

    /** The POM parameter at fault. */
    public String parameter() {
        return parameter;
    }
}
