package io.github.agentcore4j.it.aws;

/** The statuses an agent runtime (version) and a runtime endpoint go through, as the model's enums name them. */
enum ResourceStatus {
    CREATING, CREATE_FAILED, UPDATING, UPDATE_FAILED, READY, DELETING;

    /** A status the resource leaves on its own (a change in progress, which another change must wait for). */
    boolean inProgress() {
        return this == CREATING || this == UPDATING || this == DELETING;
    }
}
