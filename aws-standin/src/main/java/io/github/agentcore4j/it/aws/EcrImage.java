package io.github.agentcore4j.it.aws;

import java.time.Instant;
import java.util.List;

/** An image in a stand-in ECR repository: its manifest digest and tags. */
public record EcrImage(String digest, List<String> tags, Instant pushedAt) {
}
