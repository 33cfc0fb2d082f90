package io.github.agentcore4j.runtime;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cuts a read that outlasts its deadline: a request body not received in time, or the read-and-drop of a refused
 * body's rest ({@link Linger}). One sweep every
 * {@link #SWEEP_MILLIS} finds the overdue ones: a timer task per body instead woke the timer thread on nearly every
 * request (3.5 µs of CPU per invocation, and a context switch, on a busy echo agent).
 */
final class ReadDeadlines {

    /** How often overdue reads are looked for: a read is cut at most this long after its deadline. */
    static final long SWEEP_MILLIS = 500;

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);
    private static final Set<Watch> READING = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "agentcore-read-timeout");
        thread.setDaemon(true);
        return thread;
    });

    static {
        SWEEPER.scheduleWithFixedDelay(ReadDeadlines::cutOverdue, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private ReadDeadlines() {
    }

    /**
     * Starts watching a read of {@code call}'s body, cut by dropping the connection; close the watch when the read
     * ends, however it ends.
     */
    static Watch watch(HttpCall call, Duration timeout) {
        return watch(call::abort, timeout);
    }

    /** Starts watching a read that {@code cut} ends when overdue; once the watch is closed, {@code cut} never runs. */
    static Watch watch(Runnable cut, Duration timeout) {
        Watch watch = new Watch(cut, System.nanoTime() + timeout.toNanos());
        READING.add(watch);
        return watch;
    }

    private static void cutOverdue() {
        long now = System.nanoTime();
        for (Watch watch : READING) {
            if (now - watch.deadline >= 0 && READING.remove(watch)) {
                try {
                    watch.cut();
                } catch (RuntimeException e) {
                    // The sweep must go on for the other reads (a failed periodic task is never run again).
                    LOG.log(Level.FINE, "Could not cut an overdue read", e);
                }
            }
        }
    }

    /** One body read under watch. */
    static final class Watch implements AutoCloseable {

        private final Runnable cutAction;
        private final long deadline;
        private boolean cut;
        private boolean closed;

        private Watch(Runnable cutAction, long deadline) {
            this.cutAction = cutAction;
            this.deadline = deadline;
        }

        /** Locked with {@link #close()}: a cut that interrupts the reading thread must not land after the read. */
        private synchronized void cut() {
            if (!closed) {
                cut = true;
                cutAction.run();
            }
        }

        /** Whether the read was cut for being overdue. */
        synchronized boolean wasCut() {
            return cut;
        }

        @Override
        public synchronized void close() {
            closed = true;
            READING.remove(this);
        }
    }
}
