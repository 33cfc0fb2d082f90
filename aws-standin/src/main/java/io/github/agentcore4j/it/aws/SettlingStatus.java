package io.github.agentcore4j.it.aws;

import java.time.Instant;

/**
 * The one place where an AgentCore status moves on its own, for runtime versions and endpoints alike: a change
 * (CREATING or UPDATING) settles at a status read once it has been read as often as {@link Faults#slowReady} said and
 * its time ({@link Pace}) has come, to READY or, when a failure was injected, to the matching {@code *_FAILED}.
 */
final class SettlingStatus {

    private ResourceStatus status;
    private int readsLeft;
    private Instant settlesAt;
    private String pendingFailure;
    private String failureReason;
    private Instant readyAt;

    private SettlingStatus(ResourceStatus status, int readsLeft, Instant settlesAt, String pendingFailure) {
        this.status = status;
        this.readsLeft = readsLeft;
        this.settlesAt = settlesAt;
        this.pendingFailure = pendingFailure;
    }

    /** A change that settles after {@code reads} reads, not before {@code settlesAt}, failing if {@code failure}. */
    static SettlingStatus change(ResourceStatus change, int reads, Instant settlesAt, String failure) {
        return new SettlingStatus(change, reads, settlesAt, failure);
    }

    /** A resource READY since {@code at}. */
    static SettlingStatus ready(Instant at) {
        SettlingStatus ready = new SettlingStatus(ResourceStatus.READY, 0, at, null);
        ready.readyAt = at;
        return ready;
    }

    /** Starts another change (an endpoint pointed at another version), which cannot fail. */
    void restart(ResourceStatus change, int reads, Instant now) {
        status = change;
        readsLeft = reads;
        settlesAt = now;
        pendingFailure = null;
    }

    void deleting() {
        status = ResourceStatus.DELETING;
    }

    /** One status read at {@code now}; whether this read settled the change. */
    boolean read(Instant now) {
        if (!status.changing()) {
            return false;
        }
        if (readsLeft > 0) {
            readsLeft--;
            return false;
        }
        if (now.isBefore(settlesAt)) {
            return false;
        }
        if (pendingFailure == null) {
            status = ResourceStatus.READY;
            readyAt = now;
        } else {
            status = status.failed();
            failureReason = pendingFailure;
        }
        return true;
    }

    ResourceStatus status() {
        return status;
    }

    /** Why the change failed, once it has. */
    String failureReason() {
        return failureReason;
    }

    /** When it became READY; {@code null} before. */
    Instant readyAt() {
        return readyAt;
    }
}
