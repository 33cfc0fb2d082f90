package io.github.agentcore4j.it.local;

import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** agentcore:configure on a project whose .bedrock_agentcore.yaml the Python starter toolkit wrote. */
class ConfigureTest {

    private static final String YAML = ".bedrock_agentcore.yaml";

    @Test
    void addsTheAgentBesideTheToolkitsAndASecondRunChangesNothing() throws IOException {
        FixtureProject project = FixtureProject.copy("local-agent", "configure-twice");
        String toolkitFile = Files.readString(project.file(YAML), StandardCharsets.UTF_8);

        MavenResult first = project.maven("compile", "agentcore:configure").assertSuccess();

        String written = Files.readString(project.file(YAML), StandardCharsets.UTF_8);
        assertContains(first.log(), "Agent name local_echo_agent (from artifactId local-echo-agent; set "
                + "agentcore.agentName to choose another)");
        assertContains(first.log(), "Added agent local_echo_agent (com.example.localagent.LocalEchoAgent, HTTP) in "
                + project.file(YAML));
        assertTrue(written.startsWith("default_agent: local_echo_agent\nagents:\n"), written);
        assertContains(written, toolkitFile.substring(toolkitFile.indexOf("agents:\n")));
        assertContains(written, String.join("\n",
                "  local_echo_agent:",
                "    name: local_echo_agent",
                "    entrypoint: com.example.localagent.LocalEchoAgent",
                "    deployment_type: container",
                "    platform: linux/arm64",
                "    aws:",
                "      region: us-east-1",
                "      network_configuration:",
                "        network_mode: PUBLIC",
                "      protocol_configuration:",
                "        server_protocol: HTTP",
                "      observability:",
                "        enabled: true",
                "    bedrock_agentcore:",
                "      agent_id: null",
                "      agent_arn: null",
                "      agent_session_id: null",
                ""));

        MavenResult second = project.maven("agentcore:configure").assertSuccess();

        assertContains(second.log(), project.file(YAML) + " is up to date for agent local_echo_agent");
        assertArrayEquals(written.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(project.file(YAML)));
    }

    @Test
    void takesListsFromTheCommandLineCommaSeparated() throws IOException {
        FixtureProject project = FixtureProject.copy("local-agent", "configure-vpc");

        project.maven("compile", "agentcore:configure", "-Dagentcore.networkMode=VPC",
                "-Dagentcore.securityGroups=sg-0a1b2c3d4", "-Dagentcore.subnets=subnet-0aaa1111,subnet-0bbb2222",
                "-Dagentcore.protocol=mcp", "-Dagentcore.idleRuntimeSessionTimeout=600").assertSuccess();

        String written = Files.readString(project.file(YAML), StandardCharsets.UTF_8);
        assertContains(written, String.join("\n",
                "      network_configuration:",
                "        network_mode: VPC",
                "        network_mode_config:",
                "          security_groups:",
                "          - sg-0a1b2c3d4",
                "          subnets:",
                "          - subnet-0aaa1111",
                "          - subnet-0bbb2222",
                "      protocol_configuration:",
                "        server_protocol: MCP",
                "      observability:",
                "        enabled: true",
                "      lifecycle_configuration:",
                "        idle_runtime_session_timeout: 600",
                ""));
    }

    @Test
    void anInvalidSettingFailsNamingItAndTheFixAndLeavesTheFileAlone() throws IOException {
        FixtureProject project = FixtureProject.copy("local-agent", "configure-invalid");
        Path yaml = project.file(YAML);
        byte[] before = Files.readAllBytes(yaml);

        MavenResult result = project.maven("compile", "agentcore:configure",
                "-Dagentcore.idleRuntimeSessionTimeout=900", "-Dagentcore.maxLifetime=600").assertFailure();

        assertContains(result.log(), "Invalid setting <maxLifetime> (-Dagentcore.maxLifetime): it is 600 s, shorter "
                + "than idleRuntimeSessionTimeout (900 s). Fix: make maxLifetime at least 900 or lower "
                + "idleRuntimeSessionTimeout.");
        assertArrayEquals(before, Files.readAllBytes(yaml));
    }
}
