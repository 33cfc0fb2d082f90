package io.github.agentcore4j.maven.core.image;

import java.util.List;
import java.util.Objects;

/**
 * What a build produced.
 *
 * @param target where the image went
 * @param reference the image reference as given, e.g. {@code registry/repo:tag}
 * @param digestReference the reference pinned to the manifest digest, {@code registry/repo@sha256:...}: what a
 *     deployment should run, because tags move and digests do not
 * @param digest the manifest digest, the same for the same inputs
 * @param imageId the config digest
 * @param tags every tag the image got
 * @param platform always {@code linux/arm64}
 */
public record ImageBuildResult(
        ImageTarget target,
        String reference,
        String digestReference,
        String digest,
        String imageId,
        List<String> tags,
        String platform) {

    public ImageBuildResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(digest, "digest");
        tags = List.copyOf(tags);
    }
}
