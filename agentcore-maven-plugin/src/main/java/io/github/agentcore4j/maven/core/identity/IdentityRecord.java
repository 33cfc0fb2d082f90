package io.github.agentcore4j.maven.core.identity;

import io.github.agentcore4j.maven.core.config.AgentEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's credential providers in {@code .bedrock_agentcore.yaml}: the toolkit's
 * {@code identity.credential_providers} (name, arn, type, callback_url), plus, in this plugin's own record, the
 * API-key providers deploy created, the only ones destroy deletes.
 */
public final class IdentityRecord {

    static final String SECTION = "identity";
    static final String PROVIDERS = "credential_providers";
    static final String CREATED = "created_api_key_providers";

    private IdentityRecord() {
    }

    /** The providers the YAML lists for the agent. */
    public static List<CredentialProviderRecord> providers(AgentEntry entry) {
        List<CredentialProviderRecord> providers = new ArrayList<>();
        if (entry.existingSection(SECTION).map(section -> section.get(PROVIDERS)).orElse(null)
                instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> provider && provider.get("name") != null) {
                    providers.add(new CredentialProviderRecord(provider.get("name").toString(),
                            text(provider.get("arn")), text(provider.get("type")), text(provider.get("callback_url"))));
                }
            }
        }
        return providers;
    }

    /** The API-key providers deploy created for the agent. */
    public static Set<String> createdApiKeyProviders(AgentEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        if (entry.existingSection(AgentEntry.PLUGIN_RECORD).map(record -> record.get(CREATED)).orElse(null)
                instanceof List<?> list) {
            list.forEach(name -> names.add(name.toString()));
        }
        return names;
    }

    /**
     * Records the providers the agent uses (replacing entries of the same names, keeping others the toolkit added)
     * and the API-key providers deploy has created so far. The agent must exist.
     */
    public static void write(AgentEntry entry, List<CredentialProviderRecord> providers,
            Set<String> createdApiKeyProviders) {
        Set<String> names = new LinkedHashSet<>();
        providers.forEach(provider -> names.add(provider.name()));
        List<Object> entries = new ArrayList<>();
        for (CredentialProviderRecord kept : providers(entry)) {
            if (!names.contains(kept.name())) {
                entries.add(entry(kept));
            }
        }
        providers.forEach(provider -> entries.add(entry(provider)));
        Map<String, Object> identity = entry.section(SECTION);
        identity.put(PROVIDERS, entries);
        identity.putIfAbsent("workload", null);
        if (!createdApiKeyProviders.isEmpty()) {
            entry.section(AgentEntry.PLUGIN_RECORD).put(CREATED,
                    new ArrayList<>(createdApiKeyProviders));
        }
    }

    private static Map<String, Object> entry(CredentialProviderRecord provider) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", provider.name());
        entry.put("arn", provider.arn());
        entry.put("type", provider.type());
        entry.put("callback_url", provider.callbackUrl() == null ? "" : provider.callbackUrl());
        return entry;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
