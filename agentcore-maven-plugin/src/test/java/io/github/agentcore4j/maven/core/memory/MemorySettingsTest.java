package io.github.agentcore4j.maven.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import org.junit.jupiter.api.Test;

class MemorySettingsTest {

    @Test
    void defaultsToNoMemoryAndTheToolkitsThirtyDays() {
        MemorySettings settings = MemorySettings.of(null, null, null, "my_agent");

        assertEquals(MemoryMode.NO_MEMORY, settings.mode());
        assertEquals(30, settings.eventExpiryDays());
        assertNull(settings.memoryId());
        assertFalse(settings.enabled());
    }

    @Test
    void namesTheMemoryAfterTheAgentAsTheToolkitDoes() {
        MemorySettings settings = MemorySettings.of("stm_and_ltm", "", 90, "my_agent");

        assertEquals(MemoryMode.STM_AND_LTM, settings.mode());
        assertEquals("my_agent_mem", settings.memoryName());
        assertEquals(90, settings.eventExpiryDays());
        assertTrue(settings.enabled());
    }

    @Test
    void aGivenMemoryIdEnablesMemoryWhateverTheMode() {
        MemorySettings settings = MemorySettings.of(null, " shared_mem-a1B2c3D4e5 ", null, "my_agent");

        assertEquals("shared_mem-a1B2c3D4e5", settings.memoryId());
        assertTrue(settings.enabled());
    }

    @Test
    void refusesAnUnknownModeNamingTheSettingAndTheModes() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> MemorySettings.of("LONG", null, null, "a"));

        assertEquals("memoryMode", e.parameter());
        assertTrue(e.getMessage().contains("-Dagentcore.memoryMode"), e.getMessage());
        assertTrue(e.getMessage().contains("[NO_MEMORY, STM_ONLY, STM_AND_LTM]"), e.getMessage());
    }

    @Test
    void refusesAnExpiryOutsideTheBoundsCreateMemoryAccepts() {
        assertEquals(3, MemorySettings.of("STM_ONLY", null, 3, "a").eventExpiryDays());
        assertEquals(365, MemorySettings.of("STM_ONLY", null, 365, "a").eventExpiryDays());
        for (int days : new int[] {2, 366, 0}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> MemorySettings.of("STM_ONLY", null, days, "a"));
            assertEquals("memoryEventExpiryDays", e.parameter());
            assertTrue(e.getMessage().contains("3..365"), e.getMessage());
        }
    }

    @Test
    void refusesAnAgentNameTooLongForTheMemoryNameUnlessAMemoryIsGiven() {
        String longest = "a".repeat(44);
        assertEquals(longest + "_mem", MemorySettings.of("STM_ONLY", null, null, longest).memoryName());

        String tooLong = "a".repeat(45);
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> MemorySettings.of("STM_ONLY", null, null, tooLong));
        assertEquals("memoryMode", e.parameter());
        assertTrue(e.getMessage().contains("at most 44 characters"), e.getMessage());
        assertTrue(e.getMessage().contains("memoryId"), e.getMessage());
        MemorySettings.of("STM_ONLY", "shared_mem-a1B2c3D4e5", null, tooLong);
        MemorySettings.of("NO_MEMORY", null, null, tooLong);
    }

    @Test
    void refusesAMemoryIdThatIsNoMemoryId() {
        for (String id : new String[] {"arn:aws:bedrock-agentcore:us-east-1:1:memory/x-a1B2c3D4e5", "shared_mem",
            "1mem-a1B2c3D4e5"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> MemorySettings.of(null, id, null, "a"));
            assertEquals("memoryId", e.parameter());
        }
    }
}
