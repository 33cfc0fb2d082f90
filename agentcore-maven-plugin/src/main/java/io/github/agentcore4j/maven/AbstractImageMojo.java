package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.container.ContainerLaunch;
import io.github.agentcore4j.maven.core.container.ContainerLaunches;
import io.github.agentcore4j.maven.core.container.SmokeTest;
import io.github.agentcore4j.maven.core.image.BaseImages;
import io.github.agentcore4j.maven.core.image.ImageBuildRequest;
import io.github.agentcore4j.maven.core.image.ImageTargets;
import io.github.agentcore4j.maven.core.image.PlatformImages;
import io.github.agentcore4j.maven.core.local.AgentStartException;
import io.github.agentcore4j.maven.core.observability.JavaAgentRecipe;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that build the agent's image (build, deploy, and run-local and start in container
 * mode): the base image, JVM flags, user, caches and registries, the OpenTelemetry agent, and the local container
 * engine that runs the image before it ships; so a deployed image is the image {@code agentcore:build} makes.
 */
public abstract class AbstractImageMojo extends AbstractAgentMojo {

    /**
     * Traces the agent with OpenTelemetry, as the AWS toolkits do by default: build and deploy put the OpenTelemetry
     * Java agent in the image, deploy prepares CloudWatch for the traces and logs, and
     * {@code .bedrock_agentcore.yaml} records {@code observability.enabled}. {@code false} leaves all of it out.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.OBSERVABILITY, defaultValue = "true")
    protected boolean observability;

    /**
     * The OpenTelemetry Java agent that traces the agent, as {@code groupId:artifactId:version}, resolved through
     * Maven. The default, the AWS distro, signs its exports to X-Ray and CloudWatch Logs; the upstream
     * {@code io.opentelemetry.javaagent:opentelemetry-javaagent:<version>} works for local traces and other backends.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.OBSERVABILITY_AGENT, defaultValue = JavaAgentRecipe.DEFAULT_AGENT)
    protected String observabilityAgent;

    /**
     * The AgentCore Runtime platform: {@code V2} restores every session from a snapshot of the started agent (cold
     * starts of about 2 s whatever the image size; create and update take minutes), {@code V1} starts each session
     * from the image. Sent on every create and update; {@code status} and {@code versions} show what AWS reports. The image
     * depends on it: a V2 image runs Jetty when the agent has it (see {@link PlatformImages}).
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PLATFORM_VERSION, defaultValue = "V2")
    protected String platformVersion;

    /**
     * The base image. It must include linux/arm64 and Java; for multi-arch images the arm64 entry is used. Pin it
     * by digest ({@code image:tag@sha256:...}) for reproducible builds. Without a registry (offline, {@code -o}):
     * {@code tar:///path/to/image.tar} (a {@code docker save} tar) or {@code docker://image:tag} (from the local
     * engine), or a registry base already in Jib's cache.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BASE_IMAGE, defaultValue = "eclipse-temurin:21-jre")
    protected String baseImage;

    /**
     * JVM options for the entrypoint, replacing the defaults tuned for a small microVM and the platform version:
     * {@code -XX:MaxRAMPercentage=75.0 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}, plus
     * {@code -XX:TieredStopAtLevel=1} (C1 only, the fastest start) on V1, where every session boots the JVM; on V2
     * the snapshot taken after warmup holds C2 code. Comma-separated on the command line. A V2 image whose runtime
     * classpath has {@code org.eclipse.jetty:jetty-server} also sets {@code AGENTCORE_ENGINE=jetty} (add
     * {@code -Dagentcore.engine=jdk} here to keep the JDK's server).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.JVM_FLAGS)
    protected List<String> jvmFlags;

    /**
     * The non-root user (and group) the agent runs as, by name or number. The default is an unprivileged id that
     * needs no entry in the base image's {@code /etc/passwd}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.USER, defaultValue = "1000:1000")
    protected String user;

    /**
     * Allows registries over plain HTTP or with certificates that cannot be verified. Only for registries you trust,
     * such as a local test registry.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ALLOW_INSECURE_REGISTRIES, defaultValue = "false")
    protected boolean allowInsecureRegistries;

    /**
     * Where base image layers are cached between builds. Defaults to Jib's per-user cache, shared by all projects.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BASE_IMAGE_CACHE)
    protected File baseImageCache;

    /**
     * The source revision for the {@code org.opencontainers.image.revision} label. Defaults to the Git commit
     * checked out around the project.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REVISION)
    protected String revision;

    /**
     * The container engine's command that runs the image locally (container mode, smoke tests): a name on the PATH
     * or a path, e.g. {@code podman}. Unset: the first of {@code docker} and {@code podman} on the PATH that answers.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.CONTAINER_ENGINE)
    protected String containerEngine;

    /**
     * The body the smoke test sends to the image's invocation path. Unset: {@code {"prompt":"Hello"}} for HTTP
     * agents, an A2A {@code message/send} of "Hello", or an MCP {@code tools/list}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.SMOKE_TEST_PAYLOAD)
    protected String smokeTestPayload;

    /**
     * Seconds the smoke-tested image may take to answer its health check; emulated arm64 starts slower than native.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.SMOKE_TEST_TIMEOUT, defaultValue = "120")
    protected int smokeTestTimeout;

    @Override
    protected void addSettings(AgentSettings.Builder builder) {
        super.addSettings(builder);
        builder.observability(observability).platformVersion(platformVersion);
    }

    /** A build request for the project's image with the shared image settings; the caller sets its target. */
    protected final ImageBuildRequest.Builder imageRequest() {
        BaseImages.requireJava(baseImage);
        BaseImages.warnIfClassesNeedNewerJava(baseImage, maven().classesDirectory(), buildLog());
        ImageBuildRequest.Builder request = ImageBuildRequest.builder()
                .baseImage(baseImage)
                .application(maven().application(resolveMainClass()))
                .jvmFlags(jvmFlags == null || jvmFlags.isEmpty()
                        ? PlatformImages.jvmFlags(agentSettings().runtime().platformVersion()) : jvmFlags)
                .port(protocol().port())
                .user(user)
                .allowInsecureRegistries(allowInsecureRegistries)
                .awsProfile(agentSettings().profile())
                .baseImageLayersCache(baseImageCache == null ? null : baseImageCache.toPath())
                .outputDirectory(agentCoreDirectory())
                .toolVersion(maven().pluginVersion())
                .offline(maven().isOffline())
                .observability(agentSettings().observability() ? observabilityJars() : null)
                .environment(PlatformImages.engineEnvironment(agentSettings().runtime().platformVersion(),
                        maven().hasRuntimeDependency(PlatformImages.JETTY_GROUP_ID, PlatformImages.JETTY_ARTIFACT_ID),
                        buildLog()));
        maven().labelImage(request, revision);
        maven().addRegistryCredentials(request);
        return request;
    }

    /**
     * The OpenTelemetry Java agent jar and the API jars the project lacks, resolved through Maven.
     *
     * @throws io.github.agentcore4j.maven.core.config.InvalidSettingException naming observabilityAgent when they
     *     cannot be resolved
     */
    protected final JavaAgentRecipe.Jars observabilityJars() {
        return maven().observabilityJars(observabilityAgent);
    }

    /**
     * Builds the image into the local container engine and says how to run it there as linux/arm64 with the host's
     * AWS identity.
     *
     * @see ContainerLaunches#prepare
     */
    protected final ContainerLaunch containerLaunch(int hostPort) throws InterruptedException {
        return ContainerLaunches.prepare(this::imageRequest, containerEngine, agentSettings(), hostPort,
                ImageTargets.fallbackName(maven().artifactId(), maven().version()),
                agentCoreDirectory().resolve("container"), maven().basedir(), recordedMemoryEnvironment(),
                buildLog());
    }

    /**
     * Builds the image into the local engine, runs it, waits until it is healthy and invokes it once: an image that
     * fails is refused before it goes anywhere.
     *
     * @throws AgentStartException with the container's output when the image fails
     */
    protected final void smokeTest() throws InterruptedException {
        SmokeTest.run(containerLaunch(SmokeTest.freePort()), SmokeTest.payload(protocol(), smokeTestPayload),
                Duration.ofSeconds(smokeTestTimeout), buildLog());
    }
}
