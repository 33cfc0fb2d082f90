package io.github.agentcore4j.maven.core.config;

import io.github.agentcore4j.maven.core.AgentCoreException;

/**
 * A setting has a value the plugin cannot use. The message names the POM parameter, its command-line property and
 * the fix, so the user can act on it without reading the source.
 */
public class InvalidSettingException extends AgentCoreException {

    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * @param property the setting at fault, one of {@link PropertyNames}, e.g. {@code agentcore.maxLifetime}; the
     *     message names it and its POM parameter ({@code <maxLifetime>})
     * @param problem what is wrong with the value
     * @param fix what to do about it
     */
    public InvalidSettingException(String property, String problem, String fix) {
        super(Kind.FAILURE, "Invalid setting <" + PropertyNames.parameterOf(property) + "> (-D" + property + "): " + problem
                + ". Fix: " + fix + ".");
        this.property = property;
    }

    /** The POM parameter at fault. */
    public String parameter() {
        return PropertyNames.parameterOf(property);
    }

    /** The property of the setting at fault. */
    @Override
    public String setting() {
        return property;
    }
}
