package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A short-term memory event as CreateEvent stored it: the memory, actor and session, the event id the stand-in gave
 * it, the timestamp the caller sent, its {@code payload} list as sent (conversational turns and blobs), its
 * {@code metadata} map (an empty object when none) and its branch name ({@code null} on the main branch).
 */
public record StoredEvent(String memoryId, String actorId, String sessionId, String eventId, Instant eventTimestamp,
                          JsonNode payload, JsonNode metadata, String branch) {
}
