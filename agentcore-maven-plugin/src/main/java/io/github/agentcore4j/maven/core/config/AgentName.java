package io.github.agentcore4j.maven.core.config;

import java.util.regex.Pattern;

/**
 * The agent runtime name: what AgentCore Runtime accepts ({@code [a-zA-Z][a-zA-Z0-9_]{0,47}}) and the key of the agent
 * in {@code .bedrock_agentcore.yaml}.
 *
 * @param value the valid name
 * @param derivedFrom the artifactId the name was converted from, or {@code null} when the user gave the name
 */
public record AgentName(String value, String derivedFrom) {

    public static final Pattern VALID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");
    private static final Pattern STARTS_WITH_LETTER = Pattern.compile("[a-zA-Z]");
    private static final int MAX_LENGTH = 48;
    private static final String PREFIX_FOR_NON_LETTER_START = "agent_";

    /**
     * The name the user configured, or, when there is none, the artifactId converted into a valid name.
     *
     * @throws InvalidSettingException when the configured name is not valid, suggesting the converted one
     */
    public static AgentName resolve(String configured, String artifactId) {
        if (configured == null || configured.isBlank()) {
            return new AgentName(convert(artifactId), artifactId);
        }
        if (!VALID.matcher(configured).matches()) {
            throw new InvalidSettingException(PropertyNames.AGENT_NAME,
                    "'" + configured + "' is not a valid agent runtime name "
                    + "(a letter, then up to 47 letters, digits or underscores)", "use '" + convert(configured) + "'");
        }
        return new AgentName(configured, null);
    }

    /** Turns any text, typically an artifactId such as {@code my-agent}, into a valid name such as {@code my_agent}. */
    public static String convert(String text) {
        String replaced = text.replaceAll("[^a-zA-Z0-9_]", "_");
        String started = STARTS_WITH_LETTER.matcher(replaced).lookingAt()
                ? replaced
                : PREFIX_FOR_NON_LETTER_START + replaced;
        return started.length() > MAX_LENGTH ? started.substring(0, MAX_LENGTH) : started;
    }

    /** Whether the name differs from the artifactId it came from, so the user should be told. */
    public boolean wasConverted() {
        return derivedFrom != null && !derivedFrom.equals(value);
    }
}
