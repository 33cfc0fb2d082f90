package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.agentcore4j.maven.core.config.PlatformVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformImagesTest {

    @Test
    void aV2ImageRunsJettyWhenTheClasspathHasIt() {
        assertEquals(Map.of("AGENTCORE_ENGINE", "jetty"), PlatformImages.engineEnvironment(PlatformVersion.V2, true));
    }

    @Test
    void aV2ImageWithoutJettyKeepsTheJdkServer() {
        // Setting the variable without Jetty on the classpath would stop the agent at start-up.
        assertEquals(Map.of(), PlatformImages.engineEnvironment(PlatformVersion.V2, false));
    }

    @Test
    void aV1ImageKeepsTheJdkServerForItsColdStartEvenWithJetty() {
        assertEquals(Map.of(), PlatformImages.engineEnvironment(PlatformVersion.V1, true));
        assertEquals(Map.of(), PlatformImages.engineEnvironment(PlatformVersion.V1, false));
    }
}
