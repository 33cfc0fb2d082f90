package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stand-in's request validation for the Memory and Identity operations, from their models' patterns, bounds and
 * enums: the names, ids and values a deployer and an agent send (the same shape name can differ between the control
 * and the data plane, e.g. {@code MemoryId}).
 */
class MemoryAndIdentityModelValidationTest {

    private static final ModelValidation CONTROL = new ModelValidation(AgentCoreStandIn.MODEL);
    private static final ModelValidation DATA = new ModelValidation(AgentCoreDataPlane.MODEL);

    static Stream<Arguments> controlPlane() {
        return Stream.of(
                // shape, value, valid
                Arguments.of("Name", "chat_memory", true),
                Arguments.of("Name", "chat-memory", false),
                Arguments.of("Name", "a".repeat(48), true),
                Arguments.of("Name", "a".repeat(49), false),
                Arguments.of("CreateMemoryInputEventExpiryDurationInteger", 3, true),
                Arguments.of("CreateMemoryInputEventExpiryDurationInteger", 2, false),
                Arguments.of("CreateMemoryInputEventExpiryDurationInteger", 365, true),
                Arguments.of("CreateMemoryInputEventExpiryDurationInteger", 366, false),
                Arguments.of("MemoryId", "chat_memory-AbCdEfGhIj", true),
                Arguments.of("MemoryId", "chat_memory", false),
                Arguments.of("Namespace", "/users/{actorId}/preferences", true),
                Arguments.of("Namespace", "/summaries/{actorId}/{sessionId}", true),
                Arguments.of("Namespace", "/users/{userId}", false),
                Arguments.of("CredentialProviderName", "weather-api_1", true),
                Arguments.of("CredentialProviderName", "weather api", false),
                Arguments.of("CredentialProviderVendorType", "GoogleOauth2", true),
                Arguments.of("CredentialProviderVendorType", "Google", false),
                Arguments.of("WorkloadIdentityNameType", "my.workload-1", true),
                Arguments.of("WorkloadIdentityNameType", "ab", false),
                Arguments.of("ResourceOauth2ReturnUrlType", "https://app.example.com/return", true),
                Arguments.of("ResourceOauth2ReturnUrlType", "not a url", false),
                Arguments.of("DiscoveryUrlType", "https://idp.example.com/.well-known/openid-configuration", true),
                Arguments.of("DiscoveryUrlType", "https://idp.example.com/openid", false),
                Arguments.of("ListWorkloadIdentitiesRequestMaxResultsInteger", 20, true),
                Arguments.of("ListWorkloadIdentitiesRequestMaxResultsInteger", 21, false));
    }

    static Stream<Arguments> dataPlane() {
        return Stream.of(
                Arguments.of("MemoryId", "chat_memory-AbCdEfGhIj", true),
                Arguments.of("MemoryId", "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/chat_memory-AbCdEfGhIj",
                        true),
                Arguments.of("MemoryId", "chat_memory", false),
                Arguments.of("ActorId", "user-1", true),
                Arguments.of("ActorId", "tenant:user/42", true),
                Arguments.of("ActorId", "user 1", false),
                Arguments.of("SessionId", "session-1_a", true),
                Arguments.of("SessionId", "session:1", false),
                Arguments.of("SessionId", "s".repeat(101), false),
                Arguments.of("EventId", "0001764500000123#a1b2c3d4", true),
                Arguments.of("EventId", "a1b2c3d4", false),
                Arguments.of("Role", "USER", true),
                Arguments.of("Role", "SYSTEM", false),
                Arguments.of("MemoryRecordId", "mem-" + "a".repeat(36), true),
                Arguments.of("MemoryRecordId", "rec-" + "a".repeat(36), false),
                Arguments.of("SearchCriteriaTopKInteger", 100, true),
                Arguments.of("SearchCriteriaTopKInteger", 101, false),
                Arguments.of("Oauth2FlowType", "USER_FEDERATION", true),
                Arguments.of("Oauth2FlowType", "AUTHORIZATION_CODE", false),
                Arguments.of("RequestUri", "urn:ietf:params:oauth:request_uri:abc-123", true),
                Arguments.of("RequestUri", "https://example.com/session", false),
                Arguments.of("UserTokenType", "aGVhZGVy.cGF5bG9hZA.c2ln", true),
                Arguments.of("UserIdType", "u".repeat(129), false));
    }

    @ParameterizedTest(name = "control {0} {1} valid={2}")
    @MethodSource("controlPlane")
    void controlPlaneShapes(String shape, Object value, boolean valid) {
        check(CONTROL, shape, value, valid);
    }

    @ParameterizedTest(name = "data {0} {1} valid={2}")
    @MethodSource("dataPlane")
    void dataPlaneShapes(String shape, Object value, boolean valid) {
        check(DATA, shape, value, valid);
    }

    @Test
    void aStrategyIsAUnionAndAConversationalTurnNeedsContentAndRole() {
        ObjectNode twoKinds = Json.object();
        twoKinds.putObject("semanticMemoryStrategy").put("name", "facts");
        twoKinds.putObject("summaryMemoryStrategy").put("name", "summaries");
        assertEquals(1, CONTROL.violations("MemoryStrategyInput", twoKinds).size());

        ObjectNode turn = Json.object();
        turn.putObject("conversational").put("role", "USER");
        assertEquals(List.of("Value null at 'conversational.content' failed to satisfy constraint: Member must not be"
                + " null"), DATA.violations("PayloadType", turn).stream().map(ModelValidation.Violation::message)
                .toList());
    }

    private static void check(ModelValidation validation, String shape, Object value, boolean valid) {
        JsonNode json = Json.MAPPER.valueToTree(value);
        List<ModelValidation.Violation> violations = validation.violations(shape, json);
        assertEquals(valid, violations.isEmpty(), shape + " " + value + ": " + violations);
    }
}
