package io.github.agentcore4j.maven.core.identity;

/**
 * A credential provider as {@code .bedrock_agentcore.yaml} records it, in the toolkit's
 * {@code identity.credential_providers} fields.
 *
 * @param name the provider's name
 * @param arn the provider's ARN
 * @param type {@code api_key}, or the OAuth2 vendor in the toolkit's spelling (e.g. {@code google},
 *     {@code custom-oauth2})
 * @param callbackUrl the OAuth2 callback URL AgentCore gave the provider, or empty
 */
public record CredentialProviderRecord(String name, String arn, String type, String callbackUrl) {

    /** The type of API-key providers. */
    public static final String API_KEY = "api_key";

    /** Whether the provider is an API-key provider (else an OAuth2 one). */
    public boolean isApiKey() {
        return API_KEY.equals(type);
    }
}
