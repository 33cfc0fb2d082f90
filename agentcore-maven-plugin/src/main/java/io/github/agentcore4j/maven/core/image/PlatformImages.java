package io.github.agentcore4j.maven.core.image;

import io.github.agentcore4j.maven.core.config.PlatformVersion;
import java.util.Map;

/**
 * What an image runs on each platform version besides its JVM flags (the same {@link
 * ImageBuildRequest#MICROVM_JVM_FLAGS} on both, as measured on the Performance page): the HTTP engine.
 *
 * <p>On V2 every session restores a snapshot taken after start-up and warmup, so Jetty's extra start-up CPU is paid
 * once per version while its lower CPU per request is paid by every session: a V2 image runs Jetty when the agent's
 * runtime classpath has it. On V1 every session boots the image, so it keeps the JDK's server, which starts faster.
 * {@code -Dagentcore.engine=jdk} in the JVM flags overrides the variable, since the library reads the system
 * property first.
 */
public final class PlatformImages {

    /** The variable the runtime library reads to choose its engine ({@code ServerEngine.ENGINE_VARIABLE}). */
    public static final String ENGINE_VARIABLE = "AGENTCORE_ENGINE";
    public static final String JETTY_GROUP_ID = "org.eclipse.jetty";
    public static final String JETTY_ARTIFACT_ID = "jetty-server";

    private PlatformImages() {
    }

    /**
     * The image environment that selects the engine for this platform version.
     *
     * @param jettyOnClasspath whether the runtime classpath has {@code org.eclipse.jetty:jetty-server}
     */
    public static Map<String, String> engineEnvironment(PlatformVersion platform, boolean jettyOnClasspath) {
        return platform == PlatformVersion.V2 && jettyOnClasspath ? Map.of(ENGINE_VARIABLE, "jetty") : Map.of();
    }
}
