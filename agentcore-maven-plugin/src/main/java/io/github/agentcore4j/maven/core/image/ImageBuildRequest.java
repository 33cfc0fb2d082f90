package io.github.agentcore4j.maven.core.image;

import io.github.agentcore4j.maven.core.observability.JavaAgentRecipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything one image build needs, fixed before the build starts. The platform is not here: AgentCore Runtime only
 * runs linux/arm64, so {@link ImageBuilder} always builds that.
 *
 * @param baseImage registry reference of the base image, e.g. {@code eclipse-temurin:21-jre}
 * @param target where the image goes
 * @param additionalTags tags pushed besides the one in the target reference
 * @param application the classes, resources and dependencies to layer
 * @param jvmFlags JVM options between {@code java} and {@code -cp} in the entrypoint
 * @param port the TCP port the agent listens on, exposed in the image
 * @param user the user (and group) the entrypoint runs as, e.g. {@code 1000:1000}
 * @param labels image labels such as {@code org.opencontainers.image.version}
 * @param allowInsecureRegistries whether registries may be reached over plain HTTP or unverified HTTPS
 * @param credentialsByRegistry explicit credentials keyed by registry host (and port), tried before any other source
 * @param awsProfile AWS profile for ECR tokens, {@code null} for the SDK's default chain
 * @param applicationLayersCache where Jib caches the application layers between builds
 * @param baseImageLayersCache where Jib caches base image layers, {@code null} for Jib's per-user default
 * @param outputDirectory where {@code image.digest} and {@code image.json} are written
 * @param toolVersion the plugin version, recorded in the image history
 * @param offline Maven's offline mode: Jib contacts no registry (the base must be cached, or a tar:// or docker://
 *     base, and the target a tar file or local engine)
 * @param observability the OpenTelemetry jars for a layer of their own, or {@code null} for an untraced image
 * @param environment variables the entrypoint sees besides the base image's and the observability ones, such as
 *     the engine a platform version runs ({@link PlatformImages})
 */
public record ImageBuildRequest(
        String baseImage,
        ImageTarget target,
        List<String> additionalTags,
        JavaApplication application,
        List<String> jvmFlags,
        int port,
        String user,
        Map<String, String> labels,
        boolean allowInsecureRegistries,
        Map<String, RegistryCredential> credentialsByRegistry,
        String awsProfile,
        Path applicationLayersCache,
        Path baseImageLayersCache,
        Path outputDirectory,
        String toolVersion,
        boolean offline,
        JavaAgentRecipe.Jars observability,
        Map<String, String> environment) {

    public ImageBuildRequest {
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(applicationLayersCache, "applicationLayersCache");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(toolVersion, "toolVersion");
        additionalTags = List.copyOf(additionalTags);
        jvmFlags = List.copyOf(jvmFlags);
        // Sorted, because the image config lists labels in map order and the digest must not depend on it.
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        credentialsByRegistry = Map.copyOf(credentialsByRegistry);
        // Sorted for the same reason as the labels.
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects the request's parts; defaults: no extra tags, the default platform's JVM flags
     * ({@link PlatformImages#V2_JVM_FLAGS}), user 1000:1000, HTTPS.
     */
    public static final class Builder {

        private String baseImage;
        private ImageTarget target;
        private final List<String> additionalTags = new ArrayList<>();
        private JavaApplication application;
        private List<String> jvmFlags = PlatformImages.V2_JVM_FLAGS;
        private int port = 8080;
        private String user = "1000:1000";
        private final Map<String, String> labels = new LinkedHashMap<>();
        private boolean allowInsecureRegistries;
        private final Map<String, RegistryCredential> credentialsByRegistry = new LinkedHashMap<>();
        private String awsProfile;
        private Path applicationLayersCache;
        private Path baseImageLayersCache;
        private Path outputDirectory;
        private String toolVersion = "unknown";
        private boolean offline;
        private JavaAgentRecipe.Jars observability;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder baseImage(String baseImage) {
            this.baseImage = baseImage;
            return this;
        }

        public Builder target(ImageTarget target) {
            this.target = target;
            return this;
        }

        public Builder additionalTags(List<String> tags) {
            additionalTags.addAll(tags);
            return this;
        }

        public Builder application(JavaApplication application) {
            this.application = application;
            return this;
        }

        public Builder jvmFlags(List<String> jvmFlags) {
            this.jvmFlags = jvmFlags;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** Adds a label; blank values are left out, so optional facts (no SCM URL, say) need no special casing. */
        public Builder label(String name, String value) {
            if (value != null && !value.isBlank()) {
                labels.put(name, value);
            }
            return this;
        }

        public Builder allowInsecureRegistries(boolean allow) {
            this.allowInsecureRegistries = allow;
            return this;
        }

        public Builder credential(String registry, RegistryCredential credential) {
            credentialsByRegistry.put(registry, credential);
            return this;
        }

        public Builder awsProfile(String awsProfile) {
            this.awsProfile = awsProfile;
            return this;
        }

        public Builder applicationLayersCache(Path directory) {
            this.applicationLayersCache = directory;
            return this;
        }

        public Builder baseImageLayersCache(Path directory) {
            this.baseImageLayersCache = directory;
            return this;
        }

        public Builder outputDirectory(Path directory) {
            this.outputDirectory = directory;
            return this;
        }

        public Builder toolVersion(String toolVersion) {
            this.toolVersion = toolVersion;
            return this;
        }

        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        public Builder observability(JavaAgentRecipe.Jars jars) {
            this.observability = jars;
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        public ImageBuildRequest build() {
            return new ImageBuildRequest(baseImage, target, additionalTags, application, jvmFlags, port, user, labels,
                    allowInsecureRegistries, credentialsByRegistry, awsProfile,
                    applicationLayersCache == null ? outputDirectory.resolve("jib-cache") : applicationLayersCache,
                    baseImageLayersCache, outputDirectory, toolVersion, offline, observability, environment);
        }
    }
}
