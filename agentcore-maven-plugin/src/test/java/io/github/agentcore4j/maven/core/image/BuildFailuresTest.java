package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.image.json.UnlistedPlatformInManifestListException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URL;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class BuildFailuresTest {

    private static final ImageReference BASE = ImageReference.of("base.example", "java", "21");
    private static final ImageReference TARGET = ImageReference.of("127.0.0.1:5000", "agents/demo", "1");

    private final BuildFailures failures =
            new BuildFailures(BASE, TARGET, new ImageTarget.Registry(TARGET.toString()));

    @Test
    void aBaseWithoutArm64NamesTheBaseImageSetting() {
        String message = failures.explain(new ExecutionException(new UnlistedPlatformInManifestListException(
                "The base image reference is a manifest list, but the list does not contain an image for "
                        + "architecture=arm64, os=linux"))).getMessage();
        assertTrue(message.contains("base.example/java:21 has no linux/arm64 image"), message);
        assertTrue(message.contains("-Dagentcore.baseImage"), message);
    }

    @Test
    void anUnreachableTargetRegistryNamesTheImageSetting() {
        String message = failures.explain(new ExecutionException(new ConnectException(
                "Connect to 127.0.0.1:5000 [/127.0.0.1] failed: Connection refused"))).getMessage();
        assertTrue(message.startsWith("Cannot reach registry 127.0.0.1:5000 for the target image"), message);
        assertTrue(message.contains("-Dagentcore.build.image"), message);
    }

    @Test
    void anUnreachableBaseRegistryNamesTheBaseImageSetting() {
        String message = failures.explain(new ExecutionException(new ConnectException(
                "Connect to base.example:443 failed: Connection refused"))).getMessage();
        assertTrue(message.startsWith("Cannot reach registry base.example for the base image"), message);
    }

    @Test
    void plainHttpNamesTheInsecureSetting() throws Exception {
        String message = failures.explain(new ExecutionException(new InsecureRegistryException(
                new URL("http://127.0.0.1:5000/v2/"), new RuntimeException("no TLS")))).getMessage();
        assertTrue(message.contains("-Dagentcore.allowInsecureRegistries=true"), message);
    }

    @Test
    void refusedCredentialsSayWhereCredentialsComeFrom() {
        String message = failures.explain(new RegistryAuthenticationFailedException("127.0.0.1:5000",
                "agents/demo", "401 Unauthorized")).getMessage();
        assertTrue(message.startsWith("Registry 127.0.0.1:5000 refused access for the target image"), message);
        assertTrue(message.contains("settings.xml <server>"), message);
        assertTrue(message.contains("docker login 127.0.0.1:5000"), message);
        assertTrue(message.contains("ecr:GetAuthorizationToken"), message);
    }

    @Test
    void aStoppedLocalEngineSaysToStartItOrPickAnotherTarget() {
        BuildFailures toDocker = new BuildFailures(BASE, TARGET,
                new ImageTarget.Daemon(TARGET.toString(), Path.of("/usr/bin/docker")));
        String message = toDocker.explain(new ExecutionException(new IOException("'docker info' command failed with "
                + "error: Cannot connect to the Docker daemon at unix:///var/run/docker.sock."))).getMessage();
        assertTrue(message.startsWith("Cannot load image 127.0.0.1:5000/agents/demo:1 into the local container "
                + "engine with /usr/bin/docker"), message);
        assertTrue(message.contains("-Dagentcore.build.target=registry or tar"), message);
    }

    @Test
    void aMissingBaseManifestSaysTheBaseWasNotFound() {
        String message = failures.explain(new ExecutionException(new RuntimeException(
                "Tried to pull image manifest for base.example/java:21 but failed because: manifest unknown")))
                .getMessage();
        assertTrue(message.startsWith("Base image base.example/java:21 was not found"), message);
    }
}
