package io.github.agentcore4j.maven.core.image;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns the {@code target}, {@code image} and {@code tarFile} settings into an {@link ImageTarget}. */
public final class ImageTargets {

    private ImageTargets() {
    }

    /**
     * @param kind {@code registry}, {@code tar} or {@code docker} (any case)
     * @param image the image reference; required for registries, else {@code fallbackName} names the image
     * @param fallbackName e.g. {@code my-agent:1.0}, from the project's coordinates
     * @param tarFile where the tar target writes
     * @param daemonClient finds the {@code docker} or {@code podman} client for the docker target
     * @throws InvalidSettingException naming the setting that is missing or wrong
     */
    public static ImageTarget select(String kind, String image, String fallbackName, Path tarFile,
            Supplier<Optional<Path>> daemonClient) {
        String normalized = kind == null ? "registry" : kind.trim().toLowerCase(Locale.ROOT);
        boolean imageGiven = image != null && !image.isBlank();
        switch (normalized) {
            case "registry":
                if (!imageGiven) {
                    throw new InvalidSettingException(PropertyNames.BUILD_IMAGE, "it is not set, and the registry "
                            + "target needs to know where to push", "set it to the repository to push to, e.g. "
                            + "-Dagentcore.build.image=123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:1.0, "
                            + "or use "
                            + "-Dagentcore.build.target=tar");
                }
                return new ImageTarget.Registry(image.trim());
            case "tar":
                return new ImageTarget.Tar(imageGiven ? image.trim() : fallbackName, tarFile);
            case "docker":
                Path client = daemonClient.get().orElseThrow(() -> new InvalidSettingException(
                        PropertyNames.BUILD_TARGET,
                        "'docker' needs a docker or podman command on the PATH and none "
                        + "was found", "install Docker or Podman, or build to a registry or a tar file instead"));
                return new ImageTarget.Daemon(imageGiven ? image.trim() : fallbackName, client);
            default:
                throw new InvalidSettingException(PropertyNames.BUILD_TARGET,
                        "'" + kind + "' is not a build target", "use registry, tar or docker");
        }
    }

    /** {@code artifactId:version} made into a valid reference: repositories must be lower case. */
    public static String fallbackName(String artifactId, String version) {
        String repository = artifactId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        String tag = version.replaceAll("[^A-Za-z0-9_.-]", "_");
        return repository + ":" + tag;
    }
}
