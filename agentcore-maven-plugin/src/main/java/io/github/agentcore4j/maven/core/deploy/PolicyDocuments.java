package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.config.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM documents of the execution role deploy creates: who may assume it (AgentCore Runtime, for this account's
 * runtimes only) and what it may do (pull this agent's image, write the runtime's logs, traces and metrics, call
 * Bedrock models, and subscribe to a Marketplace model on its first call, as the AWS starter toolkit grants). A subset
 * of the toolkit's policy: the memory and token vault statements are added only for an agent that has a memory or
 * credential providers ({@code RoleStatements}), and code interpreter is left out.
 */
public final class PolicyDocuments {

    static final String SERVICE_PRINCIPAL = "bedrock-agentcore.amazonaws.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    /** The trust policy: AgentCore Runtime may assume the role on behalf of this account's runtimes in the region. */
    public static String trustPolicy(String partition, String region, String accountId) {
        ObjectNode statement = JSON.createObjectNode().put("Sid", "AssumeRolePolicy").put("Effect", "Allow");
        statement.putObject("Principal").put("Service", SERVICE_PRINCIPAL);
        statement.put("Action", "sts:AssumeRole");
        ObjectNode condition = statement.putObject("Condition");
        condition.putObject("StringEquals").put("aws:SourceAccount", accountId);
        condition.putObject("ArnLike").put("aws:SourceArn",
                "arn:" + partition + ":bedrock-agentcore:" + region + ":" + accountId + ":*");
        return document(statement);
    }

    /**
     * The permissions policy, scoped to {@code repositoryName} and the runtime's log groups.
     *
     * @param marketplace whether the role may subscribe to a third-party model through AWS Marketplace on its first
     *     Bedrock call (without it, the first call to such a model fails, and keeps failing)
     */
    public static String permissionsPolicy(String partition, String region, String accountId, String repositoryName,
            Protocol protocol, boolean marketplace) {
        return permissionsPolicy(partition, region, accountId, repositoryName, protocol, marketplace, List.of());
    }

    /**
     * The permissions policy with {@code extraStatements} (memory, token vault) after the toolkit's model statements.
     */
    public static String permissionsPolicy(String partition, String region, String accountId, String repositoryName,
            Protocol protocol, boolean marketplace, List<ObjectNode> extraStatements) {
        String account = region + ":" + accountId;
        String logGroups = "arn:" + partition + ":logs:" + account + ":log-group:/aws/bedrock-agentcore/runtimes/*";
        ObjectNode root = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = root.putArray("Statement");
        statements.add(statement("ECRImageAccess", new String[] {"ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"},
                "arn:" + partition + ":ecr:" + account + ":repository/" + repositoryName));
        statements.add(statement("ECRTokenAccess", new String[] {"ecr:GetAuthorizationToken"}, "*"));
        statements.add(statement("RuntimeLogGroups", new String[] {"logs:DescribeLogStreams", "logs:CreateLogGroup"},
                logGroups));
        statements.add(statement("DescribeLogGroups", new String[] {"logs:DescribeLogGroups"},
                "arn:" + partition + ":logs:" + account + ":log-group:*"));
        statements.add(statement("RuntimeLogStreams", new String[] {"logs:CreateLogStream", "logs:PutLogEvents"},
                logGroups + ":log-stream:*"));
        statements.add(statement("XRayTraces", new String[] {"xray:PutTraceSegments", "xray:PutTelemetryRecords",
                "xray:GetSamplingRules", "xray:GetSamplingTargets"}, "*"));
        ObjectNode metrics = statement("RuntimeMetrics", new String[] {"cloudwatch:PutMetricData"}, "*");
        metrics.putObject("Condition").putObject("StringEquals").put("cloudwatch:namespace", "bedrock-agentcore");
        statements.add(metrics);
        if (protocol == Protocol.A2A) {
            statements.add(statement("BedrockAgentCoreRuntime", new String[] {
                "bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeAgentRuntimeForUser"},
                    "arn:" + partition + ":bedrock-agentcore:" + account + ":runtime/*"));
        }
        statements.add(statement("BedrockModelInvocation", new String[] {"bedrock:InvokeModel",
            "bedrock:InvokeModelWithResponseStream", "bedrock:ApplyGuardrail"},
                "arn:" + partition + ":bedrock:*::foundation-model/*",
                "arn:" + partition + ":bedrock:*:*:inference-profile/*",
                "arn:" + partition + ":bedrock:" + account + ":*"));
        if (marketplace) {
            ObjectNode subscribe = statement("MarketplaceSubscribeOnFirstCall", new String[] {
                "aws-marketplace:ViewSubscriptions", "aws-marketplace:Subscribe"}, "*");
            subscribe.putObject("Condition").putObject("StringEquals").put("aws:CalledViaLast",
                    "bedrock.amazonaws.com");
            statements.add(subscribe);
        }
        extraStatements.forEach(statements::add);
        return root.toString();
    }

    /**
     * Whether a trust policy lets AgentCore Runtime assume the role: an Allow statement for {@code sts:AssumeRole}
     * whose service principal is {@code bedrock-agentcore.amazonaws.com}.
     */
    public static boolean trustsAgentCore(String trustPolicy) {
        try {
            JsonNode statements = JSON.readTree(trustPolicy).path("Statement");
            for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
                if ("Allow".equals(statement.path("Effect").asText())
                        && contains(statement.path("Action"), "sts:AssumeRole", "sts:*", "*")
                        && contains(statement.path("Principal").path("Service"), SERVICE_PRINCIPAL)) {
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static boolean contains(JsonNode stringOrArray, String... accepted) {
        List<String> values = new ArrayList<>();
        if (stringOrArray.isArray()) {
            stringOrArray.forEach(value -> values.add(value.asText()));
        } else {
            values.add(stringOrArray.asText());
        }
        return values.stream().anyMatch(List.of(accepted)::contains);
    }

    /** An Allow statement; one resource is written as a string, several as an array, as the toolkit writes them. */
    public static ObjectNode statement(String sid, String[] actions, String... resources) {
        ObjectNode statement = JSON.createObjectNode().put("Sid", sid).put("Effect", "Allow");
        ArrayNode actionArray = statement.putArray("Action");
        for (String action : actions) {
            actionArray.add(action);
        }
        if (resources.length == 1) {
            statement.put("Resource", resources[0]);
        } else {
            ArrayNode resourceArray = statement.putArray("Resource");
            for (String resource : resources) {
                resourceArray.add(resource);
            }
        }
        return statement;
    }

    /** A policy document of {@code statements}, e.g. for a user to add to a role deploy does not change. */
    public static String statementsDocument(List<ObjectNode> statements) {
        ObjectNode root = JSON.createObjectNode().put("Version", "2012-10-17");
        statements.forEach(root.putArray("Statement")::add);
        return root.toString();
    }

    private static String document(ObjectNode statement) {
        ObjectNode root = JSON.createObjectNode().put("Version", "2012-10-17");
        root.putArray("Statement").add(statement);
        return root.toString();
    }
}
