package io.github.agentcore4j.runtime;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The limits that keep an agent alive under any legal load, each set by a system property or, in a container, an
 * environment variable (the property wins). See the Reliability page of the site.
 */
final class ServerLimits {

    /** Request body bytes all requests together may hold in memory; beyond it, requests get 503 and Retry-After. */
    static final String BODY_BUDGET_PROPERTY = "agentcore.bodyBudgetBytes";
    static final String BODY_BUDGET_VARIABLE = "AGENTCORE_BODY_BUDGET_BYTES";
    /** Seconds a caller has to send a whole request, head and body; then the connection is closed. */
    static final String READ_TIMEOUT_PROPERTY = "agentcore.requestReadTimeout";
    static final String READ_TIMEOUT_VARIABLE = "AGENTCORE_REQUEST_READ_TIMEOUT";
    /** 100 MB at about 400 KB/s: generous for a slow uplink, short enough to free a stalled caller's thread. */
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);
    /**
     * Peak heap per request body byte while a JSON body is read and bound (the bytes, then the parser's text buffers
     * and the resulting strings), measured with 90 MB bodies; see the Reliability page.
     */
    static final int HEAP_PER_BODY_BYTE = 5;
    /** Bodies may use this share of the heap; the rest stays for the agent's own work. */
    private static final double BODY_SHARE_OF_HEAP = 0.75;

    private ServerLimits() {
    }

    static long bodyBudgetBytes() {
        return bodyBudgetBytes(System::getProperty, System::getenv, Runtime.getRuntime().maxMemory());
    }

    static long bodyBudgetBytes(UnaryOperator<String> properties, UnaryOperator<String> environment, long maxHeap) {
        long fallback = (long) (maxHeap * BODY_SHARE_OF_HEAP / HEAP_PER_BODY_BYTE);
        return positive(BODY_BUDGET_PROPERTY, BODY_BUDGET_VARIABLE, properties, environment, fallback);
    }

    static Duration readTimeout() {
        return Duration.ofSeconds(positive(READ_TIMEOUT_PROPERTY, READ_TIMEOUT_VARIABLE, System::getProperty,
                System::getenv, DEFAULT_READ_TIMEOUT.toSeconds()));
    }

    private static long positive(String property, String variable, UnaryOperator<String> properties,
            UnaryOperator<String> environment, long fallback) {
        String fromProperty = properties.apply(property);
        String value = fromProperty != null ? fromProperty : environment.apply(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String setting = fromProperty != null ? "-D" + property : "the environment variable " + variable;
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below with the setting's name.
        }
        throw new IllegalArgumentException(setting + " is '" + value + "': it must be a positive whole number; "
                + "remove it to use the default (" + fallback + ")");
    }
}
