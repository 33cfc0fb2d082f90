package io.github.agentcore4j.it.container;

import static io.github.agentcore4j.it.container.ContainerTests.containersNamed;
import static io.github.agentcore4j.it.container.ContainerTests.mavenArguments;
import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.aws.AwsStandIn;
import io.github.agentcore4j.it.aws.ResourceStatus;
import io.github.agentcore4j.it.registry.TestRegistry;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * build and deploy with the smoke test: the image runs in Podman as linux/arm64 and is invoked before it goes
 * anywhere; a broken image is refused with its output, and nothing is pushed.
 */
class SmokeTestTest {

    private static final String MAIN_CLASS = "com.example.localagent.LocalEchoAgent";

    @RegisterExtension
    static final TestRegistry registry = ContainerTests.registryWithBase("container-smoke");

    @Test
    void aHealthyImageIsSmokeTestedThenPushed() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "container-smoke-pass");
        String image = registry.address() + "/smoke/passing:1";

        MavenResult build = project.maven(mavenArguments(registry, "package", "agentcore:build",
                "-Dagentcore.build.smokeTest=true", "-Dagentcore.build.image=" + image)).assertSuccess();

        assertContains(build.log(), "Smoke test: running the image in podman as linux/arm64 on 127.0.0.1:");
        assertContains(build.log(), "Smoke test passed: the image turned healthy and answered its invocation");
        assertTrue(build.log().indexOf("Smoke test passed") < build.log().indexOf("Building linux/arm64 image "
                + image), "pushed before the smoke test passed");
        assertEquals(200, manifestStatus("smoke/passing", "1"));
        assertTrue(containersNamed("agentcore-local_echo_agent-").isEmpty());
    }

    @Test
    void buildRefusesToPushAnImageThatDoesNotTurnHealthy() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "container-smoke-refuse");
        String image = registry.address() + "/smoke/broken:1";

        MavenResult build = project.maven(mavenArguments(registry, "package", "agentcore:build",
                "-Dagentcore.build.smokeTest=true", "-Dagentcore.build.image=" + image,
                "-Dagentcore.environment=LOCAL_AGENT_REFUSE=broken")).assertFailure();

        assertContains(build.log(), "Smoke test failed, so the image is not shipped. The agent's container (podman, "
                + "image sha256:");
        assertContains(build.log(), "refusing to start: broken");
        assertEquals(404, manifestStatus("smoke/broken", "1"));
        assertTrue(containersNamed("agentcore-local_echo_agent-").isEmpty());
    }

    @Test
    void deployRefusesAnImageThatDoesNotTurnHealthyBeforeCallingAws() {
        FixtureProject project = FixtureProject.copy("local-agent", "container-smoke-deploy");

        // No AWS endpoint answers on port 1: reaching AWS at all would fail differently.
        MavenResult deploy = project.maven(mavenArguments(registry, "package", "agentcore:deploy",
                "-Dagentcore.deploy.smokeTest=true", "-Dagentcore.endpointUrl=http://127.0.0.1:1",
                "-Dagentcore.environment=LOCAL_AGENT_REFUSE=broken")).assertFailure();

        assertContains(deploy.log(), "Smoke test failed, so the image is not shipped.");
        assertContains(deploy.log(), "refusing to start: broken");
        assertFalse(deploy.log().contains("127.0.0.1:1"), "deploy called AWS:\n" + deploy.log());
    }

    @Test
    void deployShipsTheImageOnlyAfterItsSmokeTestPassed() {
        try (AwsStandIn aws = AwsStandIn.builder()
                .registry(URI.create("http://" + registry.address())).start()) {
            FixtureProject project = FixtureProject.copy("local-agent", "container-smoke-deploy-pass");
            aws.environment().forEach(project::environment);

            MavenResult deploy = project.maven(mavenArguments(registry, "package", "agentcore:deploy",
                    "-Dagentcore.deploy.smokeTest=true", "-Dagentcore.agentName=smoke_agent")).assertSuccess();

            String log = deploy.log();
            assertContains(log, "Smoke test passed: the image turned healthy and answered its invocation");
            int pushed = log.indexOf("Building linux/arm64 image " + registry.address()
                    + "/bedrock-agentcore-smoke_agent:");
            assertTrue(pushed > log.indexOf("Smoke test passed"), "pushed before the smoke test passed:\n" + log);
            assertEquals(ResourceStatus.READY, aws.agentCore().runtimeNamed("smoke_agent").orElseThrow().status());
        }
    }

    @Test
    void classesNewerThanTheImagesJavaAreExplained() throws Exception {
        FixtureProject project = FixtureProject.copy("local-agent", "container-smoke-java");
        project.maven("compile").assertSuccess();
        // As if compiled for Java 21 (class file version 65): the base image runs Java 17.
        Path mainClass = project.file("target/classes/" + MAIN_CLASS.replace('.', '/') + ".class");
        byte[] bytes = Files.readAllBytes(mainClass);
        bytes[6] = 0;
        bytes[7] = 65;
        Files.write(mainClass, bytes);

        MavenResult build = project.maven(mavenArguments(registry, "agentcore:build",
                "-Dagentcore.build.smokeTest=true", "-Dagentcore.build.target=tar",
                "-Dagentcore.mainClass=" + MAIN_CLASS)).assertFailure();

        assertContains(build.log(), "UnsupportedClassVersionError");
        assertContains(build.log(), "The image's Java is 17 but the classes need Java 21 "
                + "(UnsupportedClassVersionError). Fix: set <baseImage> (-Dagentcore.baseImage) to a Java 21+ runtime "
                + "image, or compile for Java 17 (maven.compiler.release).");
        assertFalse(Files.exists(project.file("target/agentcore/image.tar")));
    }

    private static int manifestStatus(String repository, String tag) throws IOException, InterruptedException {
        HttpRequest head = HttpRequest.newBuilder(URI.create("http://" + registry.address() + "/v2/"
                        + repository + "/manifests/" + tag))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(head, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
