package io.github.agentcore4j.maven.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What deploy and destroy record in .bedrock_agentcore.yaml, beside a toolkit-written agent that must survive. */
class DeploymentRecordTest {

    private static final String ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/java_agent-AbCdEf1234";
    private static final String ROLE = "arn:aws:iam::123456789012:role/AmazonBedrockAgentCoreSDKRuntime-us-east-1-x";

    @TempDir
    Path directory;

    private AgentCoreConfig toolkitFileWithJavaAgent() throws IOException {
        Path file = directory.resolve(".bedrock_agentcore.yaml");
        try (InputStream toolkit = getClass().getResourceAsStream("/config/toolkit.bedrock_agentcore.yaml")) {
            Files.copy(toolkit, file);
        }
        AgentCoreConfig config = AgentCoreConfigFile.read(file);
        config.configureAgent(AgentSettings.builder().agentName(null, "java-agent").build(), "com.example.Main");
        return config;
    }

    @Test
    void recordsTheRuntimeAndForgetsTheOldSessionWhenTheRuntimeChanges() throws IOException {
        AgentCoreConfig config = toolkitFileWithJavaAgent();
        config.sessionId("java_agent", "0123456789abcdef0123456789abcdef-old");

        config.deployment("java_agent", "java_agent-AbCdEf1234", ARN);
        config.deployedVersion("java_agent", "3", "sha256:abc");

        assertEquals(Optional.of("java_agent-AbCdEf1234"), config.agentId("java_agent"));
        assertEquals(Optional.of(ARN), config.agentArn("java_agent"));
        assertEquals(Optional.empty(), config.sessionId("java_agent"));
        config.sessionId("java_agent", "0123456789abcdef0123456789abcdef-new");
        config.deployment("java_agent", "java_agent-AbCdEf1234", ARN);
        assertEquals(Optional.of("0123456789abcdef0123456789abcdef-new"), config.sessionId("java_agent"),
                "the same runtime keeps its session");
        String yaml = AgentCoreConfigFile.render(config);
        assertTrue(yaml.contains("  agentcore4j:\n      deployed_version: '3'\n      image_digest: sha256:abc\n"),
                yaml);
    }

    @Test
    void onlyARoleThisPluginCreatedCountsAsOurs() throws IOException {
        AgentCoreConfig config = toolkitFileWithJavaAgent();

        config.executionRole("java_agent", ROLE, true);
        assertTrue(config.createdExecutionRole("java_agent"));

        config.executionRole("java_agent", "arn:aws:iam::123456789012:role/TeamRole", false);
        assertFalse(config.createdExecutionRole("java_agent"), "a role set later by the user is not ours");
        assertFalse(config.createdExecutionRole("strands_agent"), "the toolkit's role is not ours");
        assertEquals(Optional.of("arn:aws:iam::123456789012:role/TeamRole"), config.executionRole("java_agent"));
    }

    @Test
    void removingTheAgentKeepsTheOthersAndMovesTheDefault() throws IOException {
        AgentCoreConfig config = toolkitFileWithJavaAgent();
        config.ecrRepository("java_agent", "123456789012.dkr.ecr.us-east-1.amazonaws.com/bedrock-agentcore-java_agent");

        config.removeAgent("java_agent");

        assertFalse(config.hasAgent("java_agent"));
        assertTrue(config.hasAgent("strands_agent"));
        String yaml = AgentCoreConfigFile.render(config);
        assertTrue(yaml.startsWith("default_agent: strands_agent\n"), yaml);
        assertTrue(yaml.contains("agent_id: strands_agent-"), "the toolkit's agent is untouched: " + yaml);
        assertFalse(yaml.contains("java_agent"), yaml);
    }
}
