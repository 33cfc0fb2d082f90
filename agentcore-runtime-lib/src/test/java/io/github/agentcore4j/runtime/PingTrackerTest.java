package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PingTrackerTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final PingTracker tracker = new PingTracker(clock);
    private final long start = clock.instant().getEpochSecond();

    @Test
    void theTimeOfLastUpdateMovesOnlyWhenTheStatusChanges() {
        assertEquals(new PingTracker.Snapshot(PingStatus.HEALTHY, start), tracker.snapshot());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(new PingTracker.Snapshot(PingStatus.HEALTHY, start), tracker.snapshot());

        long task = tracker.addTask("job", null);
        assertEquals(new PingTracker.Snapshot(PingStatus.HEALTHY_BUSY, start + 300), tracker.snapshot());
        clock.advance(Duration.ofSeconds(7));
        assertEquals(new PingTracker.Snapshot(PingStatus.HEALTHY_BUSY, start + 300), tracker.snapshot());

        assertTrue(tracker.completeTask(task));
        assertFalse(tracker.completeTask(task), "a task completes once");
        assertEquals(new PingTracker.Snapshot(PingStatus.HEALTHY, start + 307), tracker.snapshot());
    }

    @Test
    void aForcedStatusWinsOverTheCustomHandlerWhichWinsOverTasks() {
        tracker.addTask("job", null);
        tracker.custom(() -> PingStatus.HEALTHY);
        assertEquals(PingStatus.HEALTHY, tracker.snapshot().status());

        tracker.force(PingStatus.HEALTHY_BUSY);
        assertEquals(PingStatus.HEALTHY_BUSY, tracker.snapshot().status());

        tracker.clearForced();
        assertEquals(PingStatus.HEALTHY, tracker.snapshot().status());
    }

    @Test
    void aFailingOrSilentCustomHandlerFallsBackToTheAutomaticStatus() {
        tracker.addTask("job", null);
        tracker.custom(() -> {
            throw new IllegalStateException("broken health check");
        });
        assertEquals(PingStatus.HEALTHY_BUSY, tracker.snapshot().status());

        tracker.custom(() -> null);
        assertEquals(PingStatus.HEALTHY_BUSY, tracker.snapshot().status());
    }

    @Test
    void describesRunningTasksAsThePythonSdkDoes() {
        tracker.addTask("indexing", Map.of("files", 3));
        clock.advance(Duration.ofMillis(2500));

        Map<String, Object> info = tracker.taskInfo();

        assertEquals(1, info.get("active_count"));
        assertEquals(List.of(Map.of("name", "indexing", "duration", 2.5, "metadata", Map.of("files", 3))),
                info.get("running_jobs"));
    }

    @Test
    void writesTheWireFormat() {
        assertEquals("{\"status\":\"HealthyBusy\",\"time_of_last_update\":1767225600}",
                new String(new PingTracker.Snapshot(PingStatus.HEALTHY_BUSY, 1767225600L).toJson(),
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theFirstSessionDatesTheStatusAfreshNotTheStartUpASnapshotCaptured() {
        ManualClock clock = new ManualClock();
        PingTracker tracker = new PingTracker(clock);
        long startedAt = tracker.snapshot().lastChangeEpochSeconds();
        clock.advance(Duration.ofDays(3));
        assertEquals(startedAt, tracker.snapshot().lastChangeEpochSeconds(), "no change, no new date");

        tracker.sessionStarted();

        assertEquals(startedAt + Duration.ofDays(3).toSeconds(), tracker.snapshot().lastChangeEpochSeconds());
        assertEquals(PingStatus.HEALTHY, tracker.snapshot().status());
    }
}
