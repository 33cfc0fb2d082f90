package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import java.time.Duration;

/**
 * One wait for an AWS resource with a deadline: pauses grow from 250 ms to 5 s, and a progress line (with the state)
 * goes to the log every 10 s, so that a wait of minutes (a V2 runtime, a memory) shows it is alive.
 */
public final class DeadlineWait {

    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final Duration timeout;
    private final BuildLog log;
    private final String timeoutHint;
    private final long start = System.nanoTime();
    private final long deadline;
    private long lastProgress;
    private Duration pause = FIRST_POLL;

    /**
     * @param timeoutHint what the failure after {@code timeout} tells the user to do, e.g. how to wait longer
     */
    public DeadlineWait(Duration timeout, BuildLog log, String timeoutHint) {
        this.timeout = timeout;
        this.log = log;
        this.timeoutHint = timeoutHint;
        this.deadline = start + timeout.toNanos();
        this.lastProgress = start;
    }

    /**
     * Sleeps before the next look, reporting {@code state} every 10 s.
     *
     * @throws DeployFailedException with {@code state} and the hint once the deadline has passed
     */
    public void pause(String state) throws InterruptedException {
        long now = System.nanoTime();
        long left = deadline - now;
        if (left <= 0) {
            throw new DeployFailedException(state + " after " + timeout.toSeconds() + " s. " + timeoutHint);
        }
        if (now - lastProgress >= PROGRESS_EVERY.toNanos()) {
            lastProgress = now;
            log.info(state + " (" + Duration.ofNanos(now - start).toSeconds() + " s)");
        } else {
            log.debug(state + "; checking again in " + pause.toMillis() + " ms");
        }
        Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
        Duration next = pause.multipliedBy(2);
        pause = next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
    }
}
