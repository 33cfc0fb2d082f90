package io.github.agentcore4j.maven.core.local;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines a process printed, to explain why it failed. */
final class OutputTail {

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    OutputTail(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** The lines, indented, or a note that there were none. */
    synchronized String describe() {
        if (lines.isEmpty()) {
            return "  (no output)";
        }
        return "  " + String.join(System.lineSeparator() + "  ", lines);
    }
}
