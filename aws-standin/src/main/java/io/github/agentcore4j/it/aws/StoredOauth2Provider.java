package io.github.agentcore4j.it.aws;

/**
 * An OAuth2 credential provider in the stand-in's token vault: name, ARN, vendor (the model's
 * {@code CredentialProviderVendorType}), client id and the {@code callbackUrl} AWS gives it (to register with the
 * vendor).
 */
public record StoredOauth2Provider(String name, String arn, String vendor, String clientId, String callbackUrl) {
}
