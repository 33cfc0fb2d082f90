package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * IAM (query protocol, XML) for the execution role: GetRole, CreateRole, PutRolePolicy, GetRolePolicy,
 * ListRolePolicies, DeleteRolePolicy, AttachRolePolicy, ListAttachedRolePolicies, DetachRolePolicy, DeleteRole, with
 * IAM's own rules (a role with inline or attached policies cannot be deleted; names are unique) and error codes
 * ({@code NoSuchEntity}, {@code EntityAlreadyExists}, {@code DeleteConflict}, {@code MalformedPolicyDocument}).
 */
public final class IamStandIn {

    private final String accountId;
    private final Map<String, MutableRole> roles = new LinkedHashMap<>();
    /** The route table: each operation IAM serves, by its {@code Action}; a {@code null} result is an empty one. */
    private final Map<String, Function<Map<String, String>, Xml>> operations = Map.of(
            "GetRole", form -> roleXml(new Xml(), existing(form.get("RoleName"))),
            "CreateRole", this::createRole,
            "PutRolePolicy", this::putRolePolicy,
            "GetRolePolicy", this::getRolePolicy,
            "ListRolePolicies", this::listRolePolicies,
            "DeleteRolePolicy", this::deleteRolePolicy,
            "AttachRolePolicy", this::attachRolePolicy,
            "ListAttachedRolePolicies", this::listAttachedRolePolicies,
            "DetachRolePolicy", this::detachRolePolicy,
            "DeleteRole", this::deleteRole);

    IamStandIn(String accountId) {
        this.accountId = accountId;
    }

    /** The roles, in creation order. */
    public synchronized List<IamRole> roles() {
        return roles.values().stream().map(MutableRole::snapshot).toList();
    }

    public synchronized Optional<IamRole> role(String name) {
        return Optional.ofNullable(roles.get(name)).map(MutableRole::snapshot);
    }

    /** Adds a role as if someone else had created it (a user-supplied execution role, say); returns its ARN. */
    public synchronized String addRole(String name, String assumeRolePolicyDocument) {
        return create(name, "/", null, assumeRolePolicyDocument, Map.of()).arn;
    }

    /** Whether a role ARN names an existing role of this account. */
    synchronized boolean exists(String roleArn) {
        String prefix = "arn:aws:iam::" + accountId + ":role/";
        if (!roleArn.startsWith(prefix)) {
            return false;
        }
        String pathAndName = roleArn.substring(prefix.length());
        return roles.containsKey(pathAndName.substring(pathAndName.lastIndexOf('/') + 1));
    }

    /**
     * Whether a role's trust policy lets AgentCore assume it: an {@code Allow} statement for {@code sts:AssumeRole}
     * (or {@code sts:*}, {@code *}) whose service principal is {@code bedrock-agentcore.amazonaws.com}. Conditions are
     * not evaluated.
     */
    synchronized boolean trustsAgentCore(String roleArn) {
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        MutableRole role = roles.get(name);
        if (role == null || role.trustPolicy == null) {
            return false;
        }
        JsonNode policy;
        try {
            policy = Json.MAPPER.readTree(role.trustPolicy);
        } catch (IOException e) {
            return false;
        }
        JsonNode statements = policy.path("Statement");
        for (JsonNode statement : statements.isArray() ? statements : Json.MAPPER.createArrayNode().add(statements)) {
            boolean allow = statement.path("Effect").asText().equals("Allow");
            boolean assume = values(statement.path("Action")).stream()
                    .anyMatch(action -> List.of("sts:AssumeRole", "sts:*", "*").contains(action));
            boolean agentCore = values(statement.path("Principal").path("Service"))
                    .contains("bedrock-agentcore.amazonaws.com");
            if (allow && assume && agentCore) {
                return true;
            }
        }
        return false;
    }

    /** A policy element that is one string or a list of strings. */
    private static List<String> values(JsonNode element) {
        List<String> values = new ArrayList<>();
        if (element.isArray()) {
            element.forEach(value -> values.add(value.asText()));
        } else if (element.isTextual()) {
            values.add(element.asText());
        }
        return values;
    }

    /** Whether IAM has an operation of this name (its route table, {@link #operations}). */
    boolean serves(String operation) {
        return operations.containsKey(operation);
    }

    synchronized Reply handle(String operation, AwsRequest request) {
        return Reply.xml(200, Xml.response(AwsService.IAM, operation,
                operations.get(operation).apply(request.form())));
    }

    private Xml createRole(Map<String, String> form) {
        return roleXml(new Xml(), create(required(form, "RoleName"), form.getOrDefault("Path", "/"),
                form.get("Description"), policy(form, "AssumeRolePolicyDocument"), tags(form)));
    }

    private Xml putRolePolicy(Map<String, String> form) {
        existing(form.get("RoleName")).inlinePolicies.put(required(form, "PolicyName"), policy(form, "PolicyDocument"));
        return null;
    }

    private Xml getRolePolicy(Map<String, String> form) {
        MutableRole role = existing(form.get("RoleName"));
        String name = required(form, "PolicyName");
        return new Xml().element("RoleName", role.name).element("PolicyName", name)
                .element("PolicyDocument", urlEncode(inlinePolicy(role, name)));
    }

    private Xml listRolePolicies(Map<String, String> form) {
        Xml xml = new Xml().open("PolicyNames");
        existing(form.get("RoleName")).inlinePolicies.keySet().forEach(name -> xml.element("member", name));
        return xml.close("PolicyNames").element("IsTruncated", false);
    }

    private Xml deleteRolePolicy(Map<String, String> form) {
        MutableRole role = existing(form.get("RoleName"));
        inlinePolicy(role, required(form, "PolicyName"));
        role.inlinePolicies.remove(form.get("PolicyName"));
        return null;
    }

    private Xml attachRolePolicy(Map<String, String> form) {
        existing(form.get("RoleName")).attachedPolicies.add(required(form, "PolicyArn"));
        return null;
    }

    private Xml listAttachedRolePolicies(Map<String, String> form) {
        Xml xml = new Xml().open("AttachedPolicies");
        existing(form.get("RoleName")).attachedPolicies.forEach(arn -> xml.open("member")
                .element("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)).element("PolicyArn", arn)
                .close("member"));
        return xml.close("AttachedPolicies").element("IsTruncated", false);
    }

    private Xml detachRolePolicy(Map<String, String> form) {
        String arn = required(form, "PolicyArn");
        if (!existing(form.get("RoleName")).attachedPolicies.remove(arn)) {
            throw new ServiceError(404, "NoSuchEntity", "Policy " + arn + " was not found.");
        }
        return null;
    }

    private Xml deleteRole(Map<String, String> form) {
        MutableRole role = existing(form.get("RoleName"));
        if (!role.inlinePolicies.isEmpty() || !role.attachedPolicies.isEmpty()) {
            throw new ServiceError(409, "DeleteConflict", "Cannot delete entity, must delete policies first.");
        }
        roles.remove(role.name);
        return null;
    }

    private MutableRole create(String name, String path, String description, String trustPolicy, Map<String, String> tags) {
        if (roles.containsKey(name)) {
            throw new ServiceError(409, "EntityAlreadyExists", "Role with name " + name + " already exists.");
        }
        MutableRole role = new MutableRole(name, "arn:aws:iam::" + accountId + ":role" + path + name,
                "AROA" + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase(), path,
                description, trustPolicy, tags);
        roles.put(name, role);
        return role;
    }

    private MutableRole existing(String name) {
        MutableRole role = name == null ? null : roles.get(name);
        if (role == null) {
            throw new ServiceError(404, "NoSuchEntity", "The role with name " + name + " cannot be found.");
        }
        return role;
    }

    private static String inlinePolicy(MutableRole role, String name) {
        String document = role.inlinePolicies.get(name);
        if (document == null) {
            throw new ServiceError(404, "NoSuchEntity", "The role policy with name " + name + " cannot be found.");
        }
        return document;
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw new ServiceError(400, "ValidationError", "1 validation error detected: Value null at '"
                    + Character.toLowerCase(name.charAt(0)) + name.substring(1) + "' failed to satisfy constraint:"
                    + " Member must not be null");
        }
        return value;
    }

    /** A policy document must at least be JSON with a Statement, as IAM checks before anything else. */
    private static String policy(Map<String, String> form, String name) {
        String document = required(form, name);
        try {
            if (!Json.MAPPER.readTree(document).has("Statement")) {
                throw new ServiceError(400, "MalformedPolicyDocument", "Syntax errors in policy.");
            }
        } catch (java.io.IOException e) {
            throw new ServiceError(400, "MalformedPolicyDocument", "This policy contains invalid Json");
        }
        return document;
    }

    /** Tags of CreateRole, sent as {@code Tags.member.N.Key} / {@code Tags.member.N.Value}. */
    private static Map<String, String> tags(Map<String, String> form) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; form.containsKey("Tags.member." + i + ".Key"); i++) {
            tags.put(form.get("Tags.member." + i + ".Key"), form.getOrDefault("Tags.member." + i + ".Value", ""));
        }
        return tags;
    }

    private static Xml roleXml(Xml xml, MutableRole role) {
        xml.open("Role").element("Path", role.path).element("RoleName", role.name).element("RoleId", role.roleId)
                .element("Arn", role.arn).element("CreateDate", role.createdAt)
                .element("AssumeRolePolicyDocument", urlEncode(role.trustPolicy))
                .element("Description", role.description).element("MaxSessionDuration", 3600);
        if (!role.tags.isEmpty()) {
            xml.open("Tags");
            role.tags.forEach((key, value) -> xml.open("member").element("Key", key).element("Value", value).close("member"));
            xml.close("Tags");
        }
        return xml.close("Role");
    }

    /** IAM returns policy documents URL-encoded (RFC 3986); callers must decode them. */
    private static String urlEncode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final class MutableRole {
        final String name;
        final String arn;
        final String roleId;
        final String path;
        final String description;
        final String trustPolicy;
        final Map<String, String> tags;
        final Map<String, String> inlinePolicies = new LinkedHashMap<>();
        final Set<String> attachedPolicies = new LinkedHashSet<>();
        final Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        MutableRole(String name, String arn, String roleId, String path, String description, String trustPolicy,
                    Map<String, String> tags) {
            this.name = name;
            this.arn = arn;
            this.roleId = roleId;
            this.path = path;
            this.description = description;
            this.trustPolicy = trustPolicy;
            this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        IamRole snapshot() {
            return new IamRole(name, arn, roleId, path, description, trustPolicy,
                    Collections.unmodifiableMap(new LinkedHashMap<>(inlinePolicies)), List.copyOf(attachedPolicies),
                    tags, createdAt);
        }
    }
}
