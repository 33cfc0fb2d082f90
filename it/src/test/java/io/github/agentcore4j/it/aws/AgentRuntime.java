package io.github.agentcore4j.it.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A snapshot of an agent runtime in the stand-in: its versions (oldest first) and endpoints ({@code DEFAULT} first). */
public record AgentRuntime(String id, String name, String arn, Instant createdAt, Map<String, String> tags,
                           List<RuntimeVersion> versions, List<RuntimeEndpoint> endpoints) {

    public RuntimeVersion latestVersion() {
        return versions.get(versions.size() - 1);
    }

    /** The runtime's status: its latest version's. */
    public String status() {
        return latestVersion().status();
    }

    public Optional<RuntimeVersion> version(String number) {
        return versions.stream().filter(version -> version.version().equals(number)).findFirst();
    }

    public Optional<RuntimeEndpoint> endpoint(String name) {
        return endpoints.stream().filter(endpoint -> endpoint.name().equals(name)).findFirst();
    }
}
