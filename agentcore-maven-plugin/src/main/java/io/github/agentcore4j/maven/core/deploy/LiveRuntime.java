package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * Whether the runtime requires MMDSv2. Without it a runtime can no longer be invoked (since 2026-07-14); an
     * update that sets {@code metadataConfiguration.requireMMDSV2} fixes it.
     */
    public boolean requiresMmdsV2() {
        JsonNode metadata = raw.get("metadataConfiguration");
        return metadata != null && metadata.path("requireMMDSV2").asBoolean(false);
    }
}
