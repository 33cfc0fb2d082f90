package io.github.agentcore4j.runtime;

/**
 * Answers an A2A message. The reply becomes the agent's message: a {@code String} one text part, an
 * {@link A2aMessage} itself, anything else one data part with its JSON form.
 */
@FunctionalInterface
public interface A2aHandler {
    Object reply(A2aMessage message, RequestContext context) throws Exception;
}
