package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.config.Protocol;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The execution role: the one the user configured, untouched (not even read), or one this plugin creates from the
 * agent name, tagged so that a later run recognises it as its own even without the YAML record.
 */
final class ExecutionRoles {

    static final String CREATED_BY_TAG = "created-by";
    static final String CREATED_BY = "agentcore-maven-plugin";

    /** The role to run as, and whether this plugin created (and so owns) it. */
    record Resolved(String arn, boolean ownedHere) {
    }

    private final AwsSession aws;
    private final BuildLog log;

    ExecutionRoles(AwsSession aws, BuildLog log) {
        this.aws = aws;
        this.log = log;
    }

    /**
     * Finds or creates the role for {@code agentName}; in a dry run, prints the requests instead of creating.
     * An existing role of ours gets its permissions policy brought up to date; anyone else's is used as it is.
     *
     * @param serviceStatements the memory and token vault statements the agent needs, added to the policy
     */
    Resolved ensure(String agentName, String repositoryName, Protocol protocol, boolean marketplace,
            List<ObjectNode> serviceStatements, boolean dryRun) {
        String roleName = ResourceNames.roleName(agentName, aws.region());
        String policy = PolicyDocuments.permissionsPolicy(aws.partition(), aws.region(), aws.accountId(),
                repositoryName, protocol, marketplace, serviceStatements);
        PutRolePolicyRequest putPolicy = PutRolePolicyRequest.builder().roleName(roleName)
                .policyName(ResourceNames.rolePolicyName(agentName)).policyDocument(policy).build();
        Optional<Role> existing = find(roleName);
        if (existing.isPresent()) {
            Role role = existing.get();
            boolean ours = role.tags().stream().anyMatch(tag -> tag.key().equals(CREATED_BY_TAG) && tag.value().equals(CREATED_BY));
            if (!ours) {
                log.info("Using execution role " + role.arn() + ", which exists and was not created by this plugin "
                        + "(left as it is)");
                return new Resolved(role.arn(), false);
            }
            if (dryRun) {
                log.info("[dry run] would send " + putPolicy);
            } else {
                aws.iam().putRolePolicy(putPolicy);
                log.info("Using execution role " + role.arn() + " (created by this plugin; permissions policy "
                        + "brought up to date)");
            }
            return new Resolved(role.arn(), true);
        }
        CreateRoleRequest create = CreateRoleRequest.builder().roleName(roleName)
                .description("Execution role for BedrockAgentCore Runtime - " + agentName)
                .assumeRolePolicyDocument(PolicyDocuments.trustPolicy(aws.partition(), aws.region(), aws.accountId()))
                .tags(Tag.builder().key(CREATED_BY_TAG).value(CREATED_BY).build(),
                        Tag.builder().key("agent").value(agentName).build())
                .build();
        if (dryRun) {
            log.info("[dry run] would send " + create);
            log.info("[dry run] would send " + putPolicy);
            return new Resolved("arn:" + aws.partition() + ":iam::" + aws.accountId() + ":role/" + roleName, true);
        }
        String arn = aws.iam().createRole(create).role().arn();
        aws.iam().putRolePolicy(putPolicy);
        log.info("Created execution role " + arn + " with policy " + putPolicy.policyName());
        return new Resolved(arn, true);
    }

    /**
     * Fails at once when a role someone supplied cannot be assumed by AgentCore Runtime (its trust policy does not
     * name {@code bedrock-agentcore.amazonaws.com}): AWS would answer "Role validation failed", which looks like IAM
     * propagation and would be retried for 90 s. A caller without {@code iam:GetRole} skips the check.
     */
    void requireTrustsAgentCore(String roleArn) {
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        Role role;
        try {
            role = find(roleName).orElseThrow(() -> new InvalidSettingException(PropertyNames.DEPLOY_EXECUTION_ROLE,
                    "role " + roleArn
                    + " does not exist", "create it (trusting " + PolicyDocuments.SERVICE_PRINCIPAL + "), or unset "
                    + "executionRole so that deploy creates one"));
        } catch (IamException e) {
            if (e.statusCode() != 403) {
                throw e;
            }
            log.warn("Cannot read role " + roleArn + " (" + e.awsErrorDetails().errorCode() + "), so its trust "
                    + "policy is not checked");
            return;
        }
        String trust = URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8);
        if (!PolicyDocuments.trustsAgentCore(trust)) {
            throw new InvalidSettingException(PropertyNames.DEPLOY_EXECUTION_ROLE,
                    "role " + roleArn + " does not let AgentCore Runtime "
                    + "assume it: its trust policy has no Allow of sts:AssumeRole for the service "
                    + PolicyDocuments.SERVICE_PRINCIPAL, "add that statement to the role's trust policy, or unset "
                    + "executionRole so that deploy creates a role");
        }
    }

    /** Deletes a role this plugin created: its inline and attached policies first, as IAM requires. */
    void delete(String roleArn, boolean dryRun) {
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        if (find(roleName).isEmpty()) {
            log.info("Execution role " + roleArn + " is already gone");
            return;
        }
        if (dryRun) {
            log.info("[dry run] would delete execution role " + roleArn + " (created by this plugin)");
            return;
        }
        for (String policy : aws.iam().listRolePolicies(request -> request.roleName(roleName)).policyNames()) {
            aws.iam().deleteRolePolicy(request -> request.roleName(roleName).policyName(policy));
        }
        aws.iam().listAttachedRolePolicies(request -> request.roleName(roleName)).attachedPolicies().forEach(
                attached -> aws.iam().detachRolePolicy(request -> request.roleName(roleName)
                        .policyArn(attached.policyArn())));
        aws.iam().deleteRole(request -> request.roleName(roleName));
        log.info("Deleted execution role " + roleArn + " (created by this plugin)");
    }

    private Optional<Role> find(String roleName) {
        try {
            return Optional.of(aws.iam().getRole(request -> request.roleName(roleName)).role());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }
}
