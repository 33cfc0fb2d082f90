package io.github.agentcore4j.maven.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one owner of an agent's entry in .bedrock_agentcore.yaml: read, change, save, and sections added by others. */
class AgentEntryTest {

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve(".bedrock_agentcore.yaml");
    }

    private AgentEntry configured() {
        AgentEntry entry = AgentEntry.read(file(), "java_agent");
        entry.configure(AgentSettings.builder().agentName(null, "java-agent").build(), "com.example.Main");
        return entry;
    }

    @Test
    void aMissingFileReadsAsNoEntryAndSavingCreatesIt() {
        AgentEntry entry = configured();
        assertFalse(Files.exists(file()));
        assertTrue(entry.save());
        assertTrue(AgentEntry.read(file(), "java_agent").exists());
        assertFalse(AgentEntry.read(file(), "other_agent").exists());
    }

    @Test
    void savingWhatTheFileHoldsLeavesItUntouched() throws IOException {
        configured().save();
        String before = Files.readString(file(), StandardCharsets.UTF_8);
        AgentEntry again = configured();
        assertFalse(again.save());
        assertEquals(before, Files.readString(file(), StandardCharsets.UTF_8));
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aSectionAddedByAnotherFeatureIsWrittenAndReadBack() throws IOException {
        AgentEntry entry = configured();
        assertEquals(Optional.empty(), entry.existingSection("memory"));
        entry.section("memory").put("mode", "STM_ONLY");
        entry.section("memory").put("memory_id", "mem-123");
        entry.save();

        assertTrue(Files.readString(file(), StandardCharsets.UTF_8)
                .contains("  memory:\n      mode: STM_ONLY\n      memory_id: mem-123\n"));
        assertEquals(Optional.of(Map.of("mode", "STM_ONLY", "memory_id", "mem-123")),
                AgentEntry.read(file(), "java_agent").existingSection("memory"));
    }

    @Test
    void theDeploymentAndTheSessionRoundTrip() {
        AgentEntry entry = configured();
        entry.deployment("java_agent-AbCdEf1234",
                "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/java_agent-AbCdEf1234");
        entry.sessionId("0123456789abcdef0123456789abcdef-kept");
        entry.save();

        AgentEntry read = AgentEntry.read(file(), "java_agent");
        assertEquals(Optional.of("java_agent-AbCdEf1234"), read.agentId());
        assertEquals(Optional.of("0123456789abcdef0123456789abcdef-kept"), read.sessionId());
        read.remove();
        read.save();
        assertFalse(AgentEntry.read(file(), "java_agent").exists());
    }
}
