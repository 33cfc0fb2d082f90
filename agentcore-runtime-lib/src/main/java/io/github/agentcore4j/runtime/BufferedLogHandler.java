package io.github.agentcore4j.runtime;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Writes log lines, UTF-8, through a buffer instead of one write per line, which made standard output (a pipe in a
 * container) a bottleneck of every invocation. No line is lost for it: warnings and errors are flushed at once (they
 * explain a crash), other lines within {@link #FLUSH_DELAY_MILLIS}, and everything when the handler is closed, which
 * {@code java.util.logging} does on exit, also after SIGTERM.
 *
 * <p>Warmup's quiet records are formatted and encoded like any other, then dropped: so the JIT compiles the logging
 * path during warmup, and the first real invocation after the snapshot does not run it in the interpreter.
 */
final class BufferedLogHandler extends Handler {

    /** The longest a line waits in the buffer. */
    static final long FLUSH_DELAY_MILLIS = 50;
    private static final int BUFFER_BYTES = 8192;

    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "agentcore-log-flusher");
        thread.setDaemon(true);
        return thread;
    });

    private final OutputStream out;
    private boolean flushScheduled;

    BufferedLogHandler(OutputStream out, Formatter formatter) {
        this.out = new BufferedOutputStream(out, BUFFER_BYTES);
        setFormatter(formatter);
        setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        byte[] line;
        try {
            line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        if (!Warmup.quiet()) {
            write(line, record.getLevel().intValue() >= Level.WARNING.intValue());
        }
    }

    private synchronized void write(byte[] line, boolean flushNow) {
        try {
            out.write(line);
        } catch (IOException e) {
            reportError(null, e, ErrorManager.WRITE_FAILURE);
            return;
        }
        if (flushNow) {
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
        try {
            out.flush();
        } catch (IOException e) {
            reportError(null, e, ErrorManager.FLUSH_FAILURE);
        }
    }

    /** Flushes; the stream itself (standard output) stays open for whoever writes after the logging system. */
    @Override
    public synchronized void close() {
        flush();
    }
}
