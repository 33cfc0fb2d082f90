package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.image.DaemonExecutables;
import io.github.agentcore4j.maven.core.image.ImageBuilder;
import io.github.agentcore4j.maven.core.image.ImageTargets;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the agent's linux/arm64 OCI image with jib-core, without Docker, and pushes it to a registry (or writes a
 * tar file, or loads it into a local Docker or Podman engine). Writes {@code target/agentcore/image.digest} and
 * {@code target/agentcore/image.json}.
 *
 * @since 0.1.0
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BuildMojo extends AbstractServedAgentMojo {

    /**
     * The image to build, {@code [registry/]repository[:tag]}, e.g.
     * {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:1.0}. Required for the registry target; the tar
     * and docker targets default to {@code artifactId:version}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_IMAGE)
    private String image;

    /**
     * Tags to add besides the one in {@code image}; comma-separated on the command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_TAGS)
    private List<String> tags;

    /**
     * Where the image goes: {@code registry} (push to {@code image}), {@code tar} (write {@code tarFile}) or
     * {@code docker} (load into the local Docker or Podman engine).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_TARGET, defaultValue = "registry")
    private String target;

    /**
     * The OCI image-layout tar the {@code tar} target writes.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_TAR_FILE, defaultValue = "${project.build.directory}/agentcore/image.tar")
    private File tarFile;

    /**
     * Before the image goes to its target, runs it in the local container engine as linux/arm64, waits until it is
     * healthy and invokes it (see smokeTestPayload); an image that fails is not pushed, and its output is printed.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.BUILD_SMOKE_TEST, defaultValue = "false")
    private boolean smokeTest;

    @Override
    protected void doExecute() throws InterruptedException {
        if (smokeTest) {
            smokeTest();
        }
        new ImageBuilder().build(imageRequest().target(ImageTargets.select(target, image,
                        ImageTargets.fallbackName(maven().artifactId(), maven().version()),
                        tarFile.toPath(), DaemonExecutables::find))
                .additionalTags(tags == null ? List.of() : tags)
                .build(), buildLog());
    }
}
