package io.github.agentcore4j.maven.core.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.agentcore4j.maven.core.config.Protocol;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerLaunchTest {

    @Test
    void theRunCommandPublishesOnLoopbackAndPassesVariablesByNameOnly() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_SECRET_ACCESS_KEY", "do-not-show");
        ContainerLaunch launch = new ContainerLaunch(new ContainerEngine(Path.of("/usr/bin/podman")), "sha256:abc",
                "my_agent", Protocol.MCP, 18000, 8000, environment, Path.of("/project"));

        assertEquals(List.of("/usr/bin/podman", "run", "--rm", "--name", "agentcore-my_agent-18000", "--platform",
                "linux/arm64", "--pull=never", "-p", "127.0.0.1:18000:8000", "--env", "AWS_REGION", "--env",
                "AWS_SECRET_ACCESS_KEY", "sha256:abc"), launch.command());
        assertEquals(environment, launch.processEnvironment());
        assertEquals("The agent's container (podman, image sha256:abc)", launch.description());
    }
}
