package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.identity.ApiKeyProvider;
import io.github.agentcore4j.maven.core.identity.CredentialProviderRecord;
import io.github.agentcore4j.maven.core.identity.CredentialProviders;
import io.github.agentcore4j.maven.core.identity.IdentityRecord;
import io.github.agentcore4j.maven.core.identity.IdentitySettings;
import io.github.agentcore4j.maven.core.identity.RoleStatements;
import io.github.agentcore4j.maven.core.memory.Memories;
import io.github.agentcore4j.maven.core.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deploy's memory and identity step, before the execution role and the runtime (as the AWS starter toolkit orders
 * it): the memory and the credential providers, what the runtime's environment gets from them, and the role
 * statements they need. Each resource deploy creates is recorded in the YAML at once, so destroy finds it even when a
 * later step fails.
 */
final class MemoryAndIdentity {

    /** The toolkit's variable naming the (model) API-key provider, set when the agent has exactly one. */
    static final String API_KEY_PROVIDER_VARIABLE = "BEDROCK_AGENTCORE_MODEL_PROVIDER_API_KEY_NAME";

    /**
     * What the agent got.
     *
     * @param memory the memory the runtime uses, if any
     * @param providers the credential providers the agent uses
     */
    record Provisioned(Optional<MemoryRecord> memory, List<CredentialProviderRecord> providers) {

        /** The variables the runtime gets: the memory's id and name, the API-key provider's name. */
        Map<String, String> environment() {
            Map<String, String> variables = new LinkedHashMap<>();
            memory.ifPresent(record -> variables.putAll(record.environment()));
            List<String> apiKeys = providers.stream().filter(CredentialProviderRecord::isApiKey)
                    .map(CredentialProviderRecord::name).toList();
            if (apiKeys.size() == 1) {
                variables.put(API_KEY_PROVIDER_VARIABLE, apiKeys.get(0));
            }
            return variables;
        }

        /** The execution-role statements for the memory and the token vault. */
        List<ObjectNode> roleStatements(AwsSession aws, String agentName) {
            return RoleStatements.of(aws.partition(), aws.region(), aws.accountId(), agentName,
                    memory.map(MemoryRecord::memoryId).orElse(null), !providers.isEmpty());
        }
    }

    private final AwsSession aws;
    private final BuildLog log;

    MemoryAndIdentity(AwsSession aws, BuildLog log) {
        this.aws = aws;
        this.log = log;
    }

    /**
     * Provisions the memory and the credential providers the request asks for and records them in the agent's
     * entry, saving it after each resource created; in a dry run, says what it would create and changes nothing.
     */
    Provisioned provision(DeployRequest request, AgentEntry entry) throws InterruptedException {
        boolean dryRun = request.dryRun();
        IdentitySettings identity = request.identity();
        CredentialProviders vault = new CredentialProviders(aws.control(), log);
        // Read-only checks first: a missing OAuth2 provider fails the deploy before anything is created.
        List<CredentialProviderRecord> oauth2 = identity.oauth2Providers().stream().map(vault::requireOauth2).toList();
        Optional<MemoryRecord> memory = new Memories(aws.control(), log).ensure(request.memory(),
                MemoryRecord.read(entry), request.waitTimeout(), dryRun, made -> {
                    made.writeTo(entry);
                    entry.save();
                });
        if (!dryRun) {
            memory.ifPresent(record -> record.writeTo(entry));
        }
        Set<String> created = new LinkedHashSet<>(IdentityRecord.createdApiKeyProviders(entry));
        List<CredentialProviderRecord> providers = new ArrayList<>();
        for (ApiKeyProvider provider : identity.apiKeyProviders()) {
            Optional<CredentialProviderRecord> made = vault.ensureApiKey(provider,
                    identity.apiKeys().get(provider.name()), created, dryRun);
            made.ifPresent(providers::add);
            if (made.isPresent() && !dryRun && created.add(provider.name())) {
                IdentityRecord.write(entry, providers, created);
                entry.save();
            }
        }
        providers.addAll(oauth2);
        if (!dryRun && (identity.enabled() || !created.isEmpty())) {
            IdentityRecord.write(entry, providers, created);
        }
        return new Provisioned(memory, providers);
    }
}
