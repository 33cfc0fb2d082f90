package io.github.agentcore4j.maven.core.identity;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent's outbound identity as the POM asks for it: API-key credential providers deploy creates (with where their
 * keys come from) and OAuth2 credential providers that already exist, by name.
 *
 * @param apiKeyProviders the providers deploy creates or updates
 * @param oauth2Providers the names of OAuth2 providers the agent uses; deploy checks they exist
 * @param apiKeys the keys read for {@code apiKeyProviders}, by provider name; empty until {@link #withKeys}
 */
public record IdentitySettings(List<ApiKeyProvider> apiKeyProviders, List<String> oauth2Providers,
        Map<String, ApiKey> apiKeys) {

    public IdentitySettings {
        apiKeyProviders = List.copyOf(apiKeyProviders);
        oauth2Providers = List.copyOf(oauth2Providers);
        apiKeys = Map.copyOf(apiKeys);
    }

    /** No providers. */
    public static IdentitySettings none() {
        return new IdentitySettings(List.of(), List.of(), Map.of());
    }

    /**
     * Validates the raw settings; reads no key yet.
     *
     * @throws InvalidSettingException for the first invalid entry, naming the setting, the rule and the fix
     */
    public static IdentitySettings of(List<String> apiKeyEntries, List<String> oauth2Names) {
        Set<String> names = new TreeSet<>();
        List<ApiKeyProvider> apiKeys = new ArrayList<>();
        for (String entry : orEmpty(apiKeyEntries)) {
            ApiKeyProvider provider = ApiKeyProvider.parse(entry);
            requireUnique(names, provider.name(), PropertyNames.DEPLOY_API_KEY_PROVIDERS);
            apiKeys.add(provider);
        }
        List<String> oauth2 = new ArrayList<>();
        for (String name : orEmpty(oauth2Names)) {
            String checked = ApiKeyProvider.checkName(PropertyNames.DEPLOY_OAUTH2_PROVIDERS, name.trim());
            requireUnique(names, checked, PropertyNames.DEPLOY_OAUTH2_PROVIDERS);
            oauth2.add(checked);
        }
        return new IdentitySettings(apiKeys, oauth2, Map.of());
    }

    /**
     * These settings with every API key read, before any AWS call.
     *
     * @throws InvalidSettingException naming apiKeyProviders for the first key that cannot be read
     */
    public IdentitySettings withKeys(SecretLookup secrets) {
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        for (ApiKeyProvider provider : apiKeyProviders) {
            keys.put(provider.name(), provider.resolve(secrets));
        }
        return new IdentitySettings(apiKeyProviders, oauth2Providers, keys);
    }

    /** Whether the agent uses any credential provider (and so its role needs the token vault statements). */
    public boolean enabled() {
        return !apiKeyProviders.isEmpty() || !oauth2Providers.isEmpty();
    }

    private static void requireUnique(Set<String> names, String name, String property) {
        if (!names.add(name)) {
            throw new InvalidSettingException(property, "credential provider " + name + " is listed twice",
                    "keep one " + name + " (a name is either an API-key or an OAuth2 provider)");
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().filter(value -> value != null && !value.isBlank())
                .toList();
    }
}
