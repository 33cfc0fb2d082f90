package io.github.agentcore4j.maven.core.image;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.PlatformVersion;
import java.util.List;
import java.util.Map;

/**
 * What an image runs on each platform version: its JVM flags and its HTTP engine, as measured on the Performance page.
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

    /**
     * JVM options for a V1 image, which every session boots: the heap follows the microVM's memory, the serial
     * collector has the smallest footprint for one session, C1-only compilation starts fastest, and an out-of-memory
     * error ends the process so the runtime replaces it instead of serving from a broken JVM.
     */
    public static final List<String> V1_JVM_FLAGS = List.of(
            "-XX:MaxRAMPercentage=75.0",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    /**
     * JVM options for a V2 image, whose sessions restore a snapshot taken after start-up and warmup: V1's without
     * stopping at C1, since start-up is paid once per version and C2 code in the snapshot makes every session's
     * requests cheaper (measured: fewer CPU µs per request, more requests per second and a faster first invocation
     * after warmup than C1 only).
     */
    public static final List<String> V2_JVM_FLAGS = List.of(
            "-XX:MaxRAMPercentage=75.0",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");

    private PlatformImages() {
    }

    /** The default JVM flags of an image for this platform version. */
    public static List<String> jvmFlags(PlatformVersion platform) {
        return platform == PlatformVersion.V1 ? V1_JVM_FLAGS : V2_JVM_FLAGS;
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
