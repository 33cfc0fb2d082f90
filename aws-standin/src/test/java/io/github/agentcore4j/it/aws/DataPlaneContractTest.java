package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.BedrockAgentCoreException;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.ValidationException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;

/**
 * The data plane follows the container contract, through the real BedrockAgentCoreClient and a real agent: the
 * protocol's port and path, the {@code /ping} health check, the header allowlist, the MCP session id the server
 * chooses, session id lengths, MMDSv2 and the retryable conflict.
 */
class DataPlaneContractTest extends DataPlaneFixture {

    private static final String SESSION = "0123456789abcdef0123456789abcdef-session";
    private static final String CUSTOM = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant";

    DataPlaneContractTest() {
        super("agent");
    }

    private String deploy(String name, String protocol, String... allowlist) {
        String id = control.createAgentRuntime(request -> {
            request.agentRuntimeName(name).roleArn(roleArn)
                    .agentRuntimeArtifact(a -> a.containerConfiguration(c -> c.containerUri(StandInFixtures.image(aws, "v1"))))
                    .networkConfiguration(network -> network.networkMode(NetworkMode.PUBLIC))
                    .protocolConfiguration(p -> p.serverProtocol(protocol));
            if (allowlist.length > 0) {
                request.requestHeaderConfiguration(headers -> headers.requestHeaderAllowlist(allowlist));
            }
        }).agentRuntimeId();
        StandInFixtures.settle(control, id);
        return aws.agentCore().runtime(id).orElseThrow().arn();
    }

    private String invoke(String arn, String session) throws IOException {
        try (ResponseInputStream<InvokeAgentRuntimeResponse> answer = data.invokeAgentRuntime(request -> request
                .agentRuntimeArn(arn).runtimeSessionId(session).payload(SdkBytes.fromUtf8String("{\"prompt\":\"x\"}")))) {
            return new String(answer.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void eachProtocolIsServedOnItsPortAndPath() throws IOException {
        assertEquals("{\"path\":\"/mcp\"}", invoke(deploy("mcp_agent", "MCP"), SESSION));
        assertEquals("{\"path\":\"/\"}", invoke(deploy("a2a_agent", "A2A"), SESSION + "-2"));
        assertTrue(invoke(deploy("http_agent", "HTTP"), SESSION + "-3").contains("agent: x"));
        extra.add("CreateAgentRuntime", (ObjectNode) Json.object().set("protocolConfiguration",
                Json.object().put("serverProtocol", "HTTP").put("port", 8081).put("path", "/custom")));
        assertEquals("{\"path\":\"/custom\"}", invoke(deploy("custom_agent", "HTTP"), SESSION + "-4"));

        assertEquals(List.of("8000 /mcp", "9000 /", "8080 /invocations", "8081 /custom"), aws.agentRequests().stream()
                .map(request -> request.containerPort() + " " + request.path()).toList());
        assertEquals(4, agent.pings(), "each new session is health-checked with GET /ping first");
    }

    @Test
    void aSessionIsHealthCheckedOnceAndTheMcpServersSessionIdComesBack() {
        String arn = deploy("mcp_agent", "MCP");
        for (int call = 0; call < 2; call++) {
            try (ResponseInputStream<InvokeAgentRuntimeResponse> answer = data.invokeAgentRuntime(request -> request
                    .agentRuntimeArn(arn).runtimeSessionId(SESSION).payload(SdkBytes.fromUtf8String("{}")))) {
                assertEquals(TinyAgent.MCP_SESSION, answer.response().mcpSessionId());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        assertEquals(1, agent.pings());
    }

    @Test
    void customHeadersReachTheAgentOnlyWhenAllowListed() throws IOException {
        String open = deploy("no_allowlist", "HTTP");
        String listed = deploy("with_allowlist", "HTTP", CUSTOM, "X-Tenant-Id");
        for (String arn : List.of(open, listed)) {
            data.invokeAgentRuntime(request -> request.agentRuntimeArn(arn).runtimeSessionId(SESSION + arn.length())
                    .runtimeUserId("alice").payload(SdkBytes.fromUtf8String("{\"prompt\":\"x\"}"))
                    .overrideConfiguration(o -> o.putHeader(CUSTOM, "acme").putHeader("X-Tenant-Id", "acme")
                            .putHeader("X-Other", "dropped"))).close();
        }
        AgentRequest dropped = aws.agentRequests().get(0);
        assertNull(dropped.header(CUSTOM), "AWS drops a custom header the runtime does not allow-list");
        assertNull(dropped.header("X-Tenant-Id"));
        AgentRequest allowed = aws.agentRequests().get(1);
        assertEquals("acme", allowed.header(CUSTOM));
        assertEquals("acme", allowed.header("X-Tenant-Id"));
        assertNull(allowed.header("X-Other"));
        assertEquals("alice", aws.invocations().get(1).userId());
    }

    @Test
    void sessionIdsAreThirtyThreeToTwoHundredFiftySixCharacters() {
        String arn = deploy("sessions", "HTTP");
        ValidationException shortId = assertThrows(ValidationException.class, () -> invoke(arn, "a".repeat(32)));
        assertTrue(shortId.awsErrorDetails().errorMessage().contains("at 'runtimeSessionId' failed to satisfy"
                + " constraint: Member must have length greater than or equal to 33"), shortId.getMessage());
        assertThrows(ValidationException.class, () -> invoke(arn, "a".repeat(257)));
        assertTrue(aws.invocations().isEmpty());
    }

    @Test
    void aLegacyRuntimeWithoutMmdsV2CannotBeInvokedUntilUpdated() throws IOException {
        AgentRuntime legacy = aws.agentCore().seedLegacyRuntime("legacy", roleArn, StandInFixtures.image(aws, "v0"));
        control.getAgentRuntime(request -> request.agentRuntimeId(legacy.id()));
        assertTrue(extra.lastAnswer("GetAgentRuntime").path("metadataConfiguration").isMissingNode());
        assertTrue(extra.lastAnswer("GetAgentRuntime").path("platformVersion").isMissingNode());
        ValidationException refused = assertThrows(ValidationException.class, () -> invoke(legacy.arn(), SESSION));
        assertEquals(AgentCoreDataPlane.NOT_MMDSV2_MESSAGE, refused.awsErrorDetails().errorMessage());

        StandInFixtures.update(control, legacy.id(), StandInFixtures.image(aws, "v1"), roleArn);
        StandInFixtures.settle(control, legacy.id());
        assertThrows(ValidationException.class, () -> invoke(legacy.arn(), SESSION),
                "an update without requireMMDSV2 leaves a legacy runtime as it was");

        extra.add("UpdateAgentRuntime", (ObjectNode) Json.object().set("metadataConfiguration",
                Json.object().put("requireMMDSV2", true)));
        StandInFixtures.update(control, legacy.id(), StandInFixtures.image(aws, "v1"), roleArn);
        StandInFixtures.settle(control, legacy.id());
        assertTrue(invoke(legacy.arn(), SESSION).contains("agent: x"));
    }

    @Test
    void aRetryableConflictIsA409TheOldSdkDoesNotKnow() {
        String arn = deploy("busy", "HTTP");
        aws.faults().retryableConflict("InvokeAgentRuntime", 1);
        BedrockAgentCoreException conflict = assertThrows(BedrockAgentCoreException.class, () -> invoke(arn, SESSION));
        assertEquals(409, conflict.statusCode());
        assertEquals("RetryableConflictException", conflict.awsErrorDetails().errorCode());
    }
}
