package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.GetResourceOauth2TokenRequest;
import software.amazon.awssdk.services.bedrockagentcore.model.GetResourceOauth2TokenResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.Oauth2FlowType;
import software.amazon.awssdk.services.bedrockagentcore.model.SessionStatus;

/**
 * AgentCore Identity for an agent: API keys and OAuth2 access tokens from the token vault, for the invocation's
 * workload identity and user, instead of secrets baked into the image. The Java counterpart of the Python SDK's
 * {@code @requires_api_key} and {@code @requires_access_token}.
 *
 * <pre>{@code
 * AgentIdentity identity = AgentIdentity.create();
 * String key = identity.apiKey("openai");                                          // GetResourceApiKey
 * String token = identity.oauth2Token("google", List.of("openid"), OAuth2Flow.M2M); // GetResourceOauth2Token
 * }</pre>
 *
 * <p>Each call uses the invocation's workload access token ({@link RequestContext#workloadAccessToken()}), which
 * AgentCore Runtime sends with every invocation of a deployed agent. Keys and tokens are returned, never logged. The
 * AWS SDK client is made on first use, never at start-up (see {@link LazyAgentCoreClient}). Needs the SDK module
 * {@code software.amazon.awssdk:bedrockagentcore} on the class path.
 *
 * @since 0.2.0
 */
public final class AgentIdentity {

    /** Who the OAuth2 token acts for. */
    public enum OAuth2Flow {
        /** Machine to machine (client credentials): the agent itself. */
        M2M,
        /** A user who consents once through an authorization URL (three-legged OAuth). */
        USER_FEDERATION
    }

    private final LazyAgentCoreClient client;
    private final Duration consentPollInterval;
    private final Duration consentTimeout;

    private AgentIdentity(Builder builder) {
        this.client = new LazyAgentCoreClient(builder.clientFactory);
        this.consentPollInterval = builder.consentPollInterval;
        this.consentTimeout = builder.consentTimeout;
    }

    /** Identity through the SDK's default client. */
    public static AgentIdentity create() {
        return builder().build();
    }

    /** A client of your own, or other consent waiting times. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API key an API-key credential provider holds ({@code GetResourceApiKey}). */
    public String apiKey(String providerName) {
        requireProvider(providerName);
        String workloadToken = workloadAccessToken("apiKey(\"" + providerName + "\")");
        return client.get().getResourceApiKey(request -> request.workloadIdentityToken(workloadToken)
                .resourceCredentialProviderName(providerName)).apiKey();
    }

    /**
     * An OAuth2 access token from an OAuth2 credential provider ({@code GetResourceOauth2Token}). The request's
     * {@code OAuth2CallbackUrl} header, when present, is where the provider sends the user back after consent.
     *
     * @throws AuthorizationRequiredException when the flow is {@link OAuth2Flow#USER_FEDERATION} and the user has not
     *     consented yet; let it leave the handler and the caller receives the authorization URL
     */
    public String oauth2Token(String providerName, List<String> scopes, OAuth2Flow flow) {
        GetResourceOauth2TokenRequest request = tokenRequest(providerName, scopes, flow);
        GetResourceOauth2TokenResponse response = client.get().getResourceOauth2Token(request);
        if (response.accessToken() != null) {
            return response.accessToken();
        }
        throw authorizationRequired(providerName, response);
    }

    /**
     * A user-delegated ({@link OAuth2Flow#USER_FEDERATION}) token for a streaming handler, as the Python SDK's
     * {@code on_auth_url} callback does it: when the user must consent, sends
     * {@link AuthorizationRequiredException#toEvent()} as an event, then asks again every poll interval until the
     * token comes (the builder's consent timeout, 10 minutes unless set).
     *
     * @throws IllegalStateException when the user has not consented within the timeout, or the consent failed; the
     *     stream then ends with an error event saying so
     */
    public String oauth2Token(String providerName, List<String> scopes, EventEmitter events)
            throws IOException, InterruptedException {
        Objects.requireNonNull(events, "events");
        GetResourceOauth2TokenRequest request = tokenRequest(providerName, scopes, OAuth2Flow.USER_FEDERATION);
        GetResourceOauth2TokenResponse response = client.get().getResourceOauth2Token(request);
        if (response.accessToken() != null) {
            return response.accessToken();
        }
        events.send(authorizationRequired(providerName, response).toEvent());
        GetResourceOauth2TokenRequest poll = request.toBuilder().sessionUri(response.sessionUri()).build();
        long deadline = System.nanoTime() + consentTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(consentPollInterval.toMillis());
            response = client.get().getResourceOauth2Token(poll);
            if (response.accessToken() != null) {
                return response.accessToken();
            }
            if (response.sessionStatus() == SessionStatus.FAILED) {
                throw new IllegalStateException("The user's authorization for credential provider " + providerName
                        + " failed; invoke again to start over");
            }
        }
        throw new IllegalStateException("The user did not authorize credential provider " + providerName
                + " within " + consentTimeout.toString().substring(2).toLowerCase(Locale.ROOT)
                + "; invoke again to start over");
    }

    private GetResourceOauth2TokenRequest tokenRequest(String providerName, List<String> scopes, OAuth2Flow flow) {
        requireProvider(providerName);
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(flow, "flow");
        String workloadToken = workloadAccessToken("oauth2Token(\"" + providerName + "\")");
        GetResourceOauth2TokenRequest.Builder request = GetResourceOauth2TokenRequest.builder()
                .workloadIdentityToken(workloadToken).resourceCredentialProviderName(providerName).scopes(scopes)
                .oauth2Flow(flow == OAuth2Flow.M2M ? Oauth2FlowType.M2_M : Oauth2FlowType.USER_FEDERATION);
        String callbackUrl = RequestContext.current().map(RequestContext::oauth2CallbackUrl).orElse(null);
        if (flow == OAuth2Flow.USER_FEDERATION && callbackUrl != null) {
            request.resourceOauth2ReturnUrl(callbackUrl);
        }
        return request.build();
    }

    private static AuthorizationRequiredException authorizationRequired(String providerName,
                                                                        GetResourceOauth2TokenResponse response) {
        if (response.authorizationUrl() == null) {
            throw new IllegalStateException("AgentCore Identity returned neither a token nor an authorization URL "
                    + "for credential provider " + providerName + " (session status "
                    + response.sessionStatusAsString() + ")");
        }
        return new AuthorizationRequiredException(providerName, response.authorizationUrl());
    }

    private static String workloadAccessToken(String call) {
        String token = RequestContext.current().map(RequestContext::workloadAccessToken).orElse(null);
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("AgentIdentity." + call + " needs the invocation's workload access "
                    + "token, and this " + (RequestContext.current().isPresent() ? "request has no "
                            + RequestContext.LEGACY_WAT_HEADER + " (or " + RequestContext.IDENTITY_WAT_HEADER
                            + ") header" : "thread runs no invocation")
                    + ". AgentCore Runtime sends it with every invocation of a deployed agent, and so does the "
                    + "AWS stand-in; to run locally, get one with GetWorkloadAccessTokenForUserId and send it: "
                    + "-Dagentcore.invoke.headers=" + RequestContext.LEGACY_WAT_HEADER + "=<token>");
        }
        return token;
    }

    private static void requireProvider(String providerName) {
        if (providerName == null || providerName.isBlank()) {
            throw new IllegalArgumentException("providerName must name a credential provider");
        }
    }

    /** Builds an {@link AgentIdentity}. */
    public static final class Builder {

        private Supplier<BedrockAgentCoreClient> clientFactory;
        private Duration consentPollInterval = Duration.ofSeconds(5);
        private Duration consentTimeout = Duration.ofMinutes(10);

        private Builder() {
        }

        /** Makes the client on first use instead of {@code BedrockAgentCoreClient.create()}; called once, lazily. */
        public Builder client(Supplier<BedrockAgentCoreClient> factory) {
            this.clientFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * How often and how long {@link AgentIdentity#oauth2Token(String, List, EventEmitter)} asks again while the
         * user consents; 5 seconds and 10 minutes, as the Python SDK polls, unless set.
         */
        public Builder consentPolling(Duration interval, Duration timeout) {
            if (interval.isNegative() || interval.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("the consent poll interval must be positive and the timeout "
                        + "not negative");
            }
            this.consentPollInterval = interval;
            this.consentTimeout = timeout;
            return this;
        }

        public AgentIdentity build() {
            return new AgentIdentity(this);
        }
    }
}
