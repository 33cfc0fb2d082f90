package io.github.agentcore4j.maven.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.agentcore4j.maven.core.config.Protocol;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSpecTest {

    @Test
    void forksTheAgentOnLoopbackWithItsPortInBothPlacesTheRuntimeReads() {
        LaunchSpec spec = new LaunchSpec("demo", Path.of("/jdk/bin/java"),
                List.of(Path.of("target/classes"), Path.of("lib.jar")), "demo.Main", Protocol.HTTP, 18080,
                List.of("-Xmx256m"), Map.of("MODEL", "small"), Path.of("."));

        assertEquals(List.of("/jdk/bin/java", "-Xmx256m", "-Dagentcore.host=127.0.0.1", "-Dagentcore.port=18080",
                "-cp", "target/classes" + java.io.File.pathSeparator + "lib.jar", "demo.Main"), spec.command());
        assertEquals(Map.of("MODEL", "small", "PORT", "18080"), spec.processEnvironment());
    }
}
