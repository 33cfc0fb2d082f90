package io.github.agentcore4j.maven.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.MemoryBuildLog;
import io.github.agentcore4j.maven.core.config.AgentSettings;
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

    @Test
    void givesASpringBootAppThePortWhereBootReadsIt() {
        LaunchSpec spec = new LaunchSpec("demo", Path.of("/jdk/bin/java"),
                List.of(Path.of("target/classes"), Path.of("repo/spring-boot-4.0.7.jar")), "demo.Main", Protocol.HTTP,
                18080, List.of(), Map.of(), Path.of("."));

        assertTrue(spec.isSpringBoot());
        assertEquals(List.of("/jdk/bin/java", "-Dagentcore.host=127.0.0.1", "-Dagentcore.port=18080",
                "-Dserver.port=18080", "-cp", "target/classes" + java.io.File.pathSeparator
                        + "repo/spring-boot-4.0.7.jar", "demo.Main"), spec.command());
        assertEquals(Map.of("PORT", "18080", "SERVER_PORT", "18080"), spec.processEnvironment());
    }

    @Test
    void aStarterOrAutoconfigureJarAloneIsNoSpringBootApp() {
        LaunchSpec spec = new LaunchSpec("demo", Path.of("java"), List.of(Path.of("spring-boot-starter-4.0.7.jar")),
                "demo.Main", Protocol.HTTP, 8080, List.of(), Map.of(), Path.of("."));

        assertFalse(spec.isSpringBoot());
    }

    @Test
    void theForkedAgentGetsTheUsersOptionsThenTheServingPathsAndItsEnvironment() {
        AgentSettings settings = AgentSettings.builder().agentName("demo", "demo").environment(List.of("MODEL=x"))
                .serving(null, "/custom").build();
        MemoryBuildLog log = new MemoryBuildLog();

        LaunchSpec spec = LaunchSpec.forked(settings, List.of(Path.of("target/classes")), "demo.Main", 18080,
                "  -Xmx512m   -Dlog.level=debug ", Path.of("."),
                Map.of("MODEL", "recorded", "BEDROCK_AGENTCORE_MEMORY_ID", "mem-1"), log);

        assertEquals(List.of("-Xmx512m", "-Dlog.level=debug", "-Dagentcore.invocationPath=/custom"),
                spec.jvmArguments());
        assertEquals("x", spec.environment().get("MODEL"), "the settings win over what the YAML records");
        assertEquals("mem-1", spec.environment().get("BEDROCK_AGENTCORE_MEMORY_ID"));
        assertEquals(18080, spec.port());
        assertEquals(LaunchSpec.currentJava(), spec.javaExecutable());
        assertTrue(log.text().contains("AWS"), "the AWS identity passthrough is logged: " + log.text());
    }
}
