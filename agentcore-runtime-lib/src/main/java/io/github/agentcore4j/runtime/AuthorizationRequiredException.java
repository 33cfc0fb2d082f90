package io.github.agentcore4j.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user must grant the agent access first: AgentCore Identity answered a user-delegated OAuth2 token request
 * ({@link AgentIdentity.OAuth2Flow#USER_FEDERATION}) with an authorization URL instead of a token. The Python SDK hands
 * that URL to its {@code on_auth_url} callback; here it travels back to the caller:
 * <ul>
 *   <li>thrown out of a handler, it answers the invocation with HTTP 200 and {@link #toEvent()} as the body (an
 *       error status would reach a deployed agent's caller as a bare {@code 424}, without the URL); in a stream that
 *       has begun, {@link #toEvent()} is the last event;</li>
 *   <li>{@link AgentIdentity#oauth2Token(String, java.util.List, EventEmitter)} sends it as an event and waits for the
 *       user's consent instead.</li>
 * </ul>
 * The user opens the URL, consents, and invokes again (same user); the token vault then has the token.
 *
 * @since 0.2.0
 */
public class AuthorizationRequiredException extends InvocationException {

    private static final long serialVersionUID = 1L;

    private final String providerName;
    private final String authorizationUrl;

    public AuthorizationRequiredException(String providerName, String authorizationUrl) {
        super(401, "Authorization required: open " + authorizationUrl + " to let this agent use "
                + providerName + " on your behalf, then invoke it again");
        this.providerName = providerName;
        this.authorizationUrl = authorizationUrl;
    }

    /** The credential provider that needs the user's consent. */
    public String providerName() {
        return providerName;
    }

    /** Where the user grants access. */
    public String authorizationUrl() {
        return authorizationUrl;
    }

    /**
     * What the caller receives: {@code {"type":"authorization_required","provider":…,"authorizationUrl":…,
     * "message":…}}, as the invocation's answer or a stream's event.
     */
    public Map<String, Object> toEvent() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "authorization_required");
        event.put("provider", providerName);
        event.put("authorizationUrl", authorizationUrl);
        event.put("message", getMessage());
        return event;
    }
}
