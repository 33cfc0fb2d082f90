package io.github.agentcore4j.maven.core.identity;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetOauth2CredentialProviderResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;

/**
 * AgentCore Identity's credential providers in the token vault: API-key providers deploy creates (or updates, if it
 * created them) with a key it read from the environment or {@code settings.xml}, and OAuth2 providers it only checks.
 * The key goes only into the request body, whose SDK model marks it sensitive, so the SDK's request logging shows
 * {@code *** Sensitive Data Redacted ***} in its place.
 */
public final class CredentialProviders {

    private final BedrockAgentCoreControlClient control;
    private final BuildLog log;

    public CredentialProviders(BedrockAgentCoreControlClient control, BuildLog log) {
        this.control = control;
        this.log = log;
    }

    /**
     * Creates the provider, or stores the key again in one deploy created; in a dry run, says which.
     *
     * @param createdByDeploy the API-key providers deploy created before (the only ones it may update)
     * @return the provider, or empty in a dry run that would create it
     * @throws InvalidSettingException naming apiKeyProviders when a provider of that name exists that deploy did
     *     not create (its key is not overwritten)
     */
    public Optional<CredentialProviderRecord> ensureApiKey(ApiKeyProvider provider, ApiKey key,
            Set<String> createdByDeploy, boolean dryRun) {
        Optional<String> existing = apiKeyArn(provider.name());
        if (existing.isPresent() && !createdByDeploy.contains(provider.name())) {
            throw new InvalidSettingException(PropertyNames.DEPLOY_API_KEY_PROVIDERS,
                    "API-key credential provider " + provider.name() + " exists and was not created by deploy, so "
                            + "its key is not overwritten",
                    "choose another name, or delete the provider first (e.g. in the AgentCore console)");
        }
        if (dryRun) {
            log.info("[dry run] would " + (existing.isPresent() ? "store the key again in" : "create")
                    + " API-key credential provider " + provider.name() + " (key from " + key.origin() + ")");
            return existing.map(arn -> new CredentialProviderRecord(provider.name(), arn,
                    CredentialProviderRecord.API_KEY, ""));
        }
        String arn;
        if (existing.isPresent()) {
            arn = control.updateApiKeyCredentialProvider(call -> call.name(provider.name()).apiKey(key.value()))
                    .credentialProviderArn();
            log.info("API-key credential provider " + provider.name() + " holds the key from " + key.origin()
                    + " (stored again)");
        } else {
            arn = control.createApiKeyCredentialProvider(call -> call.name(provider.name()).apiKey(key.value()))
                    .credentialProviderArn();
            log.info("Created API-key credential provider " + provider.name() + " with the key from "
                    + key.origin() + ": " + arn);
        }
        return Optional.of(new CredentialProviderRecord(provider.name(), arn, CredentialProviderRecord.API_KEY, ""));
    }

    /**
     * The OAuth2 provider the agent uses, which must exist.
     *
     * @throws InvalidSettingException naming oauth2Providers when it does not
     */
    public CredentialProviderRecord requireOauth2(String name) {
        try {
            GetOauth2CredentialProviderResponse provider = control.getOauth2CredentialProvider(call -> call.name(name));
            log.info("Using OAuth2 credential provider " + name + " (" + provider.credentialProviderVendorAsString()
                    + ")");
            return new CredentialProviderRecord(name, provider.credentialProviderArn(),
                    vendorType(provider.credentialProviderVendorAsString()),
                    provider.callbackUrl() == null ? "" : provider.callbackUrl());
        } catch (ResourceNotFoundException e) {
            throw new InvalidSettingException(PropertyNames.DEPLOY_OAUTH2_PROVIDERS,
                    "OAuth2 credential provider " + name + " does not exist in this account and region",
                    "create it first (AgentCore console, or the AWS CLI's bedrock-agentcore-control "
                            + "create-oauth2-credential-provider), or remove it from oauth2Providers");
        }
    }

    /** Deletes an API-key provider deploy created; one already gone is reported, not an error. */
    public void deleteApiKey(String name, boolean dryRun) {
        if (apiKeyArn(name).isEmpty()) {
            log.info("API-key credential provider " + name + " is already gone");
            return;
        }
        if (dryRun) {
            log.info("[dry run] would delete API-key credential provider " + name + " (created by deploy)");
            return;
        }
        try {
            control.deleteApiKeyCredentialProvider(call -> call.name(name));
        } catch (ResourceNotFoundException gone) {
            log.info("API-key credential provider " + name + " is already gone");
            return;
        }
        log.info("Deleted API-key credential provider " + name + " (created by deploy) with its key");
    }

    /** The ARN of the API-key provider with this name, or empty when there is none. */
    public Optional<String> apiKeyArn(String name) {
        try {
            return Optional.of(control.getApiKeyCredentialProvider(call -> call.name(name)).credentialProviderArn());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Whether an OAuth2 provider with this name exists. */
    public boolean oauth2Exists(String name) {
        try {
            control.getOauth2CredentialProvider(call -> call.name(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /**
     * The toolkit's spelling of a vendor: {@code GoogleOauth2} is {@code google}, {@code CustomOauth2} is
     * {@code custom-oauth2}.
     */
    static String vendorType(String vendor) {
        if (vendor == null) {
            return "oauth2";
        }
        String base = vendor.endsWith("Oauth2") ? vendor.substring(0, vendor.length() - "Oauth2".length()) : vendor;
        String type = base.toLowerCase(Locale.ROOT);
        return type.equals("custom") ? "custom-oauth2" : type;
    }
}
