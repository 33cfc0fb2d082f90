package io.github.agentcore4j.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

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
        root.addHandler(new FlushingHandler(System.out));
        root.setLevel(Level.INFO);
        installed = true;
    }

    private static boolean applicationConfiguresLogging() {
        return System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null;
    }

    /** Every record is flushed at once, so a crash never loses the lines that explain it. */
    private static final class FlushingHandler extends StreamHandler {

        FlushingHandler(PrintStream out) {
            super((OutputStream) out, new JsonLogFormatter());
            setLevel(Level.ALL);
            try {
                setEncoding("UTF-8");
            } catch (java.io.UnsupportedEncodingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            return super.isLoggable(record) && !Warmup.quietens(Thread.currentThread());
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            flush();
        }
    }
}
