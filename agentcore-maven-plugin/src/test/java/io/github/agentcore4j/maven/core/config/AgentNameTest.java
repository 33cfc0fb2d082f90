package io.github.agentcore4j.maven.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentNameTest {

    @ParameterizedTest
    @CsvSource({
        "my-agent, my_agent",
        "echo.agent-v2, echo_agent_v2",
        "already_valid, already_valid",
        "1st-agent, agent_1st_agent",
        "_private, agent__private",
        "café-bot, caf__bot",
        "élan, agent__lan",
    })
    void convertsArtifactIdsIntoValidRuntimeNames(String artifactId, String expected) {
        assertEquals(expected, AgentName.convert(artifactId));
        assertTrue(AgentName.VALID.matcher(expected).matches());
    }

    @Test
    void truncatesToTheRuntimeNameLimit() {
        String converted = AgentName.convert("a-very-long-artifact-id-that-goes-on-and-on-and-on-forever");

        assertEquals(48, converted.length());
        assertEquals("a_very_long_artifact_id_that_goes_on_and_on_and_", converted);
    }

    @Test
    void defaultsToTheConvertedArtifactIdAndSaysSo() {
        AgentName name = AgentName.resolve(null, "my-agent");

        assertEquals("my_agent", name.value());
        assertTrue(name.wasConverted());
    }

    @Test
    void anArtifactIdThatIsAlreadyValidNeedsNoMention() {
        assertFalse(AgentName.resolve(" ", "agent").wasConverted());
    }

    @Test
    void keepsAValidConfiguredName() {
        AgentName name = AgentName.resolve("Support_Bot", "my-agent");

        assertEquals("Support_Bot", name.value());
        assertFalse(name.wasConverted());
    }

    @Test
    void rejectsAnInvalidConfiguredNameAndSuggestsAValidOne() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AgentName.resolve("support-bot", "my-agent"));

        assertEquals("agentName", e.parameter());
        assertEquals("Invalid setting <agentName> (-Dagentcore.agentName): 'support-bot' is not a valid agent runtime "
                + "name (a letter, then up to 47 letters, digits or underscores). Fix: use 'support_bot'.",
                e.getMessage());
    }
}
