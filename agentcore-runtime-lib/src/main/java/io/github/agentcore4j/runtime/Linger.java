package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Reads and drops what a caller still sends of a refused request body, once its answer is out and before its
 * connection closes. Closing a socket while the caller's bytes still arrive makes the kernel reset it, and a reset
 * throws away the answer the caller has not read yet: without this, about one caller in seven that sent a body over
 * the limit saw a reset instead of its 413. Bounded in time, as Apache's lingering close is, so a caller that stalls
 * holds a thread for {@link #MAX_TIME} at most.
 */
final class Linger {

    /** How long a refused caller may keep sending before its connection is closed anyway. */
    static final Duration MAX_TIME = Duration.ofSeconds(2);

    private Linger() {
    }

    /**
     * Reads {@code body} to its end, the caller's close or {@link #MAX_TIME} (then the read is cut by interrupting
     * this thread, which closes a blocked socket channel), whichever comes first; never throws.
     */
    static void dropRest(InputStream body) {
        try (ReadDeadlines.Watch watch = ReadDeadlines.watch(Thread.currentThread()::interrupt, MAX_TIME)) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // The caller closed, or the linger was cut: the connection is closed next either way.
        } finally {
            // A cut's interrupt is for this read only, never for the thread's next request.
            Thread.interrupted();
        }
    }
}
