package io.github.agentcore4j.maven.core.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpoint;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;

/** What the versions and status goals print: tables of a runtime's versions and endpoints, as plain lines. */
public final class RuntimeReports {

    private final Runtimes runtimes;

    public RuntimeReports(Runtimes runtimes) {
        this.runtimes = runtimes;
    }

    /**
     * One line per version, newest first: number, status, creation time, image digest and the endpoints serving it
     * ({@code DEFAULT} serves the newest READY version).
     */
    public List<String> versions(DeployedAgent agent) {
        Map<String, List<String>> servedBy = servedBy(runtimes.endpoints(agent.id()));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-8s %-14s %-9s %-24s %-73s %s", "VERSION", "STATUS", "PLATFORM", "CREATED", "IMAGE",
                "ENDPOINTS"));
        for (AgentRuntime version : runtimes.versions(agent.id())) {
            LiveRuntime details = runtimes.read(agent.id(), version.agentRuntimeVersion()).orElseThrow();
            lines.add(String.format("%-8s %-14s %-9s %-24s %-73s %s", version.agentRuntimeVersion(),
                    version.statusAsString(), details.platformVersion(), version.lastUpdatedAt(),
                    image(details.response()),
                    String.join(", ", servedBy.getOrDefault(version.agentRuntimeVersion(), List.of()))).stripTrailing());
        }
        return lines;
    }

    /** The runtime's state, its latest version, every endpoint with the version it serves, and the log groups. */
    public List<String> status(DeployedAgent agent) {
        Optional<LiveRuntime> found = runtimes.read(agent.id(), null);
        if (found.isEmpty()) {
            return List.of("Agent runtime " + agent.id() + " does not exist (any more). Deploy it again with mvn deploy; "
                    + "the stale id is then replaced.");
        }
        GetAgentRuntimeResponse runtime = found.get().response();
        List<String> lines = new ArrayList<>();
        lines.add("Agent runtime " + runtime.agentRuntimeName() + " (" + runtime.agentRuntimeId() + ")");
        lines.add("  ARN:            " + runtime.agentRuntimeArn());
        lines.add("  Status:         " + runtime.statusAsString() + ", latest version " + runtime.agentRuntimeVersion()
                + " (updated " + runtime.lastUpdatedAt() + ")");
        if (runtime.failureReason() != null) {
            lines.add("  Failure reason: " + runtime.failureReason());
        }
        lines.add("  Platform:       " + found.get().platformVersion());
        if (!found.get().requiresMmdsV2()) {
            lines.add("  MMDSv2:         not required, so AgentCore refuses to invoke it (since 2026-07-14). Fix: "
                    + "mvn deploy, which sets metadataConfiguration.requireMMDSV2=true");
        }
        lines.add("  Image:          " + image(runtime));
        lines.add("  Execution role: " + runtime.roleArn());
        lines.add("  Endpoints:");
        List<String> logGroups = new ArrayList<>();
        for (AgentRuntimeEndpoint endpoint : runtimes.endpoints(agent.id())) {
            lines.add(String.format("    %-16s %-14s live version %s, target %s", endpoint.name(),
                    endpoint.statusAsString(), endpoint.liveVersion() == null ? "none" : endpoint.liveVersion(),
                    endpoint.targetVersion()));
            logGroups.add(ResourceNames.logGroup(runtime.agentRuntimeId(), endpoint.name()));
        }
        lines.add("  Log groups:     " + String.join(", ", logGroups));
        return lines;
    }

    /** Endpoint names by the version they serve live. */
    private static Map<String, List<String>> servedBy(List<AgentRuntimeEndpoint> endpoints) {
        Map<String, List<String>> served = new TreeMap<>();
        for (AgentRuntimeEndpoint endpoint : endpoints) {
            if (endpoint.liveVersion() != null) {
                served.computeIfAbsent(endpoint.liveVersion(), version -> new ArrayList<>()).add(endpoint.name());
            }
        }
        return new LinkedHashMap<>(served);
    }

    private static String image(GetAgentRuntimeResponse version) {
        if (version.agentRuntimeArtifact() == null || version.agentRuntimeArtifact().containerConfiguration() == null) {
            return "(code artifact)";
        }
        return ResourceNames.imageDigest(version.agentRuntimeArtifact().containerConfiguration().containerUri());
    }
}
