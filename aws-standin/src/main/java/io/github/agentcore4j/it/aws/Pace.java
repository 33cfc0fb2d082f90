package io.github.agentcore4j.it.aws;

import java.time.Duration;

/**
 * How long the stand-in's AgentCore takes, in {@linkplain StandInClock stand-in time}, for what AWS does
 * asynchronously. All zero by default (a change settles at its next read, as before). Reads still count as well:
 * {@link Faults#slowReady} holds a transition for a number of reads whatever the time.
 */
public final class Pace {

    private Duration v2Version = Duration.ZERO;
    private Duration defaultEndpointLag = Duration.ZERO;
    private Duration deletion = Duration.ZERO;
    private Duration memoryCreation = Duration.ZERO;
    private Duration memoryExtraction = Duration.ZERO;

    /** A runtime version on platform V2 stays CREATING/UPDATING this long (AWS: minutes, the snapshot is prepared). */
    public synchronized Pace v2Version(Duration duration) {
        v2Version = duration;
        return this;
    }

    /**
     * The DEFAULT endpoint keeps serving the previous version (status UPDATING, {@code targetVersion} the new one) this
     * long after a new version is READY.
     */
    public synchronized Pace defaultEndpointLag(Duration duration) {
        defaultEndpointLag = duration;
        return this;
    }

    /** A deleted runtime, endpoint or memory reads as DELETING this long before it is gone. */
    public synchronized Pace deletion(Duration duration) {
        deletion = duration;
        return this;
    }

    /** A new memory (or a strategy added to one) stays CREATING this long (AWS: a few minutes). */
    public synchronized Pace memoryCreation(Duration duration) {
        memoryCreation = duration;
        return this;
    }

    /**
     * Long-term memory records appear this long after the event they are extracted from (AWS extracts them
     * asynchronously, in about a minute).
     */
    public synchronized Pace memoryExtraction(Duration duration) {
        memoryExtraction = duration;
        return this;
    }

    synchronized Duration memoryCreation() {
        return memoryCreation;
    }

    synchronized Duration memoryExtraction() {
        return memoryExtraction;
    }

    synchronized Duration v2Version() {
        return v2Version;
    }

    synchronized Duration defaultEndpointLag() {
        return defaultEndpointLag;
    }

    synchronized Duration deletion() {
        return deletion;
    }
}
