package io.github.agentcore4j.it.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.runtime.AgentCoreApp;
import io.github.agentcore4j.runtime.AgentIdentity;
import io.github.agentcore4j.runtime.AgentServer;
import io.github.agentcore4j.runtime.StreamingHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeResponse;

/**
 * A user-delegated OAuth2 token through the stand-in's AgentCore Identity: the authorization URL reaches the caller of
 * InvokeAgentRuntime (as the answer, or as a stream event while the agent waits), the user consents, and the agent
 * gets the token.
 */
class UserConsentEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "user-consent-session-0001-0123456789abcdef";
    private static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/calendar.readonly");

    private StandInRuntime standIn;
    private AgentServer agent;

    @BeforeEach
    void start() {
        standIn = new StandInRuntime();
        standIn.aws.identity().seedOauth2Provider("google", "GoogleOauth2", "client-1");
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.stop();
        }
        standIn.close();
    }

    private String deploy(AgentCoreApp app) {
        agent = app.host("127.0.0.1").port(0).start();
        return standIn.deploy("calendar_agent", URI.create("http://127.0.0.1:" + agent.port()), Map.of());
    }

    private AgentIdentity identity() {
        return AgentIdentity.builder().consentPolling(Duration.ofMillis(50), Duration.ofSeconds(30))
                .client(() -> StandInRuntime.pointedAtStandIn(standIn.aws, BedrockAgentCoreClient.builder()).build())
                .build();
    }

    private ResponseInputStream<InvokeAgentRuntimeResponse> invoke(String arn, String accept) {
        return standIn.data.invokeAgentRuntime(request -> request.agentRuntimeArn(arn).runtimeSessionId(SESSION)
                .runtimeUserId("bob").contentType("application/json").accept(accept)
                .payload(SdkBytes.fromUtf8String("{}")));
    }

    @Test
    void theCallerGetsTheAuthorizationUrlThenTheTokenOnceTheUserConsented() throws IOException {
        AgentIdentity identity = identity();
        String arn = deploy(AgentCoreApp.create().entrypoint(Map.class, (payload, context) -> Map.of("tokenIssued",
                !identity.oauth2Token("google", SCOPES, AgentIdentity.OAuth2Flow.USER_FEDERATION).isEmpty())));

        JsonNode first;
        try (ResponseInputStream<InvokeAgentRuntimeResponse> response = invoke(arn, "application/json")) {
            assertEquals(200, response.response().statusCode());
            first = JSON.readTree(response);
        }
        assertEquals("authorization_required", first.path("type").asText(), first.toString());
        assertEquals("google", first.path("provider").asText());
        String authorizationUrl = first.path("authorizationUrl").asText();
        assertEquals(authorizationUrl, standIn.aws.identity().consentRequests().get(0).authorizationUrl());

        standIn.aws.identity().completeConsent(authorizationUrl);

        try (ResponseInputStream<InvokeAgentRuntimeResponse> response = invoke(arn, "application/json")) {
            assertEquals("{\"tokenIssued\":true}", JSON.readTree(response).toString());
        }
    }

    @Test
    void aStreamingAgentSendsTheUrlAndCarriesOnOnceTheUserConsented() throws IOException {
        AgentIdentity identity = identity();
        String arn = deploy(AgentCoreApp.create().entrypoint(Map.class, (StreamingHandler<Map>) (payload, context,
                events) -> events.send(Map.of("tokenIssued", !identity.oauth2Token("google", SCOPES, events)
                        .isEmpty()))));

        try (ResponseInputStream<InvokeAgentRuntimeResponse> response = invoke(arn, "text/event-stream");
             BufferedReader events = new BufferedReader(new InputStreamReader(response, StandardCharsets.UTF_8))) {
            String first = events.readLine();
            assertTrue(first.startsWith("data: "), first);
            JsonNode authorization = JSON.readTree(first.substring("data: ".length()));
            assertEquals("authorization_required", authorization.path("type").asText(), first);
            assertEquals("", events.readLine());

            standIn.aws.identity().completeConsent(authorization.path("authorizationUrl").asText());

            assertEquals("data: {\"tokenIssued\":true}", events.readLine(),
                    "the agent waited for the consent on the same invocation");
        }
    }
}
