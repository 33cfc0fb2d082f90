package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcore.model.RuntimeClientErrorException;

/** InvokeAgentRuntime and StopRuntimeSession through the real BedrockAgentCoreClient, answered by a real agent. */
class AgentCoreInvokeTest extends DataPlaneFixture {

    private static final String SESSION = "0123456789abcdef0123456789abcdef-session";

    AgentCoreInvokeTest() {
        super("v-default");
    }

    private String deployReady(String name) {
        String id = StandInFixtures.create(control, name, StandInFixtures.image(aws, "v1"), roleArn).agentRuntimeId();
        StandInFixtures.settle(control, id);
        return aws.agentCore().runtime(id).orElseThrow().arn();
    }

    @Test
    void jsonAnswerOfTheRealAgentComesBackWithTheSession() throws IOException {
        String arn = deployReady("demo");
        try (ResponseInputStream<InvokeAgentRuntimeResponse> response = data.invokeAgentRuntime(request -> request
                .agentRuntimeArn(arn).qualifier("DEFAULT").runtimeSessionId(SESSION).runtimeUserId("alice")
                .contentType("application/json").accept("application/json")
                .payload(SdkBytes.fromUtf8String("{\"prompt\":\"hello\"}")))) {
            JsonNode answer = Json.MAPPER.readTree(response);
            assertEquals("v-default: hello", answer.path("answer").asText());
            assertEquals(SESSION, answer.path("sessionId").asText(), "the agent got the session header");
            assertEquals("application/json", response.response().contentType());
            assertEquals(SESSION, response.response().runtimeSessionId());
            assertEquals(200, response.response().statusCode());
        }
        AwsRequest wire = aws.requests("InvokeAgentRuntime").get(0).request();
        assertEquals("/runtimes/" + URLEncoder.encode(arn, StandardCharsets.UTF_8) + "/invocations", wire.rawPath(),
                "the SDK percent-encodes the ARN, ':' and '/' included");
        assertEquals(List.of(new Invocation(aws.agentCore().runtimes().get(0).id(), "DEFAULT", "1", SESSION, "alice", 200)),
                aws.invocations());
        assertFalse(agent.requestHeaders().get(0).getFirst(AgentCoreDataPlane.REQUEST_ID_HEADER).isEmpty());
    }

    @Test
    void eventStreamArrivesAsTheAgentWritesIt() throws IOException {
        String arn = deployReady("demo");
        try (ResponseInputStream<InvokeAgentRuntimeResponse> response = data.invokeAgentRuntime(request -> request
                .agentRuntimeArn(arn).runtimeSessionId(SESSION).contentType("application/json")
                .accept("text/event-stream, application/json")
                .payload(SdkBytes.fromUtf8String("{\"prompt\":\"hi\",\"stream\":true}")));
             BufferedReader events = new BufferedReader(new InputStreamReader(response, StandardCharsets.UTF_8))) {
            assertEquals("text/event-stream", response.response().contentType());
            assertEquals("data: {\"chunk\":\"v-default: hi\"}", events.readLine());
            assertEquals("", events.readLine());
            agent.releaseSecondEvent();
            assertEquals("data: {\"chunk\":\"done\",\"released\":true}", events.readLine(),
                    "the first event reached the caller while the agent still held the second");
        }
    }

    @Test
    void aNamedEndpointServesItsVersionAndEachRuntimeItsAgent() throws IOException {
        String arn = deployReady("demo");
        String id = aws.agentCore().runtimes().get(0).id();
        control.createAgentRuntimeEndpoint(request -> request.agentRuntimeId(id).name("prod").agentRuntimeVersion("1"));
        control.getAgentRuntimeEndpoint(request -> request.agentRuntimeId(id).endpointName("prod"));
        StandInFixtures.update(control, id, StandInFixtures.image(aws, "v2"), roleArn);
        StandInFixtures.settle(control, id);
        try (TinyAgent other = new TinyAgent("other")) {
            aws.agent("other", other.url());
            String otherArn = deployReady("other");
            for (String qualifier : List.of("prod", "DEFAULT", "1")) {
                data.invokeAgentRuntime(request -> request.agentRuntimeArn(arn).qualifier(qualifier)
                        .payload(SdkBytes.fromUtf8String("{\"prompt\":\"x\"}"))).close();
            }
            try (var answer = data.invokeAgentRuntime(request -> request.agentRuntimeArn(otherArn)
                    .payload(SdkBytes.fromUtf8String("{\"prompt\":\"x\"}")))) {
                assertEquals("other: x", Json.MAPPER.readTree(answer).path("answer").asText());
            }
        }
        assertEquals(List.of("1", "2", "1", "1"), aws.invocations().stream().map(Invocation::version).toList());
        assertTrue(aws.invocations().get(0).sessionId().length() >= 33, "the SDK generates a session id when unset");
    }

    @Test
    void stopRuntimeSessionEndsAKnownSessionOnly() {
        String arn = deployReady("demo");
        data.invokeAgentRuntime(request -> request.agentRuntimeArn(arn).runtimeSessionId(SESSION)
                .payload(SdkBytes.fromUtf8String("{\"prompt\":\"x\"}"))).abort();
        var stopped = data.stopRuntimeSession(request -> request.agentRuntimeArn(arn).qualifier("DEFAULT")
                .runtimeSessionId(SESSION));
        assertEquals(SESSION, stopped.runtimeSessionId());
        assertEquals(List.of(SESSION), aws.stoppedSessions());
        assertThrows(ResourceNotFoundException.class, () -> data.stopRuntimeSession(request -> request
                .agentRuntimeArn(arn).runtimeSessionId(SESSION)));
        assertTrue(aws.requests("StopRuntimeSession").get(0).request().rawPath().endsWith("/stopruntimesession"));
    }

    @Test
    void agentErrorsAndUnknownRuntimesSurfaceAsTheServiceReportsThem() {
        String arn = deployReady("demo");
        RuntimeClientErrorException failed = assertThrows(RuntimeClientErrorException.class, () -> data
                .invokeAgentRuntime(request -> request.agentRuntimeArn(arn)
                        .payload(SdkBytes.fromUtf8String("{\"prompt\":\"fail\"}"))).close());
        assertEquals(424, failed.statusCode());
        assertTrue(failed.awsErrorDetails().errorMessage().contains("(500)"));
        String runtimeId = aws.agentCore().runtimes().get(0).id();
        assertEquals(List.of("HTTP 500"), aws.logs().events(LogsStandIn.runtimeLogGroup(runtimeId, "DEFAULT")).stream()
                .map(LogsStandIn.LogEvent::message).toList(), "the agent's error went to the runtime's log group");
        assertThrows(ResourceNotFoundException.class, () -> data.invokeAgentRuntime(request -> request
                .agentRuntimeArn(arn.replace("demo-", "gone-")).payload(SdkBytes.fromUtf8String("{}"))).close());
        assertThrows(ResourceNotFoundException.class, () -> data.invokeAgentRuntime(request -> request
                .agentRuntimeArn(arn).qualifier("nope").payload(SdkBytes.fromUtf8String("{}"))).close());
    }

    @Test
    void aJwtAuthorizedRuntimeTakesABearerTokenAndRefusesSigV4() throws Exception {
        String arn = StandInFixtures.deployJwtAuthorized(aws, control, "secured", roleArn);
        assertThrows(AccessDeniedException.class, () -> data.invokeAgentRuntime(request -> request
                .agentRuntimeArn(arn).payload(SdkBytes.fromUtf8String("{\"prompt\":\"x\"}"))).close());

        HttpRequest bearer = HttpRequest.newBuilder(URI.create(aws.endpoint() + "/runtimes/"
                        + URLEncoder.encode(arn, StandardCharsets.UTF_8) + "/invocations?qualifier=DEFAULT"))
                .header("Authorization", "Bearer token-123").header("Content-Type", "application/json")
                .header(AgentCoreDataPlane.SESSION_HEADER, SESSION)
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"jwt\"}")).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(bearer, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("v-default: jwt", Json.MAPPER.readTree(answer.body()).path("answer").asText());
        assertEquals("Bearer token-123", aws.requests("InvokeAgentRuntime").get(1).request().header("Authorization"));
    }
}
