package io.github.agentcore4j.maven.core.config;

import java.util.List;

/**
 * An OAuth inbound authorizer: AgentCore Runtime accepts only requests with a JWT from this identity provider.
 *
 * @param discoveryUrl the provider's OpenID discovery document, ending in {@code /.well-known/openid-configuration}
 * @param allowedClients client ids whose tokens are accepted; empty for any
 * @param allowedAudiences audiences accepted; empty for any
 * @param allowedScopes scopes a token must carry; empty for none
 * @param customClaims claims a token must carry with matching values; empty for none
 */
public record JwtAuthorizer(String discoveryUrl, List<String> allowedClients, List<String> allowedAudiences,
        List<String> allowedScopes, List<JwtCustomClaim> customClaims) {

    public JwtAuthorizer {
        customClaims = List.copyOf(customClaims);
        allowedClients = List.copyOf(allowedClients);
        allowedAudiences = List.copyOf(allowedAudiences);
        allowedScopes = List.copyOf(allowedScopes);
        if (discoveryUrl == null || discoveryUrl.isBlank()) {
            String given = !allowedClients.isEmpty() ? "jwtAllowedClients"
                    : !allowedAudiences.isEmpty() ? "jwtAllowedAudiences"
                    : !allowedScopes.isEmpty() ? "jwtAllowedScopes" : "jwtCustomClaims";
            throw new InvalidSettingException(PropertyNames.JWT_DISCOVERY_URL,
                    given + " is set but the authorizer has no discovery URL",
                    "set jwtDiscoveryUrl to your identity provider's https://.../.well-known/openid-configuration");
        }
        if (!ServiceRules.DISCOVERY_URL.matcher(discoveryUrl).matches()) {
            throw new InvalidSettingException(PropertyNames.JWT_DISCOVERY_URL, "'" + discoveryUrl
                    + "' does not end in /.well-known/openid-configuration",
                    "use the provider's OpenID discovery URL, e.g. https://idp.example.com/.well-known/openid-configuration");
        }
        for (String scope : allowedScopes) {
            if (!ServiceRules.SCOPE.matcher(scope).matches()) {
                throw new InvalidSettingException(PropertyNames.JWT_ALLOWED_SCOPES,
                        "'" + scope + "' is not one scope of 1..255 "
                        + "printable characters without spaces, quotes or backslashes",
                        "list each scope separately (comma-separated on the command line), e.g. read,write");
            }
        }
    }

    /**
     * The authorizer the settings describe, or {@code null} when none of them is set.
     */
    public static JwtAuthorizer fromSettings(String discoveryUrl, List<String> allowedClients,
            List<String> allowedAudiences, List<String> allowedScopes, List<JwtCustomClaim> customClaims) {
        boolean anySet = (discoveryUrl != null && !discoveryUrl.isBlank()) || !allowedClients.isEmpty()
                || !allowedAudiences.isEmpty() || !allowedScopes.isEmpty() || !customClaims.isEmpty();
        return anySet ? new JwtAuthorizer(discoveryUrl, allowedClients, allowedAudiences, allowedScopes, customClaims)
                : null;
    }
}
