package io.github.agentcore4j.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What AgentCore Runtime tells an invocation about itself through request headers: the session, the request, the
 * caller's identity tokens and the headers the runtime's allowlist lets through.
 *
 * <p>Handlers receive it as a parameter; code deeper down reaches the current one with {@link #current()} on the
 * invocation's thread. The agent's own log records carry its request and session ids.
 */
public final class RequestContext {

    static final String SESSION_ID_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
    static final String REQUEST_ID_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Request-Id";
    static final String IDENTITY_WAT_HEADER = "X-Amz-Bedrock-AgentCore-Identity-WAT";
    static final String LEGACY_WAT_HEADER = "WorkloadAccessToken";
    static final String OAUTH2_CALLBACK_URL_HEADER = "OAuth2CallbackUrl";
    static final String AUTHORIZATION_HEADER = "Authorization";
    static final String CUSTOM_HEADER_PREFIX = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    private final String sessionId;
    private final String requestId;
    private final String workloadAccessToken;
    private final String oauth2CallbackUrl;
    private final SortedMap<String, String> requestHeaders;

    private RequestContext(String sessionId, String requestId, String workloadAccessToken, String oauth2CallbackUrl,
            SortedMap<String, String> requestHeaders) {
        this.sessionId = sessionId;
        this.requestId = requestId;
        this.workloadAccessToken = workloadAccessToken;
        this.oauth2CallbackUrl = oauth2CallbackUrl;
        this.requestHeaders = Collections.unmodifiableSortedMap(requestHeaders);
    }

    /**
     * Builds the context from request headers, looked up case-insensitively; a missing request id is generated. Only
     * {@link InvocationScope} calls it, where a call enters.
     *
     * @param headers header name to value (several values of one header joined with {@code ", "})
     */
    static RequestContext fromHeaders(Map<String, String> headers) {
        // One pass, no copy: this runs for every invocation.
        SortedMap<String, String> forwarded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String sessionId = null;
        String requestId = null;
        String workloadAccessToken = null;
        String legacyWorkloadAccessToken = null;
        String oauth2CallbackUrl = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            if (name.equalsIgnoreCase(SESSION_ID_HEADER)) {
                sessionId = value;
            } else if (name.equalsIgnoreCase(REQUEST_ID_HEADER)) {
                requestId = value;
            } else if (name.equalsIgnoreCase(LEGACY_WAT_HEADER)) {
                legacyWorkloadAccessToken = value;
            } else if (name.equalsIgnoreCase(OAUTH2_CALLBACK_URL_HEADER)) {
                oauth2CallbackUrl = value;
            } else if (name.equalsIgnoreCase(IDENTITY_WAT_HEADER)) {
                workloadAccessToken = value;
            }
            if (ForwardableHeaders.isForwardable(name)) {
                forwarded.put(name.toLowerCase(java.util.Locale.ROOT), value);
            }
        }
        return new RequestContext(
                sessionId,
                requestId == null || requestId.isBlank() ? Ids.uuid() : requestId,
                workloadAccessToken != null ? workloadAccessToken : legacyWorkloadAccessToken,
                oauth2CallbackUrl,
                forwarded);
    }

    /** The context of the invocation running on this thread, if any. */
    public static Optional<RequestContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} with this context as {@link #current()}, e.g. on a thread the handler started. */
    public void runWith(Runnable work) {
        RequestContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            work.run();
        } finally {
            restore(previous);
        }
    }

    RequestContext makeCurrent() {
        RequestContext previous = CURRENT.get();
        CURRENT.set(this);
        return previous;
    }

    static void restore(RequestContext previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /**
     * The runtime session id ({@code X-Amzn-Bedrock-AgentCore-Runtime-Session-Id}); {@code null} when the caller sent
     * none.
     */
    public String sessionId() {
        return sessionId;
    }

    /**
     * The request id ({@code X-Amzn-Bedrock-AgentCore-Runtime-Request-Id}), or a generated UUID when the header is
     * absent.
     */
    public String requestId() {
        return requestId;
    }

    /**
     * The workload access token: {@code X-Amz-Bedrock-AgentCore-Identity-WAT}, else {@code WorkloadAccessToken}; may
     * be null.
     */
    public String workloadAccessToken() {
        return workloadAccessToken;
    }

    /** The OAuth2 callback URL for three-legged flows ({@code OAuth2CallbackUrl}); may be null. */
    public String oauth2CallbackUrl() {
        return oauth2CallbackUrl;
    }

    /** The caller's {@code Authorization} header (a JWT on runtimes with a JWT authorizer); may be null. */
    public String authorization() {
        return requestHeaders.get(AUTHORIZATION_HEADER);
    }

    /**
     * The headers AgentCore forwards to agent code (custom headers, {@code Authorization}, allow-listed headers such
     * as {@code traceparent}), keyed by lower-case name and looked up case-insensitively. Platform and
     * connection headers are not included.
     */
    public Map<String, String> requestHeaders() {
        return requestHeaders;
    }

    @Override
    public String toString() {
        // Tokens stay out of logs and toString.
        return "RequestContext[sessionId=" + sessionId + ", requestId=" + requestId + ", headers="
                + requestHeaders.keySet() + "]";
    }
}
