package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Does, on a thread of its own while the agent starts, one-time set-up that the first call would otherwise wait for:
 * building the JSON library's reader and writer (begun as soon as the app is created), and the formatter of the JDK
 * server's {@code Date} header, whose first use loads locale data (begun as that server starts). Start-up keeps one
 * core busy; this work runs on the other, so a new session's first answer comes sooner for about the same CPU. It
 * builds only what the first call would have built, and keeps nothing a session must not share after a snapshot (no
 * id, no time).
 */
final class FirstCallPrewarm extends Thread {

    /** The pattern of the JDK server's {@code Date} header ({@code sun.net.httpserver.ExchangeImpl}). */
    private static final String DATE_HEADER_PATTERN = "EEE, dd MMM yyyy HH:mm:ss zzz";

    private final boolean dateHeader;

    private FirstCallPrewarm(String name, boolean dateHeader) {
        super(name);
        this.dateHeader = dateHeader;
        setDaemon(true);
    }

    /** Builds the JSON reader and writer: a small document read from bytes, a small map written. */
    static void json() {
        new FirstCallPrewarm("agentcore-prewarm-json", false).start();
    }

    /** Builds the JDK server's {@code Date} header formatter, with the locale data it loads. */
    static void jdkDateHeader() {
        new FirstCallPrewarm("agentcore-prewarm-date", true).start();
    }

    @Override
    public void run() {
        try {
            if (dateHeader) {
                DateTimeFormatter.ofPattern(DATE_HEADER_PATTERN, Locale.US).withZone(ZoneId.of("GMT"))
                        .format(Instant.now());
            } else {
                Json.read("{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8), Map.class);
                Json.writeMap(Map.of("response", "hi"));
            }
        } catch (IOException | RuntimeException e) {
            // Only a head start: the first call does the same work and reports whatever fails.
        }
    }
}
