package io.github.agentcore4j.runtime;

/**
 * Runs when the first invocation of a session reaches this process, before the handler: the place to open connection
 * pools, fetch credentials or seed generators, which on AgentCore Runtime V2 must not happen at startup (every session
 * restores the memory image taken then).
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface SessionStartHandler {

    /**
     * @param context the session's first invocation; a failure answers that invocation with 500, and the session's
     *     next invocation runs this again
     */
    void onSessionStart(RequestContext context) throws Exception;
}
