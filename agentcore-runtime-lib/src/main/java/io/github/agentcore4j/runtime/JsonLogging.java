package io.github.agentcore4j.runtime;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Routes {@code java.util.logging}, and so the agent's own logging through it (or SLF4J with {@code slf4j-jdk14}),
 * to JSON lines on standard output. Left alone when the application configures logging itself.
 */
final class JsonLogging {

    static final String FORMAT_PROPERTY = "agentcore.log.format";

    private static boolean installed;

    private JsonLogging() {
    }

    static synchronized void install() {
        if (installed || applicationConfiguresLogging() || "text".equalsIgnoreCase(System.getProperty(FORMAT_PROPERTY))) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new BufferedLogHandler(System.out, new JsonLogFormatter()));
        root.setLevel(Level.INFO);
        installed = true;
    }

    private static boolean applicationConfiguresLogging() {
        return System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null;
    }
}
