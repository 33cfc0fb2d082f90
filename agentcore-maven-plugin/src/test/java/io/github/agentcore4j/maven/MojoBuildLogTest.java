package io.github.agentcore4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

class MojoBuildLogTest {

    private final RecordingLog maven = new RecordingLog();
    private final AtomicLong now = new AtomicLong();
    private final MojoBuildLog log = new MojoBuildLog(maven, now::get);

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void passesMessagesThroughAtTheirLevel() {
        log.info("built");
        log.warn("careful");
        log.debug("details");

        assertEquals(List.of("INFO built", "WARN careful", "DEBUG details"), maven.lines);
        assertTrue(log.isDebugEnabled());
    }

    @Test
    void reportsProgressAtMostEveryTwoSecondsAndAlwaysTheEnd() {
        log.progress("Pushing image", 0.1);
        advance(Duration.ofMillis(500));
        log.progress("Pushing image", 0.2);
        advance(Duration.ofMillis(1600));
        log.progress("Pushing image", 0.5);
        advance(Duration.ofMillis(100));
        log.progress("Pushing image", 1.0);
        log.progress("Building layers", 0.0);

        assertEquals(List.of("INFO Pushing image: 10%", "INFO Pushing image: 50%", "INFO Pushing image: 100%",
                "INFO Building layers: 0%"), maven.lines);
    }

    @Test
    void clampsFractionsOutsideZeroToOne() {
        log.progress("Task", -0.5);
        log.progress("Task", 1.7);

        assertEquals(List.of("INFO Task: 0%", "INFO Task: 100%"), maven.lines);
    }

    /** Maven's log, recording "LEVEL message" lines. */
    private static final class RecordingLog implements Log {

        final List<String> lines = new ArrayList<>();

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public void debug(CharSequence content) {
            lines.add("DEBUG " + content);
        }

        @Override
        public void debug(CharSequence content, Throwable error) {
            debug(content);
        }

        @Override
        public void debug(Throwable error) {
            debug(error.toString());
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public void info(CharSequence content) {
            lines.add("INFO " + content);
        }

        @Override
        public void info(CharSequence content, Throwable error) {
            info(content);
        }

        @Override
        public void info(Throwable error) {
            info(error.toString());
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("WARN " + content);
        }

        @Override
        public void warn(CharSequence content, Throwable error) {
            warn(content);
        }

        @Override
        public void warn(Throwable error) {
            warn(error.toString());
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public void error(CharSequence content) {
            lines.add("ERROR " + content);
        }

        @Override
        public void error(CharSequence content, Throwable error) {
            error(content);
        }

        @Override
        public void error(Throwable error) {
            error(error.toString());
        }
    }
}
