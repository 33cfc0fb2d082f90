package io.github.agentcore4j.maven.core.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JavaContainerBuilder;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.observability.JavaAgentRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Builds a linux/arm64 OCI image of a Java application with jib-core, without Docker, and sends it to a registry, a
 * tar file or a local engine. Layers follow Jib's Java layout (dependencies, snapshot dependencies, resources,
 * classes), so a change to one class rebuilds and pushes one small layer. Creation time and file times are fixed, so
 * the same inputs give the same digest.
 */
public final class ImageBuilder {

    /** The only platform AgentCore Runtime runs. */
    public static final Platform PLATFORM = new Platform("arm64", "linux");
    public static final String PLATFORM_NAME = "linux/arm64";

    static final String TOOL_NAME = "agentcore-maven-plugin";
    /** The name of the layer with the OpenTelemetry Java agent, in the image history. */
    static final String OBSERVABILITY_LAYER = "opentelemetry";

    private final Function<String, Function<EcrRegistry, EcrClient>> ecrClientsByProfile;

    public ImageBuilder() {
        this(EcrCredentialRetriever::sdkClients);
    }

    /** @param ecrClientsByProfile makes ECR clients for an AWS profile (tests point them at a stand-in) */
    ImageBuilder(Function<String, Function<EcrRegistry, EcrClient>> ecrClientsByProfile) {
        this.ecrClientsByProfile = ecrClientsByProfile;
    }

    /**
     * Builds the image and writes {@code image.digest} and {@code image.json} to the request's output directory.
     *
     * @throws InvalidSettingException when an image reference or tag is malformed, before anything is built
     * @throws ImageBuildException when the build or the transfer fails; the message names the setting and the fix
     */
    public ImageBuildResult build(ImageBuildRequest request, BuildLog log) throws ImageBuildException {
        ImageReference base = BaseImages.isLocal(request.baseImage()) ? ImageReference.scratch()
                : ImageReferences.parse(BaseImages.registryReference(request.baseImage()), 
                        PropertyNames.BASE_IMAGE);
        ImageReference target = ImageReferences.parse(request.target().reference(), PropertyNames.BUILD_IMAGE);
        ImageReferences.checkTags(request.additionalTags(), PropertyNames.BUILD_TAGS);
        Consumer<LogEvent> jibLog = JibEvents.logTo(log);
        RegistryCredentials credentials = new RegistryCredentials(request.credentialsByRegistry(),
                ecrClientsByProfile.apply(request.awsProfile()), log, jibLog);

        log.info("Building " + PLATFORM_NAME + " image " + target + " on " + request.baseImage() + " ("
                + request.target().kind() + ")");
        JibContainer container;
        try {
            if (!request.offline() && !base.isScratch()) {
                RegistryHosts.requireReachable(base, request.allowInsecureRegistries());
            }
            if (request.target() instanceof ImageTarget.Registry) {
                RegistryHosts.requireReachable(target, request.allowInsecureRegistries());
            }
            container = withObservability(javaLayout(request, credentials, base, log), request.observability())
                    .setPlatforms(Set.of(PLATFORM))
                    // Docker format for local engines, because `docker load` before Docker 25 cannot read OCI.
                    .setFormat(request.target() instanceof ImageTarget.Daemon ? ImageFormat.Docker : ImageFormat.OCI)
                    .setCreationTime(Instant.EPOCH)
                    .setEnvironment(environment(request))
                    .setExposedPorts(Set.of(Port.tcp(request.port())))
                    .setUser(request.user())
                    .setLabels(request.labels())
                    .containerize(containerizer(request, target, credentials, jibLog, log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while building image " + target, e);
        } catch (RegistryException | IOException | CacheDirectoryCreationException | ExecutionException e) {
            throw new BuildFailures(base, target, request.target()).explain(e);
        }

        ImageBuildResult result = result(request.target(), target, container);
        try {
            ImageOutputs.write(result, request.outputDirectory());
        } catch (IOException e) {
            throw new ImageBuildException("Built " + result.reference() + " but cannot write "
                    + request.outputDirectory().resolve(ImageOutputs.JSON_FILE) + ": " + e.getMessage(), e);
        }
        log.info("Built image " + result.reference() + " with digest " + result.digest());
        return result;
    }

    private static JibContainerBuilder javaLayout(ImageBuildRequest request, RegistryCredentials credentials,
            ImageReference base, BuildLog log) throws IOException, ImageBuildException {
        JavaApplication application = request.application();
        Path classes = application.outputDirectory();
        if (!Files.isDirectory(classes)) {
            throw new ImageBuildException("No compiled classes at " + classes + ". Fix: compile the project first; "
                    + "agentcore:build runs in the package phase, e.g. `mvn package`.");
        }
        Path reactorJars = request.outputDirectory().resolve("reactor");
        // tar:// and docker:// bases come from a file or the local engine: Jib reads them itself, no registry.
        return localBase(request.baseImage()).orElseGet(() -> JavaContainerBuilder.from(credentials.image(base)))
                // The classpath follows the order of these calls: the project first, as Maven runs it.
                .addResources(classes, path -> !isClassFile(path))
                .addClasses(classes, ImageBuilder::isClassFile)
                .addDependencies(ReactorClasses.asJars(application.dependencies(), reactorJars, log))
                .addSnapshotDependencies(ReactorClasses.asJars(application.snapshotDependencies(), reactorJars, log))
                .addJvmFlags(request.jvmFlags())
                .setMainClass(application.mainClass())
                .toContainerBuilder();
    }

    /**
     * The OpenTelemetry Java agent (and the API, when the application lacks it) in a layer of their own, so a new agent
     * version changes that layer only.
     */
    private static JibContainerBuilder withObservability(JibContainerBuilder builder, JavaAgentRecipe.Jars jars) {
        if (jars == null) {
            return builder;
        }
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(OBSERVABILITY_LAYER)
                .addEntry(jars.agent(), AbsoluteUnixPath.get(JavaAgentRecipe.AGENT_PATH_IN_IMAGE));
        for (Path library : jars.libraries()) {
            layer.addEntry(library, AbsoluteUnixPath.get(JavaAgentRecipe.LIBRARY_DIRECTORY_IN_IMAGE)
                    .resolve(library.getFileName().toString()));
        }
        return builder.addFileEntriesLayer(layer.build());
    }

    private static Map<String, String> environment(ImageBuildRequest request) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DOCKER_CONTAINER", "1");
        if (request.observability() != null) {
            environment.putAll(JavaAgentRecipe.imageEnvironment(request.observability()));
        }
        environment.putAll(request.environment());
        return environment;
    }

    /** A {@code tar://} or {@code docker://} base, which Jib reads from a file or the local engine. */
    private static Optional<JavaContainerBuilder> localBase(String baseImage) {
        if (baseImage.startsWith(BaseImages.TAR_PREFIX)) {
            return Optional.of(JavaContainerBuilder.from(
                    TarImage.at(Path.of(baseImage.substring(BaseImages.TAR_PREFIX.length())))));
        }
        if (baseImage.startsWith(BaseImages.DOCKER_PREFIX)) {
            return Optional.of(JavaContainerBuilder.from(DockerDaemonImage.named(ImageReferences.parse(
                    baseImage.substring(BaseImages.DOCKER_PREFIX.length()), PropertyNames.BASE_IMAGE))));
        }
        return Optional.empty();
    }

    private static boolean isClassFile(Path path) {
        return path.getFileName().toString().endsWith(".class");
    }

    private static Containerizer containerizer(ImageBuildRequest request, ImageReference target,
            RegistryCredentials credentials, Consumer<LogEvent> jibLog, BuildLog log) throws IOException {
        ImageTarget destination = request.target();
        Containerizer containerizer;
        if (destination instanceof ImageTarget.Tar tar) {
            Files.createDirectories(tar.file().toAbsolutePath().getParent());
            containerizer = Containerizer.to(TarImage.at(tar.file()).named(target));
        } else if (destination instanceof ImageTarget.Daemon daemon) {
            containerizer = Containerizer.to(DockerDaemonImage.named(target).setDockerExecutable(daemon.executable()));
        } else {
            containerizer = Containerizer.to(credentials.image(target));
        }
        request.additionalTags().forEach(containerizer::withAdditionalTag);
        if (request.baseImageLayersCache() != null) {
            containerizer.setBaseImageLayersCache(request.baseImageLayersCache());
        }
        return containerizer
                .setApplicationLayersCache(request.applicationLayersCache())
                .setAllowInsecureRegistries(request.allowInsecureRegistries())
                .setOfflineMode(request.offline())
                .setToolName(TOOL_NAME)
                .setToolVersion(request.toolVersion())
                .addEventHandler(LogEvent.class, jibLog)
                .addEventHandler(ProgressEvent.class, JibEvents.progressTo(log, "Building image " + target));
    }

    private static ImageBuildResult result(ImageTarget destination, ImageReference target, JibContainer container) {
        String digest = container.getDigest().toString();
        String digestReference = destination instanceof ImageTarget.Registry
                ? ImageReference.of(target.getRegistry(), target.getRepository(), null, digest).toString()
                : null;
        List<String> tags = container.getTags().stream().sorted().toList();
        return new ImageBuildResult(destination, target.toString(), digestReference, digest,
                container.getImageId().toString(), tags, PLATFORM_NAME);
    }
}
