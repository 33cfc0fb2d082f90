package io.github.agentcore4j.maven.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the core logs, as "LEVEL message" lines, for assertions. */
public final class MemoryBuildLog implements BuildLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();

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
        return true;
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
}
