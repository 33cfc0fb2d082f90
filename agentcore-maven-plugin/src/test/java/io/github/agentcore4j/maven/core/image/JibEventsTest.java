package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.cloud.tools.jib.api.LogEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class JibEventsTest {

    @Test
    void warningsStayWarningsAndJibDetailsGoToDebugOnlyWhenEnabled() {
        RecordingBuildLog quiet = new RecordingBuildLog(false);
        JibEvents.logTo(quiet).accept(LogEvent.warn("base image not pinned"));
        JibEvents.logTo(quiet).accept(LogEvent.lifecycle("Containerizing application"));
        assertEquals(List.of("WARN base image not pinned"), quiet.lines);

        RecordingBuildLog debug = new RecordingBuildLog(true);
        JibEvents.logTo(debug).accept(LogEvent.info("pushing blob"));
        assertEquals(List.of("DEBUG Jib: pushing blob"), debug.lines);
    }
}
