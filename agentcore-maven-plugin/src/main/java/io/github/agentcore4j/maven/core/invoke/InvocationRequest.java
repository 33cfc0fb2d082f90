package io.github.agentcore4j.maven.core.invoke;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call of the agent, independent of where the agent runs.
 *
 * @param payload the JSON body
 * @param sessionId the runtime session id
 * @param headers extra request headers, already named as the agent receives them
 */
public record InvocationRequest(String payload, String sessionId, Map<String, String> headers) {

    /** The header AgentCore Runtime uses for the session id. */
    public static final String SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
    /** What the caller accepts: a streamed answer or a single JSON document. */
    public static final String ACCEPT = "text/event-stream, application/json";

    public InvocationRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
