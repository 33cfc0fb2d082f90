package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.image.ImageBuildException;
import io.github.agentcore4j.maven.core.image.ImageBuildResult;

/** Builds the agent's image and pushes it: the build goal's code path, given the reference to push to. */
@FunctionalInterface
public interface ImagePusher {

    ImageBuildResult push(String imageReference) throws ImageBuildException;
}
