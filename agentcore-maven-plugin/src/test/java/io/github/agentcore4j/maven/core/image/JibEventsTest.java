package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.cloud.tools.jib.api.LogEvent;
import io.github.agentcore4j.maven.core.MemoryBuildLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class JibEventsTest {

    @Test
    void warningsStayWarningsAndJibDetailsGoToDebugOnlyWhenEnabled() {
        MemoryBuildLog quiet = new MemoryBuildLog(false);
        JibEvents.logTo(quiet).accept(LogEvent.warn("base image not pinned"));
        JibEvents.logTo(quiet).accept(LogEvent.lifecycle("Containerizing application"));
        assertEquals(List.of("WARN base image not pinned"), quiet.lines());

        MemoryBuildLog debug = new MemoryBuildLog(true);
        JibEvents.logTo(debug).accept(LogEvent.info("pushing blob"));
        assertEquals(List.of("DEBUG Jib: pushing blob"), debug.lines());
    }
}
