package io.github.agentcore4j.it.aws;

import java.time.Instant;

/**
 * The statuses a memory and its strategies go through in the stand-in: the model's {@code MemoryStatus} and
 * {@code MemoryStrategyStatus}, which name these four values (the model's {@code UPDATING} memory status is one the
 * stand-in never enters: its updates apply at once). The wire carries their names.
 */
public enum MemoryStatus {
    CREATING, ACTIVE, FAILED, DELETING;

    /**
     * The one place a memory or strategy status moves with time: {@code DELETING} once a deletion was asked
     * ({@code deleteAt} set), {@code CREATING} until {@code activeAt}, then {@code settled} (what the creation came to
     * for a memory, its memory's status for a strategy).
     */
    static MemoryStatus at(Instant now, Instant activeAt, Instant deleteAt, MemoryStatus settled) {
        if (deleteAt != null) {
            return DELETING;
        }
        if (now.isBefore(activeAt)) {
            return CREATING;
        }
        return settled;
    }

}
