package io.github.agentcore4j.maven.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.agentcore4j.maven.core.config.PlatformVersion;
import io.github.agentcore4j.maven.core.config.RuntimeOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingPathsTest {

    @Test
    void passesNothingWhenThePathsAreTheDefaults() {
        RuntimeOptions defaults = RuntimeOptions.defaults();

        assertEquals(List.of(), ServingPaths.systemProperties(defaults));
        assertEquals(Map.of(), ServingPaths.environment(defaults, 8080));
    }

    @Test
    void passesCustomPathsAsSystemPropertiesToAForkedAgent() {
        RuntimeOptions custom = custom(9100, "/agent/run", "/agent/warm");

        assertEquals(List.of("-Dagentcore.invocationPath=/agent/run", "-Dagentcore.warmupPath=/agent/warm"),
                ServingPaths.systemProperties(custom));
    }

    @Test
    void passesCustomPathsAndPortAsVariablesToAContainer() {
        RuntimeOptions custom = custom(9100, "/agent/run", RuntimeOptions.DEFAULT_WARMUP_PATH);

        assertEquals(Map.of("AGENTCORE_INVOCATION_PATH", "/agent/run", "AGENTCORE_PORT", "9100"),
                ServingPaths.environment(custom, 9100));
    }

    private static RuntimeOptions custom(int port, String invocationPath, String warmupPath) {
        return new RuntimeOptions(PlatformVersion.V2, false, warmupPath, port, invocationPath, null, Map.of(),
                List.of(), List.of(), null);
    }
}
