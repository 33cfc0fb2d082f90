package io.github.agentcore4j.maven.core.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.deploy.PolicyDocuments;
import java.util.ArrayList;
import java.util.List;

/**
 * The execution-role statements an agent with memory or credential providers needs, exactly as the AWS starter
 * toolkit's role template writes them (Sids, actions, resources): the memory statement scoped to the agent's memory,
 * and the token vault statements for API keys, their secrets and OAuth2 tokens.
 */
public final class RoleStatements {

    /** The memory data-plane actions the toolkit grants on the agent's memory. */
    static final String[] MEMORY_ACTIONS = {"bedrock-agentcore:CreateEvent", "bedrock-agentcore:GetEvent",
        "bedrock-agentcore:GetMemory", "bedrock-agentcore:GetMemoryRecord", "bedrock-agentcore:ListActors",
        "bedrock-agentcore:ListEvents", "bedrock-agentcore:ListMemoryRecords", "bedrock-agentcore:ListSessions",
        "bedrock-agentcore:DeleteEvent", "bedrock-agentcore:DeleteMemoryRecord",
        "bedrock-agentcore:RetrieveMemoryRecords"};

    private RoleStatements() {
    }

    /**
     * The statements for a memory (when {@code memoryId} is not {@code null}) and for the token vault (when
     * {@code credentialProviders}).
     */
    public static List<ObjectNode> of(String partition, String region, String accountId, String agentName,
            String memoryId, boolean credentialProviders) {
        String agentCore = "arn:" + partition + ":bedrock-agentcore:" + region + ":" + accountId + ":";
        List<ObjectNode> statements = new ArrayList<>();
        if (memoryId != null) {
            statements.add(PolicyDocuments.statement("BedrockAgentCoreMemory", MEMORY_ACTIONS,
                    agentCore + "memory/" + memoryId));
        }
        if (credentialProviders) {
            statements.add(PolicyDocuments.statement("BedrockAgentCoreIdentityGetResourceApiKey",
                    new String[] {"bedrock-agentcore:GetResourceApiKey"},
                    agentCore + "token-vault/default",
                    agentCore + "token-vault/default/apikeycredentialprovider/*",
                    agentCore + "workload-identity-directory/default",
                    agentCore + "workload-identity-directory/default/workload-identity/*"));
            String secrets = "arn:" + partition + ":secretsmanager:" + region + ":" + accountId
                    + ":secret:bedrock-agentcore-identity!default/";
            statements.add(PolicyDocuments.statement("BedrockAgentCoreIdentityGetCredentialProviderClientSecret",
                    new String[] {"secretsmanager:GetSecretValue"}, secrets + "oauth2/*", secrets + "apikey/*"));
            statements.add(PolicyDocuments.statement("BedrockAgentCoreIdentityGetResourceOauth2Token",
                    new String[] {"bedrock-agentcore:GetResourceOauth2Token"},
                    agentCore + "token-vault/default",
                    agentCore + "token-vault/default/oauth2credentialprovider/*",
                    agentCore + "workload-identity-directory/default",
                    agentCore + "workload-identity-directory/default/workload-identity/" + agentName + "-*"));
        }
        return statements;
    }
}
