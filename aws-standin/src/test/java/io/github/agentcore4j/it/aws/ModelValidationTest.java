package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stand-in's request validation against values drawn from the model's constraints, inside and just outside: a
 * table generated from every length, count, range and enum reachable from CreateAgentRuntime and UpdateAgentRuntime,
 * and a hand-written table of the patterns and rules a deployer meets (names, VPC ids, header names, scopes, mount
 * paths, ports, session ids).
 */
class ModelValidationTest {

    private static final ServiceModel CONTROL = AgentCoreStandIn.MODEL;
    private static final ModelValidation VALIDATION = new ModelValidation(CONTROL);

    /** One generated case: a shape, a value at or across one of its bounds, and whether that bound holds. */
    record Bound(String shape, JsonNode value, String constraint, boolean violated) {
        @Override
        public String toString() {
            return shape + " " + (violated ? "breaks" : "keeps") + " '" + constraint + "' with " + value;
        }
    }

    static Stream<Bound> boundsOfEveryReachableShape() {
        List<Bound> bounds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of("CreateAgentRuntimeRequest", "UpdateAgentRuntimeRequest"));
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (!seen.add(name)) {
                continue;
            }
            JsonNode shape = CONTROL.shape(name);
            shape.path("members").forEach(member -> todo.add(member.path("shape").asText()));
            for (String part : List.of("member", "key", "value")) {
                if (shape.has(part)) {
                    todo.add(shape.get(part).path("shape").asText());
                }
            }
            addBounds(name, shape, bounds);
        }
        return bounds.stream();
    }

    private static void addBounds(String name, JsonNode shape, List<Bound> bounds) {
        String type = shape.path("type").asText();
        boolean number = type.equals("integer") || type.equals("long");
        String unit = number ? "value" : "length";
        if (shape.has("min") && (number || shape.get("min").asLong() > 0)) {
            long min = shape.get("min").asLong();
            String constraint = "Member must have " + unit + " greater than or equal to " + min;
            bounds.add(new Bound(name, valueOfSize(shape, min), constraint, false));
            bounds.add(new Bound(name, valueOfSize(shape, min - 1), constraint, true));
        }
        if (shape.has("max") && shape.get("max").asLong() <= 100_000) {
            long max = shape.get("max").asLong();
            String constraint = "Member must have " + unit + " less than or equal to " + max;
            bounds.add(new Bound(name, valueOfSize(shape, max), constraint, false));
            bounds.add(new Bound(name, valueOfSize(shape, max + 1), constraint, true));
        }
        if (shape.has("enum")) {
            String constraint = "Member must satisfy enum value set";
            shape.get("enum").forEach(value -> bounds.add(new Bound(name, value, constraint, false)));
            bounds.add(new Bound(name, Json.MAPPER.getNodeFactory().textNode("NOT_IN_THE_SET"), constraint, true));
        }
    }

    /** A string of n letters, a list of n members, a map of n entries, or the number n. */
    private static JsonNode valueOfSize(JsonNode shape, long size) {
        return switch (shape.path("type").asText()) {
            case "integer", "long" -> Json.MAPPER.getNodeFactory().numberNode(size);
            case "list" -> {
                JsonNode member = CONTROL.shape(shape.path("member").path("shape").asText());
                ArrayNode list = Json.MAPPER.createArrayNode();
                for (int i = 0; i < size; i++) {
                    list.add(valueOfSize(member, 1));
                }
                yield list;
            }
            case "structure" -> Json.object();
            case "map" -> {
                ObjectNode map = Json.object();
                for (int i = 0; i < size; i++) {
                    map.put("k" + i, "v");
                }
                yield map;
            }
            default -> Json.MAPPER.getNodeFactory().textNode("a".repeat((int) size));
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundsOfEveryReachableShape")
    void eachBoundHoldsInsideAndBreaksJustOutside(Bound bound) {
        List<String> messages = VALIDATION.violations(bound.shape(), bound.value()).stream()
                .map(ModelValidation.Violation::message).toList();
        boolean reported = messages.stream().anyMatch(message -> message.contains(bound.constraint()));
        assertEquals(bound.violated(), reported, bound + " gave " + messages);
    }

    @Test
    void theGeneratedTableCoversTheConstraintsADeployerMeets() {
        List<String> shapes = boundsOfEveryReachableShape().map(Bound::shape).distinct().toList();
        for (String shape : List.of("EnvironmentVariablesMap", "EnvironmentVariableKey", "EnvironmentVariableValue",
                "RequestHeaderAllowlist", "SecurityGroups", "Subnets", "Description", "ClientToken",
                "LifecycleConfigurationIdleRuntimeSessionTimeoutInteger", "LifecycleConfigurationMaxLifetimeInteger",
                "FilesystemConfigurations", "MountPath", "NetworkMode", "ServerProtocol", "PlatformVersion",
                "AllowedPorts", "SessionEndpointPort", "TagsMap")) {
            assertTrue(shapes.contains(shape), shape + " is not in " + shapes);
        }
    }

    static Stream<Arguments> patternsAndRules() {
        return Stream.of(
                // shape, value, valid
                Arguments.of("AgentRuntimeName", "my_agent_1", true),
                Arguments.of("AgentRuntimeName", "my-agent", false),
                Arguments.of("AgentRuntimeName", "1agent", false),
                Arguments.of("AgentRuntimeName", "a".repeat(48), true),
                Arguments.of("AgentRuntimeName", "a".repeat(49), false),
                Arguments.of("SecurityGroupId", "sg-0123abcd", true),
                Arguments.of("SecurityGroupId", "sg-0123abc", false),
                Arguments.of("SecurityGroupId", "sg-0123456789abcdef0", true),
                Arguments.of("SecurityGroupId", "sg-0123456789abcdef01", false),
                Arguments.of("SubnetId", "subnet-0123abcd", true),
                Arguments.of("SubnetId", "subnet_0123abcd", false),
                Arguments.of("HeaderName", "X-Tenant-Id", true),
                Arguments.of("HeaderName", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", true),
                Arguments.of("HeaderName", "X.Tenant", false),
                Arguments.of("HeaderName", "1-Tenant", false),
                Arguments.of("HeaderName", "X~Tenant", false),
                Arguments.of("MountPath", "/mnt/data", true),
                Arguments.of("MountPath", "/mnt/data/", true),
                Arguments.of("MountPath", "/mnt/a/b", false),
                Arguments.of("MountPath", "/data/x", false),
                Arguments.of("RuntimeContainerUri", "123456789012.dkr.ecr.us-east-1.amazonaws.com/bedrock-agentcore-demo:v1", true),
                Arguments.of("RuntimeContainerUri", "public.ecr.aws/acme/agent:1", true),
                Arguments.of("RuntimeContainerUri", "docker.io/acme/agent:1", false),
                Arguments.of("RuntimeContainerUri", "123456789012.dkr.ecr.us-east-1.amazonaws.com/Agent:v1", false),
                Arguments.of("RoleArn", "arn:aws:iam::123456789012:role/Demo", true),
                Arguments.of("RoleArn", "arn:aws:iam::123456789012:user/Demo", false),
                Arguments.of("ClientToken", "a".repeat(33), true),
                Arguments.of("ClientToken", "a".repeat(32), false),
                Arguments.of("EndpointName", "prod_1", true),
                Arguments.of("EndpointName", "prod-1", false),
                Arguments.of("NetworkMode", "PUBLIC", true),
                Arguments.of("NetworkMode", "public", false),
                Arguments.of("ServerProtocol", "AGUI", true),
                Arguments.of("PlatformVersion", "V2", true),
                Arguments.of("PlatformVersion", "V3", false),
                Arguments.of("SessionEndpointPort", 8000, true),
                Arguments.of("SessionEndpointPort", 7999, false),
                Arguments.of("SessionEndpointPort", 12000, true),
                Arguments.of("SessionEndpointPort", 12001, false),
                Arguments.of("LifecycleConfigurationIdleRuntimeSessionTimeoutInteger", 60, true),
                Arguments.of("LifecycleConfigurationIdleRuntimeSessionTimeoutInteger", 59, false));
    }

    @ParameterizedTest(name = "{0} {1} valid={2}")
    @MethodSource("patternsAndRules")
    void patternsAndRulesOfTheModel(String shape, Object value, boolean valid) {
        JsonNode json = Json.MAPPER.valueToTree(value);
        List<ModelValidation.Violation> violations = VALIDATION.violations(shape, json);
        assertEquals(valid, violations.isEmpty(), shape + " " + value + ": " + violations);
    }

    @Test
    void aWholeRequestIsReportedInAwsWords() {
        ObjectNode request = Json.object().put("agentRuntimeName", "my-agent").put("roleArn", "arn:aws:iam::123456789012:role/R");
        request.putObject("agentRuntimeArtifact").putObject("containerConfiguration")
                .put("containerUri", "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo:v1");
        request.putObject("networkConfiguration").put("networkMode", "VPC").putObject("networkModeConfig")
                .putArray("subnets").add("subnet-1");
        request.putObject("requestHeaderConfiguration").putArray("requestHeaderAllowlist").add("X.Tenant");
        request.putObject("lifecycleConfiguration").put("idleRuntimeSessionTimeout", 30);
        request.putObject("environmentVariables").put("", "x");
        request.put("description", "");
        List<String> messages = VALIDATION.violations("CreateAgentRuntimeRequest", request).stream()
                .map(ModelValidation.Violation::message).toList();
        assertEquals(List.of(
                "Value 'my-agent' at 'agentRuntimeName' failed to satisfy constraint: Member must satisfy regular"
                        + " expression pattern: [a-zA-Z][a-zA-Z0-9_]{0,47}",
                "Value null at 'networkConfiguration.networkModeConfig.securityGroups' failed to satisfy constraint:"
                        + " Member must not be null",
                "Value 'subnet-1' at 'networkConfiguration.networkModeConfig.subnets.1.member' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: subnet-[0-9a-zA-Z]{8,17}",
                "Value 'X.Tenant' at 'requestHeaderConfiguration.requestHeaderAllowlist.1.member' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: [A-Za-z][A-Za-z0-9_-]{0,255}",
                "Value '30' at 'lifecycleConfiguration.idleRuntimeSessionTimeout' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 60",
                "Value at 'environmentVariables' failed to satisfy constraint: Map keys must satisfy constraint:"
                        + " [Member must have length greater than or equal to 1]",
                "Value at 'description' failed to satisfy constraint: Member must have length greater than or equal"
                        + " to 1"), messages);
    }

    @Test
    void aUnionTakesExactlyOneMember() {
        ObjectNode both = Json.object();
        both.putObject("containerConfiguration").put("containerUri", "public.ecr.aws/acme/agent:1");
        both.putObject("codeConfiguration");
        assertFalse(VALIDATION.violations("AgentRuntimeArtifact", both).isEmpty());
        assertTrue(VALIDATION.violations("AgentRuntimeArtifact", Json.object()).get(0).message()
                .contains("exactly one"));
    }
}
