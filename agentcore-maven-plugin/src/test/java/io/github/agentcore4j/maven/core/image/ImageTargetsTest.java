package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageTargetsTest {

    private static final Path TAR = Path.of("target/agentcore/image.tar");

    @Test
    void theRegistryTargetNeedsTheImageSetting() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> ImageTargets.select("registry", " ", "demo:1", TAR, Optional::empty));
        assertTrue(e.getMessage().contains("-Dagentcore.build.image"), e.getMessage());
        assertEquals(new ImageTarget.Registry("r.example/demo:2"),
                ImageTargets.select("REGISTRY", "r.example/demo:2", "demo:1", TAR, Optional::empty));
    }

    @Test
    void tarAndDockerTargetsFallBackToTheProjectName() {
        assertEquals(new ImageTarget.Tar("demo:1", TAR), ImageTargets.select("tar", null, "demo:1", TAR, Optional::empty));
        Path docker = Path.of("/usr/bin/docker");
        assertEquals(new ImageTarget.Daemon("demo:1", docker),
                ImageTargets.select("docker", null, "demo:1", TAR, () -> Optional.of(docker)));
    }

    @Test
    void dockerWithoutAClientAndUnknownTargetsNameTheTargetSetting() {
        InvalidSettingException noClient = assertThrows(InvalidSettingException.class,
                () -> ImageTargets.select("docker", null, "demo:1", TAR, Optional::empty));
        assertTrue(noClient.getMessage().contains("-Dagentcore.build.target"), noClient.getMessage());
        assertTrue(noClient.getMessage().contains("podman"), noClient.getMessage());
        InvalidSettingException unknown = assertThrows(InvalidSettingException.class,
                () -> ImageTargets.select("s3", null, "demo:1", TAR, Optional::empty));
        assertTrue(unknown.getMessage().contains("registry, tar or docker"), unknown.getMessage());
    }

    @Test
    void theFallbackNameIsAValidReference() {
        assertEquals("my-agent:1.0-SNAPSHOT", ImageTargets.fallbackName("My Agent", "1.0-SNAPSHOT"));
        assertEquals("demo:1.0_beta", ImageTargets.fallbackName("demo", "1.0+beta"));
    }
}
