package io.github.agentcore4j.it.local;

import static io.github.agentcore4j.it.local.LocalAgents.assertNoProcessFrom;
import static io.github.agentcore4j.it.local.LocalAgents.assertPortFree;
import static io.github.agentcore4j.it.local.LocalAgents.awaitLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.it.image.TinyBaseImages;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Spring Boot example in the developer's loop: run-local on a port other than Boot's 8080 (the plugin passes it
 * as server.port), invoke from another Maven, and agentcore:build into a linux/arm64 image on a tar:// base.
 */
class SpringBootExampleTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void runsOnThePortItIsGivenAndAnswersInvoke() throws Exception {
        FixtureProject project = FixtureProject.copyExample("spring-boot-agent", "spring-boot-example");
        int port = FreePort.pick();
        Path log = project.file("run-local.log");
        Process runLocal = project.startMaven(log, "compile", "agentcore:run-local", "-Dagentcore.port=" + port);
        try {
            awaitLog(log, "Agent spring_boot_agent listens on http://127.0.0.1:" + port + " (HTTP)", runLocal);

            String invoke = project.maven("-q", "agentcore:invoke", "-Dagentcore.invoke.prompt=Hello").assertSuccess().log();

            assertEquals("You said: Hello", json.readTree(invoke).get("response").asText(), invoke);
        } finally {
            runLocal.destroy();
            boolean stopped = runLocal.waitFor(LocalAgents.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            FixtureProject.destroyTree(runLocal);
            assertTrue(stopped, "Maven stopped on SIGTERM");
        }
        assertNoProcessFrom(project);
        assertPortFree(port);
    }

    @Test
    void buildsIntoAnArm64ImageWithTheBootMainClass() throws Exception {
        FixtureProject project = FixtureProject.copyExample("spring-boot-agent", "spring-boot-image");
        Path base = TinyBaseImages.saveTar(project.file("tiny-java.tar"), project.file("target/base-work"));

        project.maven("package", "agentcore:build", "-DskipTests", "-Dagentcore.build.target=tar",
                "-Dagentcore.baseImage=tar://" + base, "-Dagentcore.revision=it-revision",
                // The default Java agent (the AWS distro) is not served by the repositories tests use.
                "-Dagentcore.observability=false").assertSuccess();

        JsonNode image = json.readTree(project.file("target/agentcore/image.json").toFile());
        assertEquals("linux/arm64", image.get("platform").asText(), image.toString());
        assertEquals("tar", image.get("target").asText(), image.toString());
    }
}
