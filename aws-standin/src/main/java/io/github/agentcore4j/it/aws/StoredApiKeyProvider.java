package io.github.agentcore4j.it.aws;

/**
 * An API-key credential provider in the stand-in's token vault: its name, ARN, the ARN of the secret that holds the
 * key, and the key itself (what GetResourceApiKey hands an agent), so a test can check which key was stored.
 */
public record StoredApiKeyProvider(String name, String arn, String secretArn, String apiKey) {

    @Override
    public String toString() {
        return "StoredApiKeyProvider[name=" + name + ", arn=" + arn + ", secretArn=" + secretArn + ", apiKey=***]";
    }
}
