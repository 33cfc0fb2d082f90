package io.github.agentcore4j.runtime;

/**
 * Answers an A2A message in chunks: each {@code send} is one chunk of the reply, a {@code String} as a text part,
 * anything else as a data part. A streaming call ({@code SendStreamingMessage}, {@code message/stream}) makes the
 * reply a task and delivers each chunk at once as an artifact update; {@code SendMessage}/{@code message/send}
 * answers with all of them in one message. Once the task is cancelled ({@code CancelTask}), the next {@code send}
 * throws and the handler stops there.
 */
@FunctionalInterface
public interface A2aStreamingHandler {
    void reply(A2aMessage message, RequestContext context, EventEmitter chunks) throws Exception;
}
