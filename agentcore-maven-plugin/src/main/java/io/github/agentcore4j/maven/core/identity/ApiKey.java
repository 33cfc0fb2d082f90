package io.github.agentcore4j.maven.core.identity;

import java.util.Objects;

/**
 * An API key read from where the POM points (an environment variable or a {@code settings.xml} server password), with
 * where it came from. Its {@link #toString()} never shows the key, so no log line or exception message can print it.
 */
public final class ApiKey {

    private final String value;
    private final String origin;

    ApiKey(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = origin;
    }

    /** The key itself, only for the request that stores it in the token vault. */
    String value() {
        return value;
    }

    /** Where the key came from, e.g. {@code environment variable OPENAI_API_KEY}, for log lines. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "API key from " + origin + " (not shown)";
    }
}
