package io.github.agentcore4j.maven.core.identity;

import io.github.agentcore4j.maven.core.config.AgentCoreConfig;
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
    public static List<CredentialProviderRecord> providers(AgentCoreConfig config, String agentName) {
        List<CredentialProviderRecord> providers = new ArrayList<>();
        if (config.hasSection(agentName, SECTION)
                && config.section(agentName, SECTION).get(PROVIDERS) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry && entry.get("name") != null) {
                    providers.add(new CredentialProviderRecord(entry.get("name").toString(), text(entry.get("arn")),
                            text(entry.get("type")), text(entry.get("callback_url"))));
                }
            }
        }
        return providers;
    }

    /** The API-key providers deploy created for the agent. */
    public static Set<String> createdApiKeyProviders(AgentCoreConfig config, String agentName) {
        Set<String> names = new LinkedHashSet<>();
        if (config.hasSection(agentName, AgentCoreConfig.PLUGIN_RECORD)
                && config.section(agentName, AgentCoreConfig.PLUGIN_RECORD).get(CREATED) instanceof List<?> list) {
            list.forEach(name -> names.add(name.toString()));
        }
        return names;
    }

    /**
     * Records the providers the agent uses (replacing entries of the same names, keeping others the toolkit added)
     * and the API-key providers deploy has created so far. The agent must exist.
     */
    public static void write(AgentCoreConfig config, String agentName, List<CredentialProviderRecord> providers,
            Set<String> createdApiKeyProviders) {
        Set<String> names = new LinkedHashSet<>();
        providers.forEach(provider -> names.add(provider.name()));
        List<Object> entries = new ArrayList<>();
        for (CredentialProviderRecord kept : providers(config, agentName)) {
            if (!names.contains(kept.name())) {
                entries.add(entry(kept));
            }
        }
        providers.forEach(provider -> entries.add(entry(provider)));
        Map<String, Object> identity = config.section(agentName, SECTION);
        identity.put(PROVIDERS, entries);
        identity.putIfAbsent("workload", null);
        if (!createdApiKeyProviders.isEmpty()) {
            config.section(agentName, AgentCoreConfig.PLUGIN_RECORD).put(CREATED,
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
