package io.github.agentcore4j.it.aws;

import java.util.List;

/**
 * A user-federation (three-legged) OAuth flow GetResourceOauth2Token started: the {@code authorizationUrl} and
 * {@code sessionUri} it answered, for which provider, workload, user and scopes, the return URL it named, and how far
 * it got: the user consented ({@link IdentityStandIn#completeConsent}), the application confirmed the user
 * (CompleteResourceTokenAuth, needed when a return URL was named).
 */
public record ConsentRequest(String authorizationUrl, String sessionUri, String provider, String workloadName,
                             String userId, List<String> scopes, String returnUrl, boolean consented,
                             boolean confirmed) {
}
