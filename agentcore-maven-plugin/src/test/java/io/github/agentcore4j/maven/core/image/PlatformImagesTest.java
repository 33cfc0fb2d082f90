package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.MemoryBuildLog;
import io.github.agentcore4j.maven.core.config.PlatformVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformImagesTest {

    private final MemoryBuildLog log = new MemoryBuildLog();

    @Test
    void aV2ImageRunsJettyWhenTheClasspathHasIt() {
        assertEquals(Map.of("AGENTCORE_ENGINE", "jetty"),
                PlatformImages.engineEnvironment(PlatformVersion.V2, true, log));
        assertEquals("", log.text());
    }

    @Test
    void aV2ImageWithoutJettyKeepsTheJdkServerAndSaysHowToGetJetty() {
        // Setting the variable without Jetty on the classpath would stop the agent at start-up.
        assertEquals(Map.of(), PlatformImages.engineEnvironment(PlatformVersion.V2, false, log));
        assertTrue(log.text().contains("org.eclipse.jetty:jetty-server"), log.text());
    }

    @Test
    void aV1ImageKeepsTheJdkServerForItsColdStartEvenWithJetty() {
        assertEquals(Map.of(), PlatformImages.engineEnvironment(PlatformVersion.V1, true, log));
        assertEquals(Map.of(), PlatformImages.engineEnvironment(PlatformVersion.V1, false, log));
        assertEquals("", log.text());
    }

    @Test
    void aV1ImageStopsAtC1ForItsColdStartAndAV2ImageKeepsC2ForItsSnapshot() {
        assertTrue(PlatformImages.jvmFlags(PlatformVersion.V1).contains("-XX:TieredStopAtLevel=1"));
        assertEquals(List.of("-XX:MaxRAMPercentage=75.0", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
                PlatformImages.jvmFlags(PlatformVersion.V2));
    }
}
