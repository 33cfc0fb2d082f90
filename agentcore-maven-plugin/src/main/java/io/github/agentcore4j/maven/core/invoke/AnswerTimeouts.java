package io.github.agentcore4j.maven.core.invoke;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.Abortable;

/**
 * How long invoke waits for an answer: for each next part of it ({@code idle}, so a stream that stalls after one
 * event ends), and for all of it ({@code overall}). A request timeout alone covers only the response headers.
 *
 * @param idle the longest wait for the next bytes of the answer
 * @param overall the longest wait for the whole answer, from the request on
 */
public record AnswerTimeouts(Duration idle, Duration overall) {

    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "agentcore-invoke-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    /** Both in seconds, as the settings give them; each must be positive. */
    public static AnswerTimeouts ofSeconds(int idle, int overall) {
        return new AnswerTimeouts(positive(PropertyNames.INVOKE_IDLE_TIMEOUT, idle),
                positive(PropertyNames.INVOKE_TIMEOUT, overall));
    }

    private static Duration positive(String property, int seconds) {
        if (seconds <= 0) {
            throw new InvalidSettingException(property, "it must be a positive number of seconds, not "
                    + seconds, "set a number of seconds such as 60, or remove it for the default");
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * The answer's body, failing with {@link InvocationFailedException} (naming the setting to raise) once either
     * timeout passes; read it on the current thread, which is interrupted to stop a blocked read.
     *
     * @param startedNanos when the request was sent, from {@link System#nanoTime()}
     */
    InputStream watch(InputStream body, long startedNanos) {
        return new WatchedBody(body, startedNanos, Thread.currentThread());
    }

    private final class WatchedBody extends FilterInputStream {

        private final long started;
        private final Thread reader;
        private final ScheduledFuture<?> check;
        private volatile long lastProgress = System.nanoTime();
        private volatile String expired;

        WatchedBody(InputStream body, long started, Thread reader) {
            super(body);
            this.started = started;
            this.reader = reader;
            long period = Math.max(50, Math.min(1000, Math.min(idle.toMillis(), overall.toMillis()) / 10));
            this.check = WATCH.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
        }

        private void check() {
            long now = System.nanoTime();
            if (now - started > overall.toNanos()) {
                expire("The whole answer took longer than " + overall.toSeconds() + " s. Fix: raise -D"
                        + PropertyNames.INVOKE_TIMEOUT + "=<seconds> (the time allowed for the whole answer)");
            } else if (now - lastProgress > idle.toNanos()) {
                expire("The agent sent nothing for " + idle.toSeconds() + " s in the middle of its answer. Fix: "
                        + "raise -D" + PropertyNames.INVOKE_IDLE_TIMEOUT + "=<seconds> if it needs longer between "
                        + "parts, or look in "
                        + "the agent's log for why it stalled");
            }
        }

        private void expire(String why) {
            if (expired != null) {
                return;
            }
            expired = why;
            check.cancel(false);
            reader.interrupt();
            try {
                // The SDK's stream would read the rest to reuse the connection on close; abort drops it at once.
                if (in instanceof Abortable sdkStream) {
                    sdkStream.abort();
                } else {
                    in.close();
                }
            } catch (IOException | RuntimeException ignored) {
                // The read it was meant to stop fails either way.
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int read = in.read(buffer, offset, length);
                lastProgress = System.nanoTime();
                return read;
            } catch (IOException | RuntimeException e) {
                if (expired != null) {
                    throw timedOut();
                }
                throw e;
            }
        }

        private InvocationFailedException timedOut() {
            Thread.interrupted(); // the interrupt only stopped the read; the build goes on to report the failure
            return new InvocationFailedException(expired);
        }

        @Override
        public void close() throws IOException {
            check.cancel(false);
            try {
                in.close();
            } finally {
                if (expired != null) {
                    Thread.interrupted();
                }
            }
        }
    }
}
