package io.github.agentcore4j.maven.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the core logs, as "LEVEL message" lines, for assertions. Safe to log to from several threads (Jib does). */
public final class MemoryBuildLog implements BuildLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final boolean debugEnabled;

    public MemoryBuildLog() {
        this(true);
    }

    /** @param debugEnabled what {@link #isDebugEnabled()} answers, as Maven's log would without or with -X */
    public MemoryBuildLog(boolean debugEnabled) {
        this.debugEnabled = debugEnabled;
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return debugEnabled;
    }

    @Override
    public void progress(String task, double fraction) {
        lines.add("PROGRESS " + task + " " + fraction);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }

    /** Whether any line starts with {@code prefix}, e.g. {@code "WARN Could not"}. */
    public boolean contains(String prefix) {
        return lines.stream().anyMatch(line -> line.startsWith(prefix));
    }
}
