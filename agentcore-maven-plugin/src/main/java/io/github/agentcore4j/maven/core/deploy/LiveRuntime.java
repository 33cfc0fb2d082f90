package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;

/**
 * A runtime version as GetAgentRuntime reports it: the SDK's view, and the raw JSON answer, which alone carries the
 * members the pinned SDK does not know ({@code platformVersion}, {@code metadataConfiguration}, filesystems...).
 *
 * @param response the SDK's answer
 * @param raw the JSON answer as received
 */
public record LiveRuntime(GetAgentRuntimeResponse response, ObjectNode raw) {

    /** {@code V1} or {@code V2}, or {@code unknown} when AWS reports none (runtimes older than platform V2). */
    public String platformVersion() {
        JsonNode version = raw.get("platformVersion");
        return version == null || !version.isTextual() ? "unknown" : version.asText();
    }

    /** Runtimes created from this day on get MMDSv2 from AWS (and may not report it). */
    static final Instant MMDS_V2_BY_DEFAULT = Instant.parse("2026-02-15T00:00:00Z");

    /**
     * Whether the runtime requires MMDSv2. Without it a runtime can no longer be invoked (since 2026-07-14); an
     * update that sets {@code metadataConfiguration.requireMMDSV2} fixes it. A runtime that reports nothing counts
     * as requiring it when it was created after AWS made MMDSv2 the default, so that deploy does not make a new
     * version each time only because AWS does not echo the member.
     */
    public boolean requiresMmdsV2() {
        JsonNode metadata = raw.get("metadataConfiguration");
        if (metadata != null && metadata.has("requireMMDSV2")) {
            return metadata.path("requireMMDSV2").asBoolean(false);
        }
        return response.createdAt() != null && !response.createdAt().isBefore(MMDS_V2_BY_DEFAULT);
    }
}
