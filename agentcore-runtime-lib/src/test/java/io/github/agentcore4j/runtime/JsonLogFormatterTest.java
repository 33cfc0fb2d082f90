package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("my.agent");
        record.setMillis(1767225600123L);
        return record;
    }

    @Test
    void writesOneJsonLineWithTheInvocationsIds() throws Exception {
        RequestContext context = RequestContext.fromHeaders(Map.of(
                RequestContext.SESSION_ID_HEADER, "s-1", RequestContext.REQUEST_ID_HEADER, "r-1"));
        String[] line = new String[1];
        context.runWith(() -> line[0] = formatter.format(record(Level.INFO, "thinking about {0}")));

        assertTrue(line[0].endsWith(System.lineSeparator()));
        assertEquals(1, line[0].lines().count());
        assertEquals(Map.of("timestamp", "2026-01-01T00:00:00.123Z", "level", "INFO", "message", "thinking about {0}",
                "logger", "my.agent", "requestId", "r-1", "sessionId", "s-1"), JSON.std.mapFrom(line[0]));
        assertTrue(RequestContext.current().isEmpty(), "runWith restores the thread's context");
    }

    @Test
    void describesExceptionsAndMapsLevels() throws Exception {
        LogRecord record = record(Level.SEVERE, "failed");
        record.setThrown(new IllegalStateException("bad state"));

        Map<String, Object> line = JSON.std.mapFrom(formatter.format(record));

        assertEquals("ERROR", line.get("level"));
        assertFalse(line.containsKey("requestId"), "no invocation, no request id");
        assertEquals("java.lang.IllegalStateException", line.get("errorType"));
        assertEquals("bad state", line.get("errorMessage"));
        assertEquals("java.lang.IllegalStateException: bad state", ((List<?>) line.get("stackTrace")).get(0));
        assertTrue(line.get("location").toString().startsWith(getClass().getName() + ":describesExceptionsAndMapsLevels:"));
        assertEquals("WARN", JSON.std.mapFrom(formatter.format(record(Level.WARNING, "w"))).get("level"));
        assertEquals("DEBUG", JSON.std.mapFrom(formatter.format(record(Level.FINE, "d"))).get("level"));
    }

    @Test
    void escapesWhatJsonMustAndStampsEachRecordsOwnTime() throws Exception {
        LogRecord record = record(Level.INFO, "say \"hi\"\n\tthen \\ \u0001 and caf\u00e9");
        Map<String, Object> line = JSON.std.mapFrom(formatter.format(record));
        assertEquals("say \"hi\"\n\tthen \\ \u0001 and caf\u00e9", line.get("message"));

        LogRecord sameSecond = record(Level.INFO, "a");
        sameSecond.setMillis(1767225600999L);
        LogRecord nextSecond = record(Level.INFO, "b");
        nextSecond.setMillis(1767225601005L);
        LogRecord earlier = record(Level.INFO, "c");
        earlier.setMillis(1767225599000L);
        assertEquals("2026-01-01T00:00:00.999Z", JSON.std.mapFrom(formatter.format(sameSecond)).get("timestamp"));
        assertEquals("2026-01-01T00:00:01.005Z", JSON.std.mapFrom(formatter.format(nextSecond)).get("timestamp"));
        assertEquals("2025-12-31T23:59:59.000Z", JSON.std.mapFrom(formatter.format(earlier)).get("timestamp"));
    }
}
