package io.github.agentcore4j.runtime;

/**
 * Answers an A2A message in chunks: each {@code send} is one chunk of the reply, a {@code String} as a text part,
 * anything else as a data part. {@code message/stream} delivers each chunk at once as an artifact update;
 * {@code message/send} answers with all of them in one message.
 */
@FunctionalInterface
public interface A2aStreamingHandler {
    void reply(A2aMessage message, RequestContext context, EventEmitter chunks) throws Exception;
}
