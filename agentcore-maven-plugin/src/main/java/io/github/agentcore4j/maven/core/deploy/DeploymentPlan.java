package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.aws.JsonMembers;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeStatus;

/**
 * What deploy will do to the runtime: create it, update it, or nothing, with the desired and the actual value of
 * every member. UpdateAgentRuntime replaces the whole configuration, so the update body carries every member:
 * those the POM sets, and those it leaves unset, kept as the runtime has them. Dry run prints a plan; apply sends
 * {@link #body()}.
 *
 * @param action create, update or nothing
 * @param agentRuntimeName the runtime's name
 * @param agentRuntimeId the runtime's id, {@code null} for a create
 * @param body the members to send (without the name or id)
 * @param members per member: what the runtime has, what the POM wants, and what happens
 * @param notes one line each about what deploy fixes on its own (e.g. MMDSv2)
 */
public record DeploymentPlan(Action action, String agentRuntimeName, String agentRuntimeId, ObjectNode body,
        List<MemberPlan> members, List<String> notes) {

    /** What happens to the runtime. */
    public enum Action {
        CREATE, UPDATE, NOTHING
    }

    /** What happens to one member. */
    public enum Change {
        /** The runtime already has the desired value. */
        SAME,
        /** The POM sets a value the runtime lacks, or changes it. */
        CHANGE,
        /** The POM leaves it unset: the runtime's value is sent back unchanged. */
        KEEP
    }

    /**
     * @param member the JSON member, e.g. {@code lifecycleConfiguration}
     * @param actual the runtime's value, or {@code null}
     * @param desired the value sent, or {@code null} when none is
     */
    public record MemberPlan(String member, Change change, JsonNode actual, JsonNode desired) {
    }

    /** The members UpdateAgentRuntime replaces (everything but the id, client token and create-only tags). */
    static final List<String> UPDATABLE = List.of("agentRuntimeArtifact", "roleArn", "networkConfiguration",
            "protocolConfiguration", "lifecycleConfiguration", "environmentVariables", "requestHeaderConfiguration",
            "authorizerConfiguration", "platformVersion", "hooksConfiguration", "filesystemConfigurations",
            "allowedPorts", "resourceConfigurations", "description", "metadataConfiguration",
            "capacityProviderConfiguration");

    public DeploymentPlan {
        members = List.copyOf(members);
        notes = List.copyOf(notes);
    }

    /** The plan of a first create: every desired member, plus the tags (which only create accepts). */
    public static DeploymentPlan create(String agentRuntimeName, ObjectNode desired, Map<String, String> tags) {
        ObjectNode body = desired.deepCopy();
        if (!tags.isEmpty()) {
            ObjectNode tagNode = body.putObject("tags");
            tags.forEach(tagNode::put);
        }
        List<MemberPlan> members = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            members.add(new MemberPlan(field.getKey(), Change.CHANGE, null, field.getValue()));
        }
        return new DeploymentPlan(Action.CREATE, agentRuntimeName, null, body, members, List.of());
    }

    /**
     * The plan that takes {@code live} to {@code desired}.
     *
     * @throws InvalidSettingException when the network would change (AWS refuses it) or a JWT authorizer would be
     *     dropped (the runtime would silently accept IAM callers instead)
     */
    public static DeploymentPlan update(String agentRuntimeName, ObjectNode desired, LiveRuntime live) {
        ObjectNode actual = live.raw();
        String id = live.response().agentRuntimeId();
        refuseNetworkChange(id, desired.get("networkConfiguration"), actual.get("networkConfiguration"));
        refuseDroppingJwt(id, desired.get("authorizerConfiguration"), actual.get("authorizerConfiguration"));
        ObjectNode body = JsonMembers.object();
        List<MemberPlan> members = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String member : UPDATABLE) {
            JsonNode want = desired.get(member);
            JsonNode have = normalised(member, actual.get(member));
            if (member.equals("metadataConfiguration") && !live.requiresMmdsV2()) {
                want = JsonMembers.object().put("requireMMDSV2", true);
                notes.add("Agent runtime " + id + " does not require MMDSv2, so it cannot be invoked (since "
                        + "2026-07-14): this deploy sets metadataConfiguration.requireMMDSV2=true");
            }
            if (member.equals("authorizerConfiguration") && want != null && have != null) {
                want = mergedOver(have, want);
            }
            if (member.equals("networkConfiguration") && have != null) {
                want = have;
            }
            if (want == null) {
                if (have != null) {
                    body.set(member, have);
                    members.add(new MemberPlan(member, Change.KEEP, have, have));
                }
                continue;
            }
            body.set(member, want);
            members.add(new MemberPlan(member, want.equals(have) ? Change.SAME : Change.CHANGE, have, want));
        }
        // A version that is not READY (e.g. UPDATE_FAILED) is replaced even when nothing changed.
        boolean changes = members.stream().anyMatch(plan -> plan.change() == Change.CHANGE)
                || live.response().status() != AgentRuntimeStatus.READY;
        return new DeploymentPlan(changes ? Action.UPDATE : Action.NOTHING, agentRuntimeName, id, body, members,
                notes);
    }

    /** The members of a GetAgentRuntime answer that UpdateAgentRuntime takes: what a version runs. */
    public static ObjectNode updatableMembers(ObjectNode getAnswer) {
        ObjectNode members = JsonMembers.object();
        for (String member : UPDATABLE) {
            if (getAnswer.hasNonNull(member)) {
                members.set(member, getAnswer.get(member).deepCopy());
            }
        }
        return members;
    }

    /** The members that change, for one log line. */
    public List<String> changedMembers() {
        return members.stream().filter(plan -> plan.change() == Change.CHANGE).map(MemberPlan::member).toList();
    }

    /** The plan as lines for people: action, then one line per member. Environment values are not shown. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(switch (action) {
            case CREATE -> "Plan: create agent runtime " + agentRuntimeName;
            case UPDATE -> "Plan: update agent runtime " + agentRuntimeId + " (" + agentRuntimeName + "), a new version";
            case NOTHING -> "Plan: nothing to change on agent runtime " + agentRuntimeId + " (" + agentRuntimeName + ")";
        });
        for (MemberPlan plan : members) {
            String desired = shown(plan.member(), plan.desired());
            lines.add(switch (plan.change()) {
                case SAME -> String.format("  = %-28s %s", plan.member(), desired);
                case KEEP -> String.format("  ~ %-28s %s (not set in the POM: kept)", plan.member(), desired);
                case CHANGE -> plan.actual() == null ? String.format("  + %-28s %s", plan.member(), desired)
                        : String.format("  ! %-28s %s -> %s", plan.member(), shown(plan.member(), plan.actual()),
                                desired);
            });
        }
        notes.forEach(note -> lines.add("  Note: " + note));
        return Collections.unmodifiableList(lines);
    }

    private static String shown(String member, JsonNode value) {
        if (value == null) {
            return "(none)";
        }
        if (member.equals("environmentVariables") && value.isObject()) {
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            return "{" + String.join(", ", names) + "} (values not shown)";
        }
        return value.toString();
    }

    /** What AWS reports for a member left out, so that an absent value compares equal to the default. */
    private static JsonNode normalised(String member, JsonNode actual) {
        if (member.equals("protocolConfiguration") && actual == null) {
            return JsonMembers.object().put("serverProtocol", "HTTP");
        }
        if (actual != null && actual.isObject() && actual.isEmpty()) {
            return null;
        }
        return actual;
    }

    private static JsonNode mergedOver(JsonNode actual, JsonNode desired) {
        JsonNode have = actual.path("customJWTAuthorizer");
        JsonNode want = desired.path("customJWTAuthorizer");
        if (!have.isObject() || !want.isObject()) {
            return desired;
        }
        ObjectNode jwt = ((ObjectNode) have).deepCopy();
        jwt.setAll((ObjectNode) want);
        ObjectNode merged = JsonMembers.object();
        merged.set("customJWTAuthorizer", jwt);
        return merged;
    }

    /** Mode, security groups and subnets, in order: what AgentCore fixes at create. */
    private static List<String> placement(JsonNode network) {
        List<String> placement = new ArrayList<>();
        placement.add(network.path("networkMode").asText());
        for (String list : List.of("securityGroups", "subnets")) {
            List<String> ids = new ArrayList<>();
            network.path("networkModeConfig").path(list).forEach(id -> ids.add(id.asText()));
            Collections.sort(ids);
            placement.add(list + "=" + ids);
        }
        return placement;
    }

    private static void refuseNetworkChange(String id, JsonNode desired, JsonNode actual) {
        if (actual != null && desired != null && !placement(desired).equals(placement(actual))) {
            throw new InvalidSettingException(PropertyNames.NETWORK_MODE, "agent runtime " + id + " runs with network "
                    + actual + " and AgentCore cannot change a runtime's network configuration after it is created "
                    + "(the POM asks for " + desired + ")", "set networkMode, securityGroups and subnets back to "
                    + "what the runtime has, or run mvn agentcore:destroy and then deploy again");
        }
    }

    private static void refuseDroppingJwt(String id, JsonNode desired, JsonNode actual) {
        if (desired == null && actual != null && actual.has("customJWTAuthorizer")) {
            throw new InvalidSettingException(PropertyNames.JWT_DISCOVERY_URL,
                    "agent runtime " + id + " accepts only JWTs from "
                    + actual.path("customJWTAuthorizer").path("discoveryUrl").asText() + ", and deploying a POM "
                    + "without an authorizer would make it accept IAM (SigV4) callers instead",
                    "set jwtDiscoveryUrl (and the allowed clients, audiences or scopes) to keep the JWT authorizer, "
                            + "or destroy the runtime and deploy again to make an IAM one");
        }
    }
}
