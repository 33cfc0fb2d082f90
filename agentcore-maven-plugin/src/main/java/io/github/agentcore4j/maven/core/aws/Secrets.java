package io.github.agentcore4j.maven.core.aws;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Keeps secrets out of logs: tokens are masked, and values of sensitive-looking variables are never shown. */
public final class Secrets {

    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            ".*(SECRET|TOKEN|PASSWORD|PASSWD|PWD|API_?KEY|ACCESS_?KEY|PRIVATE|CREDENTIAL|AUTH).*");
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

    /** Whether a variable's name says its value is a secret, e.g. {@code OPENAI_API_KEY}, {@code DB_PASSWORD}. */
    public static boolean isSensitiveName(String name) {
        return SENSITIVE_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches();
    }

    /** Environment variables for a log line: {@code NAME=value}, with sensitive values masked. */
    public static String describe(Map<String, String> environment) {
        return environment.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (isSensitiveName(entry.getKey()) ? MASK : entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
