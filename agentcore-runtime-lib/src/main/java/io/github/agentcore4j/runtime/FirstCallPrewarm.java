package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Does, on threads of their own while the agent starts, one-time set-up that start-up or the first call would
 * otherwise wait for: loading the JDK server's classes and building the JSON library's reader and writer (both begun
 * as soon as the app is created, while the main thread registers the agent and sets up logging), and the formatter of
 * the JDK server's {@code Date} header, whose first use loads locale data (begun as that server starts). Start-up keeps
 * one core busy; this work runs on the other, so a new session's first answer comes sooner for about the same CPU. It
 * builds only what start-up or the first call would have built, opens nothing that outlives it, and keeps nothing a
 * session must not share after a snapshot (no id, no time).
 */
final class FirstCallPrewarm extends Thread {

    /** The pattern of the JDK server's {@code Date} header ({@code sun.net.httpserver.ExchangeImpl}). */
    private static final String DATE_HEADER_PATTERN = "EEE, dd MMM yyyy HH:mm:ss zzz";

    /** What one prewarm thread prepares. */
    private enum Part { JSON, JDK_SERVER, JDK_DATE_HEADER }

    private final Part part;

    private FirstCallPrewarm(String name, Part part) {
        super(name);
        this.part = part;
        setDaemon(true);
    }

    /** Builds the JSON reader and writer: a small document read from bytes, a small map written. */
    static void json() {
        new FirstCallPrewarm("agentcore-prewarm-json", Part.JSON).start();
    }

    /** Loads the JDK server's classes (see {@link JdkEngine#prepare()}) unless Jetty was chosen. */
    static void jdkServer() {
        new FirstCallPrewarm("agentcore-prewarm-server", Part.JDK_SERVER).start();
    }

    /** Builds the JDK server's {@code Date} header formatter, with the locale data it loads. */
    static void jdkDateHeader() {
        new FirstCallPrewarm("agentcore-prewarm-date", Part.JDK_DATE_HEADER).start();
    }

    @Override
    public void run() {
        try {
            switch (part) {
                case JSON -> {
                    Json.read("{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8), Map.class);
                    Json.writeMap(Map.of("response", "hi"));
                }
                case JDK_SERVER -> {
                    if (!ServerEngine.jettyChosen(System::getProperty, System::getenv)) {
                        JdkEngine.prepare();
                    }
                }
                case JDK_DATE_HEADER -> DateTimeFormatter.ofPattern(DATE_HEADER_PATTERN, Locale.US)
                        .withZone(ZoneId.of("GMT")).format(Instant.now());
            }
        } catch (IOException | RuntimeException e) {
            // Only a head start: the first call does the same work and reports whatever fails.
        }
    }
}
