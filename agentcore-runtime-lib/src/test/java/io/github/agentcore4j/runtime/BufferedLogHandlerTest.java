package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class BufferedLogHandlerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicInteger formatted = new AtomicInteger();
    private final BufferedLogHandler handler = new BufferedLogHandler(out, new SimpleFormatter() {
        @Override
        public String format(LogRecord record) {
            formatted.incrementAndGet();
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
    void warmupRecordsAfterTheFirstRoundAreFormattedButNotWritten() throws Exception {
        for (String requestId : new String[] {"warmup-1-a", "warmup-2-b"}) {
            Warmup.serve(callWithRequestId(requestId),
                    call -> handler.publish(new LogRecord(Level.INFO, "served " + requestId)));
        }
        handler.close();
        // Formatted both times, so the JIT compiles the logging path a real invocation takes after the snapshot.
        assertEquals(2, formatted.get());
        assertEquals("served warmup-1-a\n", written());
    }

    /** A call that only answers its request id header, which is all warmup looks at. */
    private static HttpCall callWithRequestId(String requestId) {
        return (HttpCall) Proxy.newProxyInstance(HttpCall.class.getClassLoader(), new Class<?>[] {HttpCall.class},
                (proxy, method, arguments) -> method.getName().equals("requestHeader")
                        && RequestContext.REQUEST_ID_HEADER.equals(arguments[0]) ? requestId : null);
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
