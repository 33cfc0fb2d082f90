package io.github.agentcore4j.runtime;

import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * Writes log lines through a buffer instead of one write per line, which made standard output (a pipe in a container)
 * a bottleneck of every invocation. No line is lost for it: warnings and errors are
 * flushed at once (they explain a crash), other lines within {@link #FLUSH_DELAY_MILLIS}, and everything when the
 * handler is closed, which {@code java.util.logging} does on exit, also after SIGTERM.
 */
final class BufferedLogHandler extends StreamHandler {

    /** The longest a line waits in the buffer. */
    static final long FLUSH_DELAY_MILLIS = 50;

    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "agentcore-log-flusher");
        thread.setDaemon(true);
        return thread;
    });

    private boolean flushScheduled;

    BufferedLogHandler(OutputStream out, Formatter formatter) {
        super(out, formatter);
        setLevel(Level.ALL);
        try {
            setEncoding("UTF-8");
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        return super.isLoggable(record) && !Warmup.quiet();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            FLUSHER.schedule(this::scheduledFlush, FLUSH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void scheduledFlush() {
        flushScheduled = false;
        flush();
    }

    @Override
    public synchronized void flush() {
        super.flush();
    }

    /** Flushes; the stream itself (standard output) stays open for whoever writes after the logging system. */
    @Override
    public synchronized void close() {
        flush();
    }
}
