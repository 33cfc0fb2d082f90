package io.github.agentcore4j.maven.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.maven.core.config.Protocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void trustPolicyLetsOnlyAgentCoreAssumeTheRoleForThisAccountsRuntimes() throws Exception {
        JsonNode policy = JSON.readTree(PolicyDocuments.trustPolicy("aws", "eu-west-1", "111122223333"));

        assertEquals("2012-10-17", policy.get("Version").asText());
        JsonNode statement = policy.get("Statement").get(0);
        assertEquals(1, policy.get("Statement").size());
        assertEquals("Allow", statement.get("Effect").asText());
        assertEquals("sts:AssumeRole", statement.get("Action").asText());
        assertEquals("bedrock-agentcore.amazonaws.com", statement.get("Principal").get("Service").asText());
        assertEquals("111122223333", statement.get("Condition").get("StringEquals").get("aws:SourceAccount").asText());
        assertEquals("arn:aws:bedrock-agentcore:eu-west-1:111122223333:*",
                statement.get("Condition").get("ArnLike").get("aws:SourceArn").asText());
    }

    @Test
    void permissionsAreScopedToTheRepositoryAndTheRuntimeLogGroups() throws Exception {
        JsonNode policy = JSON.readTree(PolicyDocuments.permissionsPolicy("aws-cn", "cn-north-1", "111122223333",
                "bedrock-agentcore-my_agent", Protocol.HTTP, false));

        assertEquals(List.of("ECRImageAccess", "ECRTokenAccess", "RuntimeLogGroups", "DescribeLogGroups",
                "RuntimeLogStreams", "XRayTraces", "RuntimeMetrics", "BedrockModelInvocation"), sids(policy));
        assertEquals("arn:aws-cn:ecr:cn-north-1:111122223333:repository/bedrock-agentcore-my_agent",
                statement(policy, "ECRImageAccess").get("Resource").asText());
        assertEquals("arn:aws-cn:logs:cn-north-1:111122223333:log-group:/aws/bedrock-agentcore/runtimes/*",
                statement(policy, "RuntimeLogGroups").get("Resource").asText());
        assertEquals("bedrock-agentcore", statement(policy, "RuntimeMetrics").get("Condition").get("StringEquals")
                .get("cloudwatch:namespace").asText());
        for (JsonNode statement : policy.get("Statement")) {
            for (JsonNode action : statement.get("Action")) {
                assertFalse(action.asText().startsWith("iam:"), "no IAM rights: " + action);
                assertFalse(action.asText().endsWith("*"), "no wildcard actions: " + action);
            }
        }
    }

    @Test
    void a2aAgentsMayInvokeOtherRuntimes() throws Exception {
        JsonNode policy = JSON.readTree(PolicyDocuments.permissionsPolicy("aws", "us-east-1", "111122223333",
                "repo", Protocol.A2A, false));

        assertTrue(sids(policy).contains("BedrockAgentCoreRuntime"));
        assertEquals("arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/*",
                statement(policy, "BedrockAgentCoreRuntime").get("Resource").asText());
    }

    @Test
    void theRoleMaySubscribeToAMarketplaceModelOnlyThroughBedrock() throws Exception {
        JsonNode policy = JSON.readTree(PolicyDocuments.permissionsPolicy("aws", "us-east-1", "111122223333",
                "repo", Protocol.HTTP, true));

        JsonNode subscribe = statement(policy, "MarketplaceSubscribeOnFirstCall");
        assertEquals("[\"aws-marketplace:ViewSubscriptions\",\"aws-marketplace:Subscribe\"]",
                subscribe.get("Action").toString());
        assertEquals("{\"StringEquals\":{\"aws:CalledViaLast\":\"bedrock.amazonaws.com\"}}",
                subscribe.get("Condition").toString());
    }

    @Test
    void recognisesATrustPolicyThatLetsAgentCoreAssumeTheRole() {
        assertTrue(PolicyDocuments.trustsAgentCore(PolicyDocuments.trustPolicy("aws", "us-east-1", "111122223333")));
        assertTrue(PolicyDocuments.trustsAgentCore("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\","
                + "\"sts:TagSession\"],\"Principal\":{\"Service\":[\"bedrock-agentcore.amazonaws.com\"]}}}"));
        assertFalse(PolicyDocuments.trustsAgentCore("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"sts:AssumeRole\",\"Principal\":{\"Service\":\"bedrock.amazonaws.com\"}}]}"));
        assertFalse(PolicyDocuments.trustsAgentCore("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":"
                + "\"sts:AssumeRole\",\"Principal\":{\"Service\":\"bedrock-agentcore.amazonaws.com\"}}]}"));
    }

    private static List<String> sids(JsonNode policy) {
        List<String> sids = new ArrayList<>();
        policy.get("Statement").forEach(statement -> sids.add(statement.get("Sid").asText()));
        return sids;
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        for (JsonNode statement : policy.get("Statement")) {
            if (statement.get("Sid").asText().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid);
    }
}
