package io.github.agentcore4j.maven.core.config;

/**
 * One entry of {@code allowedPorts}: a single port when {@code from == to}, else a range.
 *
 * @param from the first port
 * @param to the last port
 */
public record PortRange(int from, int to) {

    public boolean isSinglePort() {
        return from == to;
    }

    @Override
    public String toString() {
        return isSinglePort() ? Integer.toString(from) : from + "-" + to;
    }
}
