package io.github.agentcore4j.maven.core.image;

import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.progress.ProgressEventHandler;
import io.github.agentcore4j.maven.core.BuildLog;
import java.util.function.Consumer;

/** Routes Jib's events to a {@link BuildLog}: warnings as warnings, Jib's own chatter at debug, progress as progress. */
final class JibEvents {

    private JibEvents() {
    }

    static Consumer<LogEvent> logTo(BuildLog log) {
        return event -> {
            switch (event.getLevel()) {
                case ERROR, WARN -> log.warn(event.getMessage());
                default -> {
                    if (log.isDebugEnabled()) {
                        log.debug("Jib: " + event.getMessage());
                    }
                }
            }
        };
    }

    static ProgressEventHandler progressTo(BuildLog log, String task) {
        return new ProgressEventHandler(update -> log.progress(task, update.getProgress()));
    }
}
