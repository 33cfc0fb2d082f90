package io.github.agentcore4j.it.aws;

/**
 * The statuses an agent runtime (version) and a runtime endpoint go through: the model's {@code AgentRuntimeStatus}
 * and {@code AgentRuntimeEndpointStatus}, which name the same six values (an OAuth2 credential provider's
 * {@code Status} names them too, and is always {@code READY} in the stand-in). The wire carries their names.
 */
public enum ResourceStatus {
    CREATING, CREATE_FAILED, UPDATING, UPDATE_FAILED, READY, DELETING;

    /** A status the resource leaves on its own (a change in progress, which another change must wait for). */
    public boolean inProgress() {
        return this == CREATING || this == UPDATING || this == DELETING;
    }

    /** A create or update that has yet to settle. */
    boolean changing() {
        return this == CREATING || this == UPDATING;
    }

    /** The status a change in progress fails to. */
    ResourceStatus failed() {
        return this == CREATING ? CREATE_FAILED : UPDATE_FAILED;
    }

    /** AWS's 409 for a change asked of {@code resource} while a change of it is in progress. */
    void requireSettled(String resource) {
        if (inProgress()) {
            throw ServiceError.conflict(resource + " is in " + this + " state and cannot be updated until it is READY");
        }
    }
}
