package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Does, on a second thread while the server starts, the one-time set-up that the first call would otherwise wait for:
 * loading and building the JSON library (a small document read from bytes and a small map written) and, on the JDK's
 * server, the formatter of its {@code Date} header, whose first use loads locale data. Start-up keeps one core busy;
 * this work runs on the other one, so a new session's first answer comes sooner for the same CPU. It builds only what
 * the first call would have built, and keeps nothing a session must not share after a snapshot (no id, no time).
 */
final class FirstCallPrewarm extends Thread {

    private static final byte[] PAYLOAD = "{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
    /** The pattern of the JDK server's {@code Date} header ({@code sun.net.httpserver.ExchangeImpl}). */
    private static final String DATE_HEADER_PATTERN = "EEE, dd MMM yyyy HH:mm:ss zzz";

    private final boolean jdkServer;

    private FirstCallPrewarm(boolean jdkServer) {
        super("agentcore-prewarm");
        this.jdkServer = jdkServer;
        setDaemon(true);
    }

    /** @param jdkServer whether the JDK's HTTP server answers (its Date header formatter is warmed too) */
    static void begin(boolean jdkServer) {
        new FirstCallPrewarm(jdkServer).start();
    }

    @Override
    public void run() {
        try {
            Json.read(PAYLOAD.clone(), Map.class);
            Json.writeMap(Map.of("response", "hi"));
            if (jdkServer) {
                DateTimeFormatter.ofPattern(DATE_HEADER_PATTERN, Locale.US).withZone(ZoneId.of("GMT"))
                        .format(Instant.now());
            }
        } catch (IOException | RuntimeException e) {
            // Only a head start: the first call does the same work and reports whatever fails.
        }
    }
}
