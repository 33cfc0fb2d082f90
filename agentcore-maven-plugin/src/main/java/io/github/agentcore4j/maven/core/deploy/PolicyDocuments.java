package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.config.Protocol;

/**
 * The IAM documents of the execution role deploy creates: who may assume it (AgentCore Runtime, for this account's
 * runtimes only) and what it may do (pull this agent's image, write the runtime's logs, traces and metrics, call
 * Bedrock models). A subset of the AWS starter toolkit's policy: the statements for memory, identity, code
 * interpreter and marketplace are left out, because an agent that needs them needs a role made for it.
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

    /** The permissions policy, scoped to {@code repositoryName} and the runtime's log groups. */
    public static String permissionsPolicy(String partition, String region, String accountId, String repositoryName,
            Protocol protocol) {
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
        return root.toString();
    }

    private static ObjectNode statement(String sid, String[] actions, String... resources) {
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

    private static String document(ObjectNode statement) {
        ObjectNode root = JSON.createObjectNode().put("Version", "2012-10-17");
        root.putArray("Statement").add(statement);
        return root.toString();
    }
}
