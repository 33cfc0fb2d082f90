package io.github.agentcore4j.it.aws;

import java.time.Instant;

/**
 * A long-term memory record the stand-in extracted from an event: the strategy that extracted it, the namespace it was
 * filed under (the strategy's template with {@code {actorId}}, {@code {sessionId}} and {@code {memoryStrategyId}}
 * filled in), its text and when it became visible.
 */
public record StoredRecord(String memoryRecordId, String memoryId, String strategyId, String namespace, String text,
                           Instant createdAt) {
}
