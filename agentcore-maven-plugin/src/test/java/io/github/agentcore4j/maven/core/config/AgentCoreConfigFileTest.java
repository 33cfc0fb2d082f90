package io.github.agentcore4j.maven.core.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.MemoryBuildLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class AgentCoreConfigFileTest {

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve(".bedrock_agentcore.yaml");
    }

    private static AgentSettings javaAgent() {
        return AgentSettings.builder().agentName(null, "java-agent").region("us-east-1").build();
    }

    private void copyToolkitFile() throws IOException {
        try (InputStream toolkit = getClass().getResourceAsStream("/config/toolkit.bedrock_agentcore.yaml")) {
            Files.copy(toolkit, file());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> yaml() throws IOException {
        return new Yaml().load(Files.readString(file()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String... path) {
        Map<String, Object> current = parent;
        for (String key : path) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    @Test
    void writesANewFileInTheToolkitSchema() throws IOException {
        MemoryBuildLog log = new MemoryBuildLog();

        assertTrue(Configurator.configure(file(), javaAgent(), "com.example.JavaAgent", log));

        assertEquals(String.join("\n",
                "default_agent: java_agent",
                "agents:",
                "  java_agent:",
                "    name: java_agent",
                "    entrypoint: com.example.JavaAgent",
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
                ""), Files.readString(file()));
        assertEquals(List.of("INFO Added agent java_agent (com.example.JavaAgent, HTTP) in " + file()), log.lines());
    }

    @Test
    void writesEveryOwnedSetting() throws IOException {
        AgentSettings settings = AgentSettings.builder()
                .agentName("Vpc_Agent", "ignored")
                .protocol("A2A")
                .lifecycle(900, 3600)
                .network("VPC", List.of("sg-0a1b2c3d"), List.of("subnet-11111111", "subnet-22222222"))
                .requestHeaderAllowlist(List.of("X-Tenant-Id", "Authorization"))
                .jwtAuthorizer("https://idp.example.com/.well-known/openid-configuration", List.of("app"),
                        List.of("api"), List.of("agent:invoke"))
                .observability(false)
                .build();

        Configurator.configure(file(), settings, "com.example.Main", new MemoryBuildLog());

        Map<String, Object> agent = map(yaml(), "agents", "Vpc_Agent");
        assertEquals(Map.of("network_mode", "VPC", "network_mode_config",
                Map.of("security_groups", List.of("sg-0a1b2c3d"), "subnets", List.of("subnet-11111111", "subnet-22222222"))),
                map(agent, "aws", "network_configuration"));
        assertEquals(Map.of("server_protocol", "A2A"), map(agent, "aws", "protocol_configuration"));
        assertEquals(Map.of("idle_runtime_session_timeout", 900, "max_lifetime", 3600),
                map(agent, "aws", "lifecycle_configuration"));
        assertEquals(Map.of("enabled", false), map(agent, "aws", "observability"));
        assertEquals(Map.of("requestHeaderAllowlist", List.of("X-Tenant-Id", "Authorization")),
                map(agent, "request_header_configuration"));
        assertEquals(Map.of("customJWTAuthorizer", Map.of(
                "discoveryUrl", "https://idp.example.com/.well-known/openid-configuration",
                "allowedAudience", List.of("api"), "allowedClients", List.of("app"),
                "allowedScopes", List.of("agent:invoke"))), map(agent, "authorizer_configuration"));
    }

    @Test
    void aCorruptAgentsSectionIsRefusedNotOverwritten() throws IOException {
        for (String corrupt : new String[] {"agents: [one, two]\n", "agents: just text\n",
                "agents:\n  demo: 5\n"}) {
            Files.writeString(file(), corrupt);

            InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                    () -> Configurator.configure(file(), javaAgent(), "com.example.JavaAgent", new MemoryBuildLog()));

            assertTrue(refused.getMessage().contains("agents: section"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Fix: "), refused.getMessage());
            assertEquals(corrupt, Files.readString(file()), "the file is left as the user wrote it");
        }
    }

    @Test
    void aSecondRunChangesNothing() throws IOException {
        Configurator.configure(file(), javaAgent(), "com.example.JavaAgent", new MemoryBuildLog());
        byte[] first = Files.readAllBytes(file());
        MemoryBuildLog log = new MemoryBuildLog();

        assertFalse(Configurator.configure(file(), javaAgent(), "com.example.JavaAgent", log));

        assertArrayEquals(first, Files.readAllBytes(file()));
        assertEquals(List.of("INFO " + file() + " is up to date for agent java_agent"), log.lines());
    }

    @Test
    void updatesAToolkitFileKeepingOtherAgentsAndUnknownFields() throws IOException {
        copyToolkitFile();
        @SuppressWarnings("unchecked")
        Map<String, Object> strandsBefore = map(yaml(), "agents", "strands_agent");
        MemoryBuildLog log = new MemoryBuildLog();

        assertTrue(Configurator.configure(file(), javaAgent(), "com.example.JavaAgent", log));

        Map<String, Object> after = yaml();
        assertEquals("java_agent", after.get("default_agent"));
        assertEquals(false, after.get("is_agentcore_create_with_iac"));
        assertEquals(strandsBefore, map(after, "agents", "strands_agent"));
        Map<String, Object> agent = map(after, "agents", "java_agent");
        assertEquals("com.example.JavaAgent", agent.get("entrypoint"));
        assertEquals("container", agent.get("deployment_type"));
        assertEquals(Map.of("nested", List.of(1, 2, 3)), agent.get("a_field_from_a_newer_toolkit"));
        assertEquals(Map.of("mode", "NO_MEMORY"), agent.get("memory"));
        Map<String, Object> aws = map(agent, "aws");
        assertEquals("us-east-1", aws.get("region"));
        assertEquals("keep-me", aws.get("some_new_aws_setting"));
        // Owned by the observability setting (default true), like the toolkit's --disable-otel.
        assertEquals(Map.of("enabled", true), aws.get("observability"));
        assertEquals("2f1c8a57-0d4e-4f55-bb2c-1d6f0c5b7e99", map(agent, "bedrock_agentcore").get("agent_session_id"));
        assertEquals(List.of("INFO Updated agent java_agent (com.example.JavaAgent, HTTP) in " + file()), log.lines());

        byte[] updated = Files.readAllBytes(file());
        assertFalse(Configurator.configure(file(), javaAgent(), "com.example.JavaAgent", new MemoryBuildLog()));
        assertArrayEquals(updated, Files.readAllBytes(file()));
    }

    @Test
    void readsToolkitValuesItDoesNotWrite() throws IOException {
        copyToolkitFile();

        AgentCoreConfig config = AgentCoreConfigFile.read(file());

        assertTrue(config.hasAgent("java_agent"));
        assertEquals(Optional.of("arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/strands_agent-AbCdEf1234"),
                config.agentArn("strands_agent"));
        assertEquals(Optional.of("5e0a9a4b-3c43-4a51-9a3b-5b9cd1b2e0aa"), config.sessionId("strands_agent"));
        assertEquals(Optional.empty(), config.agentArn("java_agent"));
        assertEquals(Optional.empty(), config.sessionId("no_such_agent"));
    }

    @Test
    void unsetSettingsKeepWhatTheFileHas() throws IOException {
        Configurator.configure(file(), AgentSettings.builder().agentName(null, "java-agent").lifecycle(120, 240)
                .requestHeaderAllowlist(List.of("X-Tenant")).region("eu-west-1").build(), "a.Main",
                new MemoryBuildLog());

        Configurator.configure(file(), AgentSettings.builder().agentName(null, "java-agent").build(), "a.Main",
                new MemoryBuildLog());

        Map<String, Object> agent = map(yaml(), "agents", "java_agent");
        assertEquals("eu-west-1", map(agent, "aws").get("region"));
        assertEquals(Map.of("idle_runtime_session_timeout", 120, "max_lifetime", 240),
                map(agent, "aws", "lifecycle_configuration"));
        assertEquals(Map.of("requestHeaderAllowlist", List.of("X-Tenant")), map(agent, "request_header_configuration"));
    }

    @Test
    void switchingBackToPublicDropsTheVpcConfiguration() throws IOException {
        Configurator.configure(file(), AgentSettings.builder().agentName(null, "a")
                .network("VPC", List.of("sg-11111111"), List.of("subnet-11111111")).build(), "a.Main", new MemoryBuildLog());

        Configurator.configure(file(), AgentSettings.builder().agentName(null, "a").build(), "a.Main",
                new MemoryBuildLog());

        assertEquals(Map.of("network_mode", "PUBLIC"), map(yaml(), "agents", "a", "aws", "network_configuration"));
    }

    @Test
    void wrapsALegacySingleAgentFile() throws IOException {
        Files.writeString(file(), "name: old_agent\nentrypoint: agent.py\nplatform: linux/amd64\n");

        Configurator.configure(file(), javaAgent(), "com.example.JavaAgent", new MemoryBuildLog());

        Map<String, Object> after = yaml();
        assertEquals(Map.of("name", "old_agent", "entrypoint", "agent.py", "platform", "linux/amd64"),
                map(after, "agents", "old_agent"));
        assertTrue(map(after, "agents").containsKey("java_agent"));
    }

    @Test
    void keepsTheSessionIdOfAnAgent() throws IOException {
        Configurator.configure(file(), javaAgent(), "com.example.JavaAgent", new MemoryBuildLog());
        AgentCoreConfig config = AgentCoreConfigFile.read(file());

        config.sessionId("java_agent", "a-session-id-that-is-long-enough-000000");
        assertTrue(AgentCoreConfigFile.write(file(), config));

        assertEquals(Optional.of("a-session-id-that-is-long-enough-000000"),
                AgentCoreConfigFile.read(file()).sessionId("java_agent"));
        assertFalse(AgentCoreConfigFile.write(file(), AgentCoreConfigFile.read(file())));
    }

    @Test
    void writesAtomicallyWithoutLeavingTemporaryFiles() throws IOException {
        Configurator.configure(file(), javaAgent(), "com.example.JavaAgent", new MemoryBuildLog());
        Configurator.configure(file(), javaAgent(), "com.example.Other", new MemoryBuildLog());

        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(file()), files.toList());
        }
        assertTrue(Files.readString(file(), StandardCharsets.UTF_8).contains("entrypoint: com.example.Other"));
    }

    @Test
    void aMissingOrEmptyFileIsAnEmptyConfiguration() throws IOException {
        assertFalse(AgentCoreConfigFile.read(file()).hasAgent("java_agent"));
        Files.writeString(file(), "");
        assertFalse(AgentCoreConfigFile.read(file()).hasAgent("java_agent"));
    }

    @Test
    void namesTheFileWhenItIsNotYaml() throws IOException {
        Files.writeString(file(), "agents: [unclosed\n");

        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> AgentCoreConfigFile.read(file()));

        assertEquals("configFile", e.parameter());
        assertTrue(e.getMessage().startsWith("Invalid setting <configFile> (-Dagentcore.configFile): " + file()
                + " is not valid YAML: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix: fix the file, or delete it and run agentcore:configure."));
    }

    @Test
    void rejectsAFileThatIsNotAMapping() throws IOException {
        Files.writeString(file(), "- just\n- a list\n");

        assertEquals("configFile",
                assertThrows(InvalidSettingException.class, () -> AgentCoreConfigFile.read(file())).parameter());
    }
}
