package io.github.agentcore4j.runtime;

/**
 * Runs an AG-UI agent once: reads the {@link AgUiInput} and emits the run's events through {@link AgUiEvents}
 * (text messages, tool calls, state). The library opens the run with {@code RUN_STARTED} before calling it and
 * closes it with {@code RUN_FINISHED} when it returns, or {@code RUN_ERROR} when it throws.
 */
@FunctionalInterface
public interface AgUiHandler {
    void run(AgUiInput input, RequestContext context, AgUiEvents events) throws Exception;
}
