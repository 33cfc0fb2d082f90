package io.github.agentcore4j.maven.core.image;

import io.github.agentcore4j.maven.core.BuildLog;
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
     * @param log where a V2 image without Jetty says how to get it
     */
    public static Map<String, String> engineEnvironment(PlatformVersion platform, boolean jettyOnClasspath,
            BuildLog log) {
        if (platform != PlatformVersion.V2) {
            return Map.of();
        }
        if (!jettyOnClasspath) {
            log.info("This V2 image runs the JDK's HTTP server. Add the dependencies " + JETTY_GROUP_ID + ":"
                    + JETTY_ARTIFACT_ID + " and org.slf4j:slf4j-jdk14 to run Jetty instead, at about half the CPU "
                    + "per request (see the Performance page).");
            return Map.of();
        }
        return Map.of(ENGINE_VARIABLE, "jetty");
    }
}
