package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.BuildLog;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/**
 * Adapts the core's {@link BuildLog} to Maven's {@link Log}. Progress becomes plain INFO lines, at most one every
 * two seconds plus the final 100%, so CI logs stay readable.
 */
final class MojoBuildLog implements BuildLog {

    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private final Log log;
    private final LongSupplier nanoClock;
    private long lastProgressAt;
    private boolean progressReported;

    MojoBuildLog(Log log) {
        this(log, System::nanoTime);
    }

    MojoBuildLog(Log log, LongSupplier nanoClock) {
        this.log = log;
        this.nanoClock = nanoClock;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public synchronized void progress(String task, double fraction) {
        long now = nanoClock.getAsLong();
        boolean done = fraction >= 1.0;
        if (!done && progressReported && now - lastProgressAt < PROGRESS_INTERVAL.toNanos()) {
            return;
        }
        lastProgressAt = now;
        progressReported = !done;
        log.info(String.format("%s: %d%%", task, Math.round(Math.min(1.0, Math.max(0.0, fraction)) * 100)));
    }
}
