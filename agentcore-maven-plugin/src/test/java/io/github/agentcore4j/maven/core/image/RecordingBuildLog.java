package io.github.agentcore4j.maven.core.image;

import io.github.agentcore4j.maven.core.BuildLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what the core logged, one "LEVEL message" line per call. Jib logs from several threads. */
final class RecordingBuildLog implements BuildLog {

    final List<String> lines = new CopyOnWriteArrayList<>();
    private final boolean debugEnabled;

    RecordingBuildLog(boolean debugEnabled) {
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

    boolean contains(String prefix) {
        return lines.stream().anyMatch(line -> line.startsWith(prefix));
    }
}
