package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class BufferedLogHandlerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final BufferedLogHandler handler = new BufferedLogHandler(out, new SimpleFormatter() {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + "\n";
        }
    });

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void warningsAreWrittenAtOnceAndEarlierLinesWithThem() {
        handler.publish(new LogRecord(Level.INFO, "invocation done"));
        handler.publish(new LogRecord(Level.WARNING, "something is off"));
        assertEquals("invocation done\nsomething is off\n", written());
    }

    @Test
    void otherLinesAreWrittenWithinTheFlushDelay() throws Exception {
        handler.publish(new LogRecord(Level.INFO, "invocation done"));
        ConcurrencyAndShutdownTest.awaitTrue(() -> written().equals("invocation done\n"), Duration.ofSeconds(30));
    }

    @Test
    void closingWritesEverythingPending() {
        for (int i = 0; i < 3; i++) {
            handler.publish(new LogRecord(Level.INFO, "line " + i));
        }
        handler.close();
        assertEquals("line 0\nline 1\nline 2\n", written());
    }
}
