package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.identity.CredentialProviderRecord;
import io.github.agentcore4j.maven.core.identity.CredentialProviders;
import io.github.agentcore4j.maven.core.identity.IdentityRecord;
import io.github.agentcore4j.maven.core.memory.Memories;
import io.github.agentcore4j.maven.core.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The status goal's lines about the agent's memory and credential providers, as AWS reports them now. */
public final class MemoryAndIdentityStatus {

    private MemoryAndIdentityStatus() {
    }

    /** One line for the memory (id, status, strategies) and one per credential provider; none when there are none. */
    public static List<String> lines(AwsSession aws, AgentEntry entry, BuildLog log) {
        List<String> lines = new ArrayList<>();
        Optional<MemoryRecord> memory = MemoryRecord.read(entry);
        if (memory.isPresent()) {
            String id = memory.get().memoryId();
            String owner = memory.get().createdByDeploy() ? "created by deploy" : "not created by deploy";
            lines.add(new Memories(aws.control(), log).find(id)
                    .map(found -> "Memory " + id + " (" + owner + "): " + Memories.describe(found))
                    .orElse("Memory " + id + " (" + owner + "): does not exist any more"));
        }
        Set<String> created = IdentityRecord.createdApiKeyProviders(entry);
        CredentialProviders vault = new CredentialProviders(aws.control(), log);
        for (CredentialProviderRecord provider : IdentityRecord.providers(entry)) {
            boolean exists = provider.isApiKey() ? vault.apiKeyArn(provider.name()).isPresent()
                    : vault.oauth2Exists(provider.name());
            lines.add("Credential provider " + provider.name() + " (" + provider.type()
                    + (created.contains(provider.name()) ? ", created by deploy" : "") + "): "
                    + (exists ? provider.arn() : "does not exist any more"));
        }
        return lines;
    }
}
