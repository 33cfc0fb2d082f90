package io.github.agentcore4j.it.aws;

import java.time.Duration;
import java.time.Instant;

/**
 * The stand-in's time: the real clock plus whatever a test has {@linkplain #advance advanced} it by, so a test can
 * let the minutes a V2 version takes to create pass without waiting for them.
 */
public final class StandInClock {

    private Duration offset = Duration.ZERO;

    public synchronized Instant now() {
        return Instant.now().plus(offset);
    }

    /** Moves the stand-in's time forward: transitions due by then settle at their next read. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Time only moves forward: " + duration);
        }
        offset = offset.plus(duration);
    }
}
