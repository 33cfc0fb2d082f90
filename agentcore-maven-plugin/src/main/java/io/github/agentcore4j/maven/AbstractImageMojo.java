package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.image.BaseImages;
import io.github.agentcore4j.maven.core.image.GitRevision;
import io.github.agentcore4j.maven.core.image.ImageBuildRequest;
import io.github.agentcore4j.maven.core.image.ImageTarget;
import io.github.agentcore4j.maven.core.image.JavaApplication;
import io.github.agentcore4j.maven.core.image.RegistryCredential;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What the goals that build the agent's image share (build, deploy): the base image, JVM flags, user, labels, caches
 * and registry credentials, so a deployed image is the image {@code agentcore:build} makes.
 */
public abstract class AbstractImageMojo extends AbstractAgentCoreMojo {

    private static final Set<String> RUNTIME_SCOPES =
            Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME, Artifact.SCOPE_SYSTEM);

    /**
     * The base image. It must include linux/arm64 and Java; for multi-arch images the arm64 entry is used. Pin it
     * by digest ({@code image:tag@sha256:...}) for reproducible builds. Without a registry (offline, {@code -o}):
     * {@code tar:///path/to/image.tar} (a {@code docker save} tar) or {@code docker://image:tag} (from the local
     * engine), or a registry base already in Jib's cache.
     *
     * @since 0.1.0
     */
    @Parameter(property = "agentcore.baseImage", defaultValue = "eclipse-temurin:21-jre")
    private String baseImage;

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

    /** A build request for the project's image, sent to {@code target}, with the shared image settings. */
    protected final ImageBuildRequest.Builder imageRequest(ImageTarget target) {
        BaseImages.requireJava(baseImage);
        BaseImages.warnIfClassesNeedNewerJava(baseImage, classesDirectory(), buildLog());
        ImageBuildRequest.Builder request = ImageBuildRequest.builder()
                .baseImage(baseImage)
                .target(target)
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
                .toolVersion(pluginVersion())
                .offline(session.isOffline());
        settingsCredentials(request);
        return request;
    }

    /** This plugin's version, recorded in images and tags. */
    protected final String pluginVersion() {
        return mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
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
