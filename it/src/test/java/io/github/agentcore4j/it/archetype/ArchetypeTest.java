package io.github.agentcore4j.it.archetype;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A new user's first steps with real Maven: {@code mvn archetype:generate} from the archetype the reactor installed,
 * then {@code mvn verify} on the generated project, which runs its unit test and its integration test against the
 * agent agentcore:start launches, for the plain and the Spring Boot variant.
 */
class ArchetypeTest {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(8);

    @Test
    void generatesAnAgentProjectWhoseTestsPass() throws IOException {
        FixtureProject generated = generate("archetype-plain", "my-agent", "com.example.agent", "false");

        assertTrue(Files.readString(generated.file("pom.xml")).contains(
                "<agentcore4j.version>" + FixtureProject.versionUnderTest() + "</agentcore4j.version>"));
        assertTrue(Files.readString(generated.file("README.md")).contains("mvn agentcore:run-local"));
        verifyAgainstTheStartedAgent(generated);
    }

    @Test
    void generatesASpringBootAgentProjectWhoseTestsPass() throws IOException {
        FixtureProject generated = generate("archetype-spring-boot", "boot-agent", "com.example.boot", "true");

        assertTrue(Files.readString(generated.file("pom.xml")).contains("<artifactId>spring-boot-starter-web"));
        verifyAgainstTheStartedAgent(generated);
    }

    private static FixtureProject generate(String scenario, String artifactId, String javaPackage, String springBoot) {
        FixtureProject directory = FixtureProject.emptyDirectory(scenario);
        directory.maven("archetype:generate", "-DinteractiveMode=false",
                "-DarchetypeGroupId=io.github.agentcore4j", "-DarchetypeArtifactId=agentcore4j-archetype",
                "-DarchetypeVersion=" + FixtureProject.versionUnderTest(), "-DgroupId=com.example",
                "-DartifactId=" + artifactId, "-Dversion=1.0.0-SNAPSHOT", "-Dpackage=" + javaPackage,
                "-DspringBoot=" + springBoot).assertSuccess();
        return directory.subproject(artifactId);
    }

    private static void verifyAgainstTheStartedAgent(FixtureProject generated) {
        int port = FreePort.pick();

        MavenResult verify = generated.maven(BUILD_TIMEOUT, "verify", "-Dagentcore.port=" + port).assertSuccess();

        assertTrue(verify.log().contains("Set agentcore.local.port=" + port + " and agentcore.local.url=http://"
                + "127.0.0.1:" + port + " for the integration tests"), verify.log());
        assertTrue(verify.log().contains("Tests run: 2, Failures: 0"), "the unit tests ran: " + verify.log());
        assertTrue(verify.log().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed")
                && verify.log().contains("in com.example."), "the integration test ran: " + verify.log());
        assertTrue(verify.log().contains("Stopped the local agent"), verify.log());
    }
}
