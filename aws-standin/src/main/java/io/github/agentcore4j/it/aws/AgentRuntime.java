package io.github.agentcore4j.it.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of an agent runtime in the stand-in: its versions (oldest first), endpoints ({@code DEFAULT} first) and
 * whether it is being deleted.
 */
public record AgentRuntime(String id, String name, String arn, Instant createdAt, Map<String, String> tags,
                           List<RuntimeVersion> versions, List<RuntimeEndpoint> endpoints, boolean deleting) {

    public RuntimeVersion latestVersion() {
        return versions.get(versions.size() - 1);
    }

    /** The runtime's status: DELETING once deleted, else its latest version's. */
    public ResourceStatus status() {
        return deleting ? ResourceStatus.DELETING : latestVersion().status();
    }

    public Optional<RuntimeVersion> version(String number) {
        return versions.stream().filter(version -> version.version().equals(number)).findFirst();
    }

    public Optional<RuntimeEndpoint> endpoint(String name) {
        return endpoints.stream().filter(endpoint -> endpoint.name().equals(name)).findFirst();
    }
}
