package io.github.agentcore4j.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides what {@code /ping} says: a forced status, else the custom ping handler's, else {@code HealthyBusy} while any
 * tracked task runs. It remembers when the status last changed, because AgentCore's idle reaper reads that time: a
 * time that moved on every ping would keep idle sessions alive until their maximum lifetime.
 */
final class PingTracker {

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);

    private final Clock clock;
    private final Map<Long, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicLong taskIds = new AtomicLong();
    private volatile PingStatus forced;
    private volatile Supplier<PingStatus> custom;
    private PingStatus lastStatus = PingStatus.HEALTHY;
    private long lastChangeEpochSeconds;

    PingTracker(Clock clock) {
        this.clock = clock;
        this.lastChangeEpochSeconds = clock.instant().getEpochSecond();
    }

    void force(PingStatus status) {
        forced = status;
    }

    void clearForced() {
        forced = null;
    }

    void custom(Supplier<PingStatus> supplier) {
        custom = supplier;
    }

    long addTask(String name, Map<String, ?> metadata) {
        long id = taskIds.incrementAndGet();
        tasks.put(id, new Task(name, clock.instant(), metadata == null ? Map.of() : Map.copyOf(metadata)));
        LOG.fine(() -> "Async task started: " + name + " (id " + id + ")");
        return id;
    }

    boolean completeTask(long id) {
        Task task = tasks.remove(id);
        if (task == null) {
            LOG.warning(() -> "Async task " + id + " was not running");
            return false;
        }
        LOG.fine(() -> "Async task completed: " + task.name + " (id " + id + ")");
        return true;
    }

    /**
     * Dates the status from now: called when the first session reaches the process. On AgentCore Runtime V2 the
     * process was started (and the status dated) when the snapshot was taken, possibly days before this session, and
     * the platform's idle reaper reads that date.
     */
    synchronized void sessionStarted() {
        lastChangeEpochSeconds = clock.instant().getEpochSecond();
    }

    /** The status and the epoch second it last changed, consistent with each other. */
    synchronized Snapshot snapshot() {
        PingStatus status = currentStatus();
        if (status != lastStatus) {
            lastStatus = status;
            lastChangeEpochSeconds = clock.instant().getEpochSecond();
        }
        return new Snapshot(status, lastChangeEpochSeconds);
    }

    Map<String, Object> taskInfo() {
        Instant now = clock.instant();
        List<Map<String, Object>> running = new ArrayList<>();
        for (Task task : tasks.values()) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("name", task.name);
            job.put("duration", (now.toEpochMilli() - task.started.toEpochMilli()) / 1000.0);
            if (!task.metadata.isEmpty()) {
                job.put("metadata", task.metadata);
            }
            running.add(job);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("active_count", running.size());
        info.put("running_jobs", running);
        return info;
    }

    private PingStatus currentStatus() {
        PingStatus forcedNow = forced;
        if (forcedNow != null) {
            return forcedNow;
        }
        Supplier<PingStatus> customNow = custom;
        if (customNow != null) {
            try {
                PingStatus status = customNow.get();
                if (status != null) {
                    return status;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Custom ping handler failed; reporting the automatic status", e);
            }
        }
        return tasks.isEmpty() ? PingStatus.HEALTHY : PingStatus.HEALTHY_BUSY;
    }

    record Snapshot(PingStatus status, long lastChangeEpochSeconds) {

        byte[] toJson() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status.wireValue());
            body.put("time_of_last_update", lastChangeEpochSeconds);
            return Json.writeMap(body);
        }
    }

    private record Task(String name, Instant started, Map<String, ?> metadata) {
    }
}
