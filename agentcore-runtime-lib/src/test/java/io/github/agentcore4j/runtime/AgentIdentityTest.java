package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AgentIdentity}'s calls on the wire, and a user's authorization URL travelling back to the caller of a real
 * agent, as a 200 answer or as a stream event.
 */
class AgentIdentityTest {

    private static final String WAT = "workload-access-token-for-user-1";
    private static final String API_KEY = "sk-secret-api-key-0123456789";
    private static final String AUTHORIZATION_URL = "https://idp.example/authorize?request=r-1";

    private FakeAgentCoreService service;
    private AgentIdentity identity;

    @BeforeEach
    void start() throws Exception {
        service = new FakeAgentCoreService();
        identity = AgentIdentity.builder().client(service.clientFactory())
                .consentPolling(Duration.ofMillis(10), Duration.ofSeconds(20)).build();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private static <T> T inInvocation(Map<String, String> headers, java.util.function.Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        RequestContext.fromHeaders(headers).runWith(() -> result.set(work.get()));
        return result.get();
    }

    @Test
    void getsAnApiKeyWithTheRequestsWorkloadTokenAndLogsNeither() throws Exception {
        service.answer("/identities/api-key", "{\"apiKey\":\"" + API_KEY + "\"}");
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        Handler capture = new StreamHandler(logged, new SimpleFormatter());
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger library = Logger.getLogger(AgentCoreApp.LOGGER_NAME);
        Level libraryLevel = library.getLevel();
        root.addHandler(capture);
        library.setLevel(Level.ALL);
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class,
                (payload, context) -> Map.of("keyLength", identity.apiKey("openai").length()));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> response = agent.send(agent.invocation("{}")
                    .header(RequestContext.LEGACY_WAT_HEADER, WAT).build());
            assertEquals("{\"keyLength\":" + API_KEY.length() + "}", response.body());
            // The invocation's last log line comes just after its answer.
            long deadline = System.nanoTime() + RunningAgent.TIMEOUT.toNanos();
            do {
                capture.flush();
                Thread.sleep(10);
            } while (!logged.toString(StandardCharsets.UTF_8).contains("Invocation completed successfully")
                    && System.nanoTime() < deadline);
        } finally {
            capture.flush();
            root.removeHandler(capture);
            library.setLevel(libraryLevel);
        }

        FakeAgentCoreService.Request request = service.requests.get(0);
        assertEquals("POST", request.method());
        assertEquals("/identities/api-key", request.path());
        assertEquals(Map.of("workloadIdentityToken", WAT, "resourceCredentialProviderName", "openai"), request.json());
        assertTrue(request.header("Authorization").startsWith("AWS4-HMAC-SHA256 Credential="
                + FakeAgentCoreService.ACCESS_KEY_ID + "/"), request.header("Authorization"));
        String log = logged.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Invocation completed successfully"), "the capture saw the invocation: " + log);
        assertFalse(log.contains(API_KEY), "the API key was logged: " + log);
        assertFalse(log.contains(WAT), "the workload access token was logged: " + log);
    }

    @Test
    void getsAMachineToMachineToken() throws Exception {
        service.answer("/identities/oauth2/token", "{\"accessToken\":\"m2m-token\"}");

        String token = inInvocation(Map.of(RequestContext.IDENTITY_WAT_HEADER, WAT),
                () -> identity.oauth2Token("github", List.of("repo", "read:user"), AgentIdentity.OAuth2Flow.M2M));

        assertEquals("m2m-token", token);
        assertEquals(Map.of("workloadIdentityToken", WAT, "resourceCredentialProviderName", "github",
                "scopes", List.of("repo", "read:user"), "oauth2Flow", "M2M"), service.requests.get(0).json());
    }

    @Test
    void answersTheCallerWithTheAuthorizationUrlWhenTheUserMustConsent() throws Exception {
        service.answer("/identities/oauth2/token", "{\"authorizationUrl\":\"" + AUTHORIZATION_URL + "\","
                + "\"sessionUri\":\"urn:session:1\",\"sessionStatus\":\"IN_PROGRESS\"}");
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, (payload, context) -> identity
                .oauth2Token("google", List.of("calendar"), AgentIdentity.OAuth2Flow.USER_FEDERATION));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> response = agent.send(agent.invocation("{}")
                    .header(RequestContext.LEGACY_WAT_HEADER, WAT)
                    .header(RequestContext.OAUTH2_CALLBACK_URL_HEADER, "https://app.example/callback").build());

            assertEquals(200, response.statusCode());
            assertEquals(Map.of("type", "authorization_required", "provider", "google",
                    "authorizationUrl", AUTHORIZATION_URL, "message", "Authorization required: open "
                            + AUTHORIZATION_URL + " to let this agent use google on your behalf, then invoke it again"),
                    JSON.std.mapFrom(response.body()));
        }
        assertEquals(Map.of("workloadIdentityToken", WAT, "resourceCredentialProviderName", "google",
                "scopes", List.of("calendar"), "oauth2Flow", "USER_FEDERATION",
                "resourceOauth2ReturnUrl", "https://app.example/callback"), service.requests.get(0).json());
    }

    @Test
    void streamsTheAuthorizationUrlThenWaitsForConsent() throws Exception {
        service.answer("/identities/oauth2/token",
                "{\"authorizationUrl\":\"" + AUTHORIZATION_URL + "\",\"sessionUri\":\"urn:session:1\","
                        + "\"sessionStatus\":\"IN_PROGRESS\"}",
                "{\"sessionUri\":\"urn:session:1\",\"sessionStatus\":\"IN_PROGRESS\"}",
                "{\"accessToken\":\"user-token\"}");
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, (StreamingHandler<Map>) (payload, context,
                events) -> events.send("got " + identity.oauth2Token("google", List.of("calendar"), events)));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> response = agent.send(agent.invocation("{}")
                    .header(RequestContext.LEGACY_WAT_HEADER, WAT).build());

            assertEquals("data: {\"type\":\"authorization_required\",\"provider\":\"google\",\"authorizationUrl\":\""
                    + AUTHORIZATION_URL + "\",\"message\":\"Authorization required: open " + AUTHORIZATION_URL
                    + " to let this agent use google on your behalf, then invoke it again\"}\n\n"
                    + "data: \"got user-token\"\n\n", response.body());
        }
        assertEquals(3, service.requests.size());
        assertFalse(service.requests.get(0).json().containsKey("sessionUri"));
        assertEquals("urn:session:1", service.requests.get(1).json().get("sessionUri"));
        assertEquals("urn:session:1", service.requests.get(2).json().get("sessionUri"));
    }

    @Test
    void endsTheStreamWithAnErrorEventWhenTheUserDoesNotConsentInTime() throws Exception {
        service.answer("/identities/oauth2/token", "{\"authorizationUrl\":\"" + AUTHORIZATION_URL + "\","
                + "\"sessionUri\":\"urn:session:1\",\"sessionStatus\":\"IN_PROGRESS\"}");
        AgentIdentity impatient = AgentIdentity.builder().client(service.clientFactory())
                .consentPolling(Duration.ofMillis(10), Duration.ofMillis(100)).build();
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, (StreamingHandler<Map>) (payload, context,
                events) -> events.send(impatient.oauth2Token("google", List.of("calendar"), events)));
        try (RunningAgent agent = new RunningAgent(app)) {
            String stream = agent.send(agent.invocation("{}").header(RequestContext.LEGACY_WAT_HEADER, WAT).build())
                    .body();

            assertTrue(stream.startsWith("data: {\"type\":\"authorization_required\""), stream);
            assertTrue(stream.endsWith("data: {\"error\":\"The user did not authorize credential provider google "
                    + "within 0.1s; invoke again to start over\",\"error_type\":\"IllegalStateException\","
                    + "\"message\":\"An error occurred during streaming\"}\n\n"), stream);
        }
        assertTrue(service.requests.size() >= 2, "it asked again before giving up");
    }

    @Test
    void namesTheMissingHeaderWhenALocalRunSendsNoWorkloadToken() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> inInvocation(Map.of(), () -> identity.apiKey("openai")));
        assertTrue(missing.getMessage().contains("request has no WorkloadAccessToken (or "
                + "X-Amz-Bedrock-AgentCore-Identity-WAT) header"), missing.getMessage());
        assertTrue(missing.getMessage().contains("-Dagentcore.invoke.headers=WorkloadAccessToken="),
                missing.getMessage());
        assertEquals(0, service.clientsMade.get(), "no client for a refused call");
    }

    @Test
    void makesItsClientOnFirstUseAndKeepsIt() {
        service.answer("/identities/api-key", "{\"apiKey\":\"k\"}");
        assertEquals(0, service.clientsMade.get());
        inInvocation(Map.of(RequestContext.LEGACY_WAT_HEADER, WAT), () -> identity.apiKey("a") + identity.apiKey("b"));
        assertEquals(1, service.clientsMade.get());
        assertEquals(2, service.requests.size());
    }
}
