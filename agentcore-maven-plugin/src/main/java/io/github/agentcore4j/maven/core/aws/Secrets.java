package io.github.agentcore4j.maven.core.aws;

import java.util.Map;

/** Keeps secrets out of logs: tokens are masked, and environment values are never shown. */
public final class Secrets {

    private static final String MASK = "****";
    private static final int SHOWN_PREFIX = 4;
    private static final int MIN_LENGTH_TO_SHOW_PREFIX = 16;

    private Secrets() {
    }

    /**
     * A token as it may be logged: its first four characters (enough to tell two tokens apart, too few to use one)
     * when it is long, else nothing.
     */
    public static String mask(String token) {
        if (token == null || token.length() < MIN_LENGTH_TO_SHOW_PREFIX) {
            return MASK;
        }
        return token.substring(0, SHOWN_PREFIX) + MASK;
    }

    /**
     * Environment variables for a log line: their names only. No rule on names tells secrets apart ({@code JWT},
     * {@code PASSPHRASE}, {@code DB_URL=postgres://app:pw@...}), so no value is shown.
     */
    public static String describe(Map<String, String> environment) {
        return String.join(", ", environment.keySet()) + " (values not shown)";
    }
}
