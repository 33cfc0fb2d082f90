package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.image.DaemonExecutables;
import io.github.agentcore4j.maven.core.image.GitRevision;
import io.github.agentcore4j.maven.core.image.ImageBuildException;
import io.github.agentcore4j.maven.core.image.ImageBuildRequest;
import io.github.agentcore4j.maven.core.image.ImageBuilder;
import io.github.agentcore4j.maven.core.image.ImageTargets;
import io.github.agentcore4j.maven.core.image.JavaApplication;
import io.github.agentcore4j.maven.core.image.RegistryCredential;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Builds the agent's linux/arm64 OCI image with jib-core, without Docker, and pushes it to a registry (or writes a
 * tar file, or loads it into a local Docker or Podman engine). Writes {@code target/agentcore/image.digest} and
 * {@code target/agentcore/image.json}.
 *
 * @since 0.1.0
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BuildMojo extends AbstractAgentCoreMojo {

    private static final Set<String> RUNTIME_SCOPES =
            Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME, Artifact.SCOPE_SYSTEM);

    /**
     * The image to build, {@code [registry/]repository[:tag]}, e.g.
     * {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:1.0}. Required for the registry target; the tar
     * and docker targets default to {@code artifactId:version}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.image")
    private String image;

    /**
     * The base image. It must include linux/arm64; for multi-arch images the arm64 entry is used. Pin it by digest
     * ({@code image:tag@sha256:...}) for reproducible builds.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.baseImage", defaultValue = "eclipse-temurin:21-jre")
    private String baseImage;

    /**
     * Tags to add besides the one in {@code image}; comma-separated on the command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.build.tags")
    private List<String> tags;

    /**
     * Where the image goes: {@code registry} (push to {@code image}), {@code tar} (write {@code tarFile}) or
     * {@code docker} (load into the local Docker or Podman engine).
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.build.target", defaultValue = "registry")
    private String target;

    /**
     * The OCI image-layout tar the {@code tar} target writes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.build.tarFile", defaultValue = "${project.build.directory}/agentcore/image.tar")
    private File tarFile;

    /**
     * JVM options for the entrypoint, replacing the defaults tuned for a small microVM
     * ({@code -XX:MaxRAMPercentage=75.0 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError});
     * comma-separated on the command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.jvmFlags")
    private List<String> jvmFlags;

    /**
     * The non-root user (and group) the agent runs as, by name or number. The default is an unprivileged id that
     * needs no entry in the base image's {@code /etc/passwd}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.build.user", defaultValue = "1000:1000")
    private String user;

    /**
     * Allows registries over plain HTTP or with certificates that cannot be verified. Only for registries you trust,
     * such as a local test registry.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.allowInsecureRegistries", defaultValue = "false")
    private boolean allowInsecureRegistries;

    /**
     * Where base image layers are cached between builds. Defaults to Jib's per-user cache, shared by all projects.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.baseImageCache")
    private File baseImageCache;

    /**
     * The source revision for the {@code org.opencontainers.image.revision} label. Defaults to the Git commit
     * checked out around the project.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.build.revision")
    private String revision;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

    @Component
    private SettingsDecrypter settingsDecrypter;

    @Override
    protected void doExecute() throws MojoExecutionException {
        ImageBuildRequest.Builder request = ImageBuildRequest.builder()
                .baseImage(baseImage)
                .target(ImageTargets.select(target, image,
                        ImageTargets.fallbackName(project.getArtifactId(), project.getVersion()),
                        tarFile.toPath(), DaemonExecutables::find))
                .additionalTags(tags == null ? List.of() : tags)
                .application(application())
                .jvmFlags(jvmFlags == null || jvmFlags.isEmpty() ? ImageBuildRequest.MICROVM_JVM_FLAGS : jvmFlags)
                .port(protocol().port())
                .user(user)
                .label("org.opencontainers.image.title", project.getArtifactId())
                .label("org.opencontainers.image.version", project.getVersion())
                .label("org.opencontainers.image.source",
                        project.getScm() != null && project.getScm().getUrl() != null
                                ? project.getScm().getUrl() : project.getUrl())
                .label("org.opencontainers.image.revision",
                        revision != null ? revision : GitRevision.of(project.getBasedir().toPath()).orElse(null))
                .allowInsecureRegistries(allowInsecureRegistries)
                .awsProfile(agentSettings().profile())
                .baseImageLayersCache(baseImageCache == null ? null : baseImageCache.toPath())
                .outputDirectory(agentCoreDirectory())
                .toolVersion(mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion());
        settingsCredentials(request);
        try {
            new ImageBuilder().build(request.build(), buildLog());
        } catch (ImageBuildException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private JavaApplication application() {
        List<Path> releases = new ArrayList<>();
        List<Path> snapshots = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getFile() != null && artifact.getArtifactHandler().isAddedToClasspath()
                    && RUNTIME_SCOPES.contains(artifact.getScope())) {
                (artifact.isSnapshot() ? snapshots : releases).add(artifact.getFile().toPath());
            }
        }
        return new JavaApplication(resolveMainClass(), classesDirectory(), releases, snapshots);
    }

    /** Every settings.xml server with a user name and password, keyed by id, which must be the registry host. */
    private void settingsCredentials(ImageBuildRequest.Builder request) {
        for (Server server : settings.getServers()) {
            SettingsDecryptionResult decrypted =
                    settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : decrypted.getProblems()) {
                getLog().debug("settings.xml server " + server.getId() + ": " + problem.getMessage());
            }
            Server plain = decrypted.getServer();
            if (plain != null && plain.getUsername() != null && plain.getPassword() != null) {
                request.credential(plain.getId(), new RegistryCredential(plain.getUsername(), plain.getPassword(),
                        "settings.xml <server> " + plain.getId()));
            }
        }
    }
}
