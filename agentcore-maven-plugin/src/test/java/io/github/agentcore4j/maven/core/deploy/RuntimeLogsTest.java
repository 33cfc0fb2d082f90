package io.github.agentcore4j.maven.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RuntimeLogsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void sinceTakesAnAgeOrAnInstant() {
        assertEquals(Instant.parse("2026-11-30T11:59:30Z"), RuntimeLogs.parseSince("30s", NOW));
        assertEquals(Instant.parse("2026-11-30T11:50:00Z"), RuntimeLogs.parseSince("10m", NOW));
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), RuntimeLogs.parseSince(" 2h ", NOW));
        assertEquals(Instant.parse("2026-11-29T12:00:00Z"), RuntimeLogs.parseSince("1d", NOW));
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), RuntimeLogs.parseSince("2026-11-30T08:00:00Z", NOW));
    }

    @Test
    void anythingElseNamesTheSetting() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> RuntimeLogs.parseSince("yesterday", NOW));
        assertEquals("since", e.parameter());
        assertEquals("Invalid setting <since> (-Dagentcore.logs.since): 'yesterday' is neither an age nor an instant. "
                + "Fix: write an age such as 10m, 2h or 1d, or an instant such as 2026-11-30T12:00:00Z.",
                e.getMessage());
    }
}
