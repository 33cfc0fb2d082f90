package io.github.agentcore4j.it.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a role in the stand-in's IAM. Policy documents are kept as the caller sent them (decoded); on the
 * wire IAM returns them URL-encoded, as the real service does.
 */
public record IamRole(String name, String arn, String roleId, String path, String description,
                      String assumeRolePolicyDocument, Map<String, String> inlinePolicies,
                      List<String> attachedPolicyArns, Map<String, String> tags, Instant createdAt) {
}
