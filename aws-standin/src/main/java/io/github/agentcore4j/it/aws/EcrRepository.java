package io.github.agentcore4j.it.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A snapshot of a repository in the stand-in's ECR. */
public record EcrRepository(String name, String arn, String uri, String imageTagMutability, boolean scanOnPush,
                            Map<String, String> tags, Instant createdAt, List<EcrImage> images) {
}
