package io.github.agentcore4j.maven.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.config.Protocol;
import io.github.agentcore4j.maven.core.deploy.PolicyDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory and token vault statements, byte for byte as the AWS starter toolkit's role template renders them. */
class RoleStatementsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scopesTheMemoryStatementToTheAgentsMemory() {
        List<ObjectNode> statements = RoleStatements.of("aws", "us-east-1", "111122223333", "my_agent",
                "my_agent_mem-a1B2c3D4e5", false);

        assertEquals("[{\"Sid\":\"BedrockAgentCoreMemory\",\"Effect\":\"Allow\",\"Action\":["
                + "\"bedrock-agentcore:CreateEvent\",\"bedrock-agentcore:GetEvent\",\"bedrock-agentcore:GetMemory\","
                + "\"bedrock-agentcore:GetMemoryRecord\",\"bedrock-agentcore:ListActors\","
                + "\"bedrock-agentcore:ListEvents\",\"bedrock-agentcore:ListMemoryRecords\","
                + "\"bedrock-agentcore:ListSessions\",\"bedrock-agentcore:DeleteEvent\","
                + "\"bedrock-agentcore:DeleteMemoryRecord\",\"bedrock-agentcore:RetrieveMemoryRecords\"],"
                + "\"Resource\":\"arn:aws:bedrock-agentcore:us-east-1:111122223333:memory/my_agent_mem-a1B2c3D4e5\"}]",
                statements.toString());
    }

    @Test
    void grantsTheTokenVaultAsTheToolkitDoes() {
        List<ObjectNode> statements = RoleStatements.of("aws", "eu-west-1", "111122223333", "my_agent", null, true);

        String vault = "arn:aws:bedrock-agentcore:eu-west-1:111122223333:";
        assertEquals(3, statements.size());
        assertEquals("{\"Sid\":\"BedrockAgentCoreIdentityGetResourceApiKey\",\"Effect\":\"Allow\","
                + "\"Action\":[\"bedrock-agentcore:GetResourceApiKey\"],\"Resource\":[\"" + vault
                + "token-vault/default\",\"" + vault + "token-vault/default/apikeycredentialprovider/*\",\"" + vault
                + "workload-identity-directory/default\",\"" + vault
                + "workload-identity-directory/default/workload-identity/*\"]}", statements.get(0).toString());
        assertEquals("{\"Sid\":\"BedrockAgentCoreIdentityGetCredentialProviderClientSecret\",\"Effect\":\"Allow\","
                + "\"Action\":[\"secretsmanager:GetSecretValue\"],\"Resource\":["
                + "\"arn:aws:secretsmanager:eu-west-1:111122223333:secret:bedrock-agentcore-identity!default/oauth2/*\","
                + "\"arn:aws:secretsmanager:eu-west-1:111122223333:secret:bedrock-agentcore-identity!default/apikey/*\""
                + "]}", statements.get(1).toString());
        assertEquals("{\"Sid\":\"BedrockAgentCoreIdentityGetResourceOauth2Token\",\"Effect\":\"Allow\","
                + "\"Action\":[\"bedrock-agentcore:GetResourceOauth2Token\"],\"Resource\":[\"" + vault
                + "token-vault/default\",\"" + vault + "token-vault/default/oauth2credentialprovider/*\",\"" + vault
                + "workload-identity-directory/default\",\"" + vault
                + "workload-identity-directory/default/workload-identity/my_agent-*\"]}",
                statements.get(2).toString());
    }

    @Test
    void anAgentWithoutMemoryOrProvidersGetsNoneAndThePolicyEndsWithThem() throws Exception {
        assertTrue(RoleStatements.of("aws", "us-east-1", "111122223333", "a", null, false).isEmpty());

        JsonNode policy = JSON.readTree(PolicyDocuments.permissionsPolicy("aws", "us-east-1", "111122223333",
                "repo", Protocol.HTTP, false, RoleStatements.of("aws", "us-east-1", "111122223333", "a",
                        "a_mem-a1B2c3D4e5", true)));
        JsonNode statements = policy.get("Statement");
        assertEquals("BedrockAgentCoreMemory", statements.get(statements.size() - 4).get("Sid").asText());
        assertEquals("BedrockAgentCoreIdentityGetResourceOauth2Token",
                statements.get(statements.size() - 1).get("Sid").asText());
    }
}
