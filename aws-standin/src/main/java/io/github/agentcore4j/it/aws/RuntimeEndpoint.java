package io.github.agentcore4j.it.aws;

/**
 * A snapshot of an endpoint of an agent runtime. {@code DEFAULT} follows the latest version: its target is the latest
 * version and its live version the newest READY one. A named endpoint serves the version it was created or last
 * updated with, once that settles.
 */
public record RuntimeEndpoint(String name, String arn, String liveVersion, String targetVersion, ResourceStatus status,
                              String failureReason, String description) {
}
