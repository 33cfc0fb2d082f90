package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.config.Protocol;
import io.github.agentcore4j.maven.core.config.RuntimeOptions;
import io.github.agentcore4j.maven.core.container.ArmEmulation;
import io.github.agentcore4j.maven.core.container.ContainerEngine;
import io.github.agentcore4j.maven.core.container.ContainerEnvironment;
import io.github.agentcore4j.maven.core.container.ContainerLaunch;
import io.github.agentcore4j.maven.core.container.SmokeTest;
import io.github.agentcore4j.maven.core.image.BaseImages;
import io.github.agentcore4j.maven.core.image.GitRevision;
import io.github.agentcore4j.maven.core.image.ImageBuildRequest;
import io.github.agentcore4j.maven.core.image.ImageBuildResult;
import io.github.agentcore4j.maven.core.image.ImageBuilder;
import io.github.agentcore4j.maven.core.image.ImageTarget;
import io.github.agentcore4j.maven.core.image.ImageTargets;
import io.github.agentcore4j.maven.core.image.JavaApplication;
import io.github.agentcore4j.maven.core.image.RegistryCredential;
import io.github.agentcore4j.maven.core.invoke.ProtocolPayloads;
import io.github.agentcore4j.maven.core.local.AgentProcess;
import io.github.agentcore4j.maven.core.local.AgentStartException;
import io.github.agentcore4j.maven.core.local.ServingPaths;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * What the goals that build the agent's image share (build, deploy, and run-local and start in container mode): the
 * base image, JVM flags, user, labels, caches and registry credentials, so a deployed image is the image
 * {@code agentcore:build} makes, and the local container engine that runs it before it ships.
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
    @Parameter(property = PropertyNames.BASE_IMAGE, defaultValue = "eclipse-temurin:21-jre")
    private String baseImage;

    /**
     * JVM options for the entrypoint, replacing the defaults tuned for a small microVM
     * ({@code -XX:MaxRAMPercentage=75.0 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError});
     * comma-separated on the command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.JVM_FLAGS)
    private List<String> jvmFlags;

    /**
     * The non-root user (and group) the agent runs as, by name or number. The default is an unprivileged id that
     * needs no entry in the base image's {@code /etc/passwd}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.USER, defaultValue = "1000:1000")
    private String user;

    /**
     * Allows registries over plain HTTP or with certificates that cannot be verified. Only for registries you trust,
     * such as a local test registry.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ALLOW_INSECURE_REGISTRIES, defaultValue = "false")
    private boolean allowInsecureRegistries;

    /**
     * Where base image layers are cached between builds. Defaults to Jib's per-user cache, shared by all projects.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BASE_IMAGE_CACHE)
    private File baseImageCache;

    /**
     * The source revision for the {@code org.opencontainers.image.revision} label. Defaults to the Git commit
     * checked out around the project.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REVISION)
    private String revision;

    /**
     * The container engine's command that runs the image locally (container mode, smoke tests): a name on the PATH
     * or a path, e.g. {@code podman}. Unset: the first of {@code docker} and {@code podman} on the PATH that answers.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.CONTAINER_ENGINE)
    private String containerEngine;

    /**
     * The body the smoke test sends to the image's invocation path. Unset: {@code {"prompt":"Hello"}} for HTTP
     * agents, an A2A {@code message/send} of "Hello", or an MCP {@code tools/list}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.SMOKE_TEST_PAYLOAD)
    private String smokeTestPayload;

    /**
     * Seconds the smoke-tested image may take to answer its health check; emulated arm64 starts slower than native.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.SMOKE_TEST_TIMEOUT, defaultValue = "120")
    private int smokeTestTimeout;

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
                .offline(session.isOffline())
                .observability(agentSettings().observability() ? observabilityJars() : null);
        settingsCredentials(request);
        return request;
    }

    /**
     * Builds the image into the local container engine and says how to run it there as linux/arm64 with the host's
     * AWS identity.
     *
     * @param hostPort the port published on 127.0.0.1, checked first so a taken port fails before any build
     * @throws AgentStartException when no engine answers or this host cannot run arm64 images, with the fix
     */
    protected final ContainerLaunch containerLaunch(int hostPort) throws InterruptedException {
        AgentProcess.requireFreePort(hostPort);
        ContainerEngine engine = ContainerEngine.find(containerEngine, System.getenv("PATH"));
        ArmEmulation.problem().ifPresent(problem -> {
            throw new AgentStartException(problem);
        });
        ImageBuildResult image = new ImageBuilder().build(imageRequest(new ImageTarget.Daemon(
                        ImageTargets.fallbackName(project.getArtifactId(), project.getVersion()),
                        engine.executable()))
                .outputDirectory(agentCoreDirectory().resolve("container"))
                .build(), buildLog());
        ContainerEnvironment environment = ContainerEnvironment.of(agentSettings(), System.getenv(),
                Path.of(System.getProperty("user.home")));
        getLog().info(environment.credentialSource());
        RuntimeOptions runtime = agentSettings().runtime();
        int containerPort = runtime.servingPort(protocol());
        Map<String, String> variables = new LinkedHashMap<>(environment.variables());
        variables.putAll(ServingPaths.environment(runtime, containerPort));
        recordedMemoryEnvironment().forEach(variables::putIfAbsent);
        return new ContainerLaunch(engine, image.imageId(), agentSettings().name().value(), protocol(), hostPort,
                containerPort, variables, project.getBasedir().toPath());
    }

    /**
     * Builds the image into the local engine, runs it, waits until it is healthy and invokes it once: an image that
     * fails is refused before it goes anywhere.
     *
     * @throws AgentStartException with the container's output when the image fails
     */
    protected final void smokeTest() throws InterruptedException {
        String payload = ProtocolPayloads.body(protocol(), smokeTestPayload,
                smokeTestPayload != null || protocol() == Protocol.MCP ? null : "Hello", null,
                new ProtocolPayloads.McpCall(ProtocolPayloads.DEFAULT_MCP_METHOD, null, null));
        SmokeTest.run(containerLaunch(SmokeTest.freePort()), payload, Duration.ofSeconds(smokeTestTimeout),
                buildLog());
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

    /** The decrypted password of the settings.xml server with this id, when it has one. */
    protected final Optional<String> serverPassword(String serverId) {
        Server server = settings.getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        Server plain = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server)).getServer();
        return Optional.ofNullable(plain == null ? null : plain.getPassword()).filter(password -> !password.isBlank());
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
