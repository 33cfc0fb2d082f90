package io.github.agentcore4j.maven.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.identity.CredentialProviderRecord;
import io.github.agentcore4j.maven.core.identity.IdentityRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The toolkit's memory and identity sections, written and read back through the YAML file. */
class MemoryRecordTest {

    private static final String MEMORY_ARN =
            "arn:aws:bedrock-agentcore:us-east-1:111122223333:memory/my_agent_mem-a1B2c3D4e5";

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve(".bedrock_agentcore.yaml");
    }

    private AgentEntry agent() {
        AgentEntry entry = AgentEntry.read(file(), "my_agent");
        entry.configure(AgentSettings.builder().agentName("my_agent", "x").build(), "a.Main");
        return entry;
    }

    /** Saves the entry and reads it back from the file. */
    private AgentEntry roundTrip(AgentEntry entry) {
        entry.save();
        return AgentEntry.read(file(), "my_agent");
    }

    @Test
    void writesTheToolkitsMemoryFieldsInItsOrderAndReadsThemBack() throws Exception {
        AgentEntry entry = agent();
        MemoryRecord.configure(entry, MemorySettings.of("STM_AND_LTM", null, 30, "my_agent"));
        new MemoryRecord(MemoryMode.STM_AND_LTM, "my_agent_mem-a1B2c3D4e5", MEMORY_ARN, "my_agent_mem", 30, true)
                .writeTo(entry);

        AgentEntry read = roundTrip(entry);
        String yaml = Files.readString(file());
        assertTrue(yaml.contains("    memory:\n      mode: STM_AND_LTM\n      memory_id: my_agent_mem-a1B2c3D4e5\n"
                + "      memory_arn: " + MEMORY_ARN + "\n      memory_name: my_agent_mem\n"
                + "      event_expiry_days: 30\n      first_invoke_memory_check_done: false\n"
                + "      was_created_by_toolkit: true\n"), yaml);
        MemoryRecord record = MemoryRecord.read(read).orElseThrow();
        assertTrue(record.createdByDeploy());
        assertEquals(Map.of("BEDROCK_AGENTCORE_MEMORY_ID", "my_agent_mem-a1B2c3D4e5",
                "BEDROCK_AGENTCORE_MEMORY_NAME", "my_agent_mem"), record.environment());
    }

    @Test
    void configureWritesAGivenMemoryButNoSectionForAnAgentWithoutMemory() {
        AgentEntry entry = agent();
        MemoryRecord.configure(entry, MemorySettings.of(null, null, null, "my_agent"));
        assertTrue(entry.existingSection("memory").isEmpty());

        MemoryRecord.configure(entry, MemorySettings.of(null, "shared_mem-a1B2c3D4e5", 60, "my_agent"));
        MemoryRecord given = MemoryRecord.read(roundTrip(entry)).orElseThrow();
        assertEquals("shared_mem-a1B2c3D4e5", given.memoryId());
        assertEquals(60, given.eventExpiryDays());
        assertFalse(given.createdByDeploy(), "destroy never deletes a memory it was given");
    }

    @Test
    void recordsCredentialProvidersInTheToolkitsFieldsKeepingOthers() {
        AgentEntry entry = agent();
        CredentialProviderRecord toolkits = new CredentialProviderRecord("github", "arn:github", "github",
                "https://callback");
        IdentityRecord.write(entry, List.of(toolkits), Set.of());
        CredentialProviderRecord apiKey = new CredentialProviderRecord("openai", "arn:openai",
                CredentialProviderRecord.API_KEY, "");

        IdentityRecord.write(entry, List.of(apiKey), Set.of("openai"));

        AgentEntry read = roundTrip(entry);
        assertEquals(List.of(toolkits, apiKey), IdentityRecord.providers(read));
        assertEquals(Set.of("openai"), IdentityRecord.createdApiKeyProviders(read));
    }
}
