package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentcore.model.GetResourceOauth2TokenResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.Oauth2FlowType;
import software.amazon.awssdk.services.bedrockagentcore.model.SessionStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateApiKeyCredentialProviderResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateOauth2CredentialProviderResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CredentialProviderVendorType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

/**
 * AgentCore Identity in the stand-in, driven by the real SDK clients: credential providers and workload identities,
 * the tokens an agent uses, a user's OAuth consent, and the token InvokeAgentRuntime hands the agent.
 */
class IdentityStandInTest {

    private static final String RETURN_URL = "https://app.example.com/oauth/return";

    private TinyAgent agent;
    private AwsStandIn aws;
    private BedrockAgentCoreControlClient control;
    private BedrockAgentCoreClient data;

    @BeforeEach
    void start() throws IOException {
        agent = new TinyAgent("identity");
        aws = AwsStandIn.builder().agent(agent.url()).start();
        control = SdkClients.of(aws).control();
        data = SdkClients.of(aws).data();
    }

    @AfterEach
    void stop() {
        data.close();
        control.close();
        aws.close();
        agent.close();
    }

    @Test
    void apiKeyProviderKeepsItsKeyAsASecretAndAnswersArns() {
        CreateApiKeyCredentialProviderResponse created = control.createApiKeyCredentialProvider(request -> request
                .name("weather-api").apiKey("sk-first"));
        assertEquals("arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/"
                + "weather-api", created.credentialProviderArn());
        assertTrue(created.apiKeySecretArn().secretArn().matches("arn:aws:secretsmanager:us-east-1:123456789012:"
                + "secret:bedrock-agentcore-identity!default/apikey/weather-api-[a-zA-Z0-9]{6}"),
                created.apiKeySecretArn().secretArn());
        assertEquals("sk-first", aws.identity().apiKeyProvider("weather-api").orElseThrow().apiKey());
        assertFalse(aws.identity().apiKeyProvider("weather-api").orElseThrow().toString().contains("sk-first"));

        assertThrows(ConflictException.class, () -> control.createApiKeyCredentialProvider(request -> request
                .name("weather-api").apiKey("sk-other")));
        control.updateApiKeyCredentialProvider(request -> request.name("weather-api").apiKey("sk-second"));
        assertEquals("sk-second", aws.identity().apiKeyProvider("weather-api").orElseThrow().apiKey());
        assertEquals(created.apiKeySecretArn().secretArn(), control.getApiKeyCredentialProvider(request -> request
                .name("weather-api")).apiKeySecretArn().secretArn());
        assertEquals(List.of("weather-api"), control.listApiKeyCredentialProviders(request -> { })
                .credentialProviders().stream().map(provider -> provider.name()).toList());

        control.deleteApiKeyCredentialProvider(request -> request.name("weather-api"));
        assertThrows(ResourceNotFoundException.class, () -> control.getApiKeyCredentialProvider(request -> request
                .name("weather-api")));
        assertTrue(aws.identity().apiKeyProviders().isEmpty());
    }

    @Test
    void oauth2ProviderNeedsItsVendorsConfigurationAndGetsACallbackUrl() {
        CreateOauth2CredentialProviderResponse google = control.createOauth2CredentialProvider(request -> request
                .name("google-calendar").credentialProviderVendor(CredentialProviderVendorType.GOOGLE_OAUTH2)
                .oauth2ProviderConfigInput(config -> config.googleOauth2ProviderConfig(g -> g.clientId("client-1")
                        .clientSecret("client-secret-1"))));
        assertTrue(google.callbackUrl().matches("https://bedrock-agentcore\\.us-east-1\\.amazonaws\\.com/identities/"
                + "oauth2/callback/[0-9a-f-]{36}"), google.callbackUrl());
        assertTrue(google.credentialProviderArn().endsWith(":token-vault/default/oauth2credentialprovider/"
                + "google-calendar"));
        var read = control.getOauth2CredentialProvider(request -> request.name("google-calendar"));
        assertEquals(CredentialProviderVendorType.GOOGLE_OAUTH2, read.credentialProviderVendor());
        assertEquals("client-1", read.oauth2ProviderConfigOutput().googleOauth2ProviderConfig().clientId());
        assertEquals(google.callbackUrl(), aws.identity().oauth2Provider("google-calendar").orElseThrow()
                .callbackUrl());

        ValidationException mismatch = assertThrows(ValidationException.class, () -> control
                .createOauth2CredentialProvider(request -> request.name("mismatch")
                        .credentialProviderVendor(CredentialProviderVendorType.GOOGLE_OAUTH2)
                        .oauth2ProviderConfigInput(config -> config.githubOauth2ProviderConfig(g -> g.clientId("c")))));
        assertTrue(mismatch.getMessage().contains("googleOauth2ProviderConfig"), mismatch.getMessage());
        control.deleteOauth2CredentialProvider(request -> request.name("google-calendar"));
        assertTrue(aws.identity().oauth2Providers().isEmpty());
    }

    @Test
    void workloadIdentitiesAreCreatedUpdatedListedAndDeleted() {
        String arn = control.createWorkloadIdentity(request -> request.name("my-workload")
                .allowedResourceOauth2ReturnUrls(RETURN_URL)).workloadIdentityArn();
        assertEquals("arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/"
                + "workload-identity/my-workload", arn);
        assertThrows(ValidationException.class, () -> control.createWorkloadIdentity(request -> request
                .name("my-workload")));
        control.updateWorkloadIdentity(request -> request.name("my-workload")
                .allowedResourceOauth2ReturnUrls(RETURN_URL, "http://localhost:8081/return"));
        assertEquals(List.of(RETURN_URL, "http://localhost:8081/return"), control.getWorkloadIdentity(request ->
                request.name("my-workload")).allowedResourceOauth2ReturnUrls());
        assertEquals(List.of("my-workload"), control.listWorkloadIdentities(request -> { }).workloadIdentities()
                .stream().map(identity -> identity.name()).toList());
        control.deleteWorkloadIdentity(request -> request.name("my-workload"));
        assertThrows(ResourceNotFoundException.class, () -> control.getWorkloadIdentity(request -> request
                .name("my-workload")));
    }

    @Test
    void aWorkloadTokenTheStandInIssuedGetsTheApiKeyAnyOtherIsDenied() {
        aws.identity().seedWorkloadIdentity("agent-workload");
        aws.identity().seedApiKeyProvider("search-api", "sk-search");
        String token = data.getWorkloadAccessToken(request -> request.workloadName("agent-workload"))
                .workloadAccessToken();
        assertEquals("sk-search", data.getResourceApiKey(request -> request.workloadIdentityToken(token)
                .resourceCredentialProviderName("search-api")).apiKey());
        assertEquals("agent-workload", aws.identity().tokens().get(0).workloadName());
        assertNull(aws.identity().tokens().get(0).userId());

        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> data.getResourceApiKey(
                request -> request.workloadIdentityToken("not-a-token-we-issued")
                        .resourceCredentialProviderName("search-api")));
        assertTrue(denied.getMessage().contains("Invalid workload access token"), denied.getMessage());
        assertThrows(software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException.class,
                () -> data.getResourceApiKey(request -> request.workloadIdentityToken(token)
                        .resourceCredentialProviderName("no-such-provider")));
        assertThrows(software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException.class,
                () -> data.getWorkloadAccessToken(request -> request.workloadName("no-such-workload")));
    }

    @Test
    void machineToMachineGivesATokenAndUserFederationWaitsForConsent() {
        aws.identity().seedWorkloadIdentity("agent-workload");
        aws.identity().seedOauth2Provider("google", "GoogleOauth2", "client-1");
        String workloadToken = data.getWorkloadAccessToken(request -> request.workloadName("agent-workload"))
                .workloadAccessToken();
        assertFalse(data.getResourceOauth2Token(request -> request.workloadIdentityToken(workloadToken)
                .resourceCredentialProviderName("google").scopes("calendar").oauth2Flow(Oauth2FlowType.M2_M))
                .accessToken().isEmpty());
        assertThrows(software.amazon.awssdk.services.bedrockagentcore.model.ValidationException.class,
                () -> data.getResourceOauth2Token(request -> request.workloadIdentityToken(workloadToken)
                        .resourceCredentialProviderName("google").scopes("calendar")
                        .oauth2Flow(Oauth2FlowType.USER_FEDERATION)), "user federation needs a user");

        String aliceToken = data.getWorkloadAccessTokenForUserId(request -> request.workloadName("agent-workload")
                .userId("alice")).workloadAccessToken();
        GetResourceOauth2TokenResponse pending = userToken(aliceToken, false);
        assertNull(pending.accessToken());
        assertEquals(SessionStatus.IN_PROGRESS, pending.sessionStatus());
        assertTrue(pending.authorizationUrl().startsWith("https://bedrock-agentcore.us-east-1.amazonaws.com/"
                + "identities/oauth2/authorize?request_uri="), pending.authorizationUrl());
        assertTrue(pending.sessionUri().startsWith("urn:ietf:params:oauth:request_uri:"));
        assertNull(data.getResourceOauth2Token(request -> request.workloadIdentityToken(aliceToken)
                .resourceCredentialProviderName("google").scopes("calendar").sessionUri(pending.sessionUri())
                .oauth2Flow(Oauth2FlowType.USER_FEDERATION)).accessToken(), "no token before consent");

        aws.identity().completeConsent(pending.authorizationUrl());
        String accessToken = userToken(aliceToken, false).accessToken();
        assertFalse(accessToken.isEmpty());
        assertEquals(accessToken, userToken(aliceToken, false).accessToken(), "the vault keeps the user's token");
        assertNull(data.getResourceOauth2Token(request -> request.workloadIdentityToken(aliceToken)
                .resourceCredentialProviderName("google").scopes("calendar", "gmail")
                .oauth2Flow(Oauth2FlowType.USER_FEDERATION)).accessToken(), "a scope not consented to asks again");
        GetResourceOauth2TokenResponse forced = userToken(aliceToken, true);
        assertNull(forced.accessToken());
        assertNotEquals(pending.authorizationUrl(), forced.authorizationUrl());
        assertEquals(List.of("calendar"), aws.identity().consentRequests().get(0).scopes());
        assertEquals(List.of("calendar", "gmail"), aws.identity().consentRequests().get(1).scopes());
    }

    @Test
    void aReturnUrlMustBeAllowedAndTheApplicationConfirmsTheUser() {
        aws.identity().seedWorkloadIdentity("agent-workload", RETURN_URL);
        aws.identity().seedOauth2Provider("github", "GithubOauth2", "client-2");
        String jwt = unsignedJwt("bob");
        String bobToken = data.getWorkloadAccessTokenForJWT(request -> request.workloadName("agent-workload")
                .userToken(jwt)).workloadAccessToken();
        assertEquals("bob", aws.identity().tokens().get(0).userId());
        assertThrows(software.amazon.awssdk.services.bedrockagentcore.model.ValidationException.class,
                () -> data.getResourceOauth2Token(request -> request.workloadIdentityToken(bobToken)
                        .resourceCredentialProviderName("github").scopes("repo")
                        .oauth2Flow(Oauth2FlowType.USER_FEDERATION).resourceOauth2ReturnUrl("https://evil.example")));

        GetResourceOauth2TokenResponse pending = data.getResourceOauth2Token(request -> request
                .workloadIdentityToken(bobToken).resourceCredentialProviderName("github").scopes("repo")
                .oauth2Flow(Oauth2FlowType.USER_FEDERATION).resourceOauth2ReturnUrl(RETURN_URL));
        aws.identity().completeConsent(pending.sessionUri());
        assertNull(data.getResourceOauth2Token(request -> request.workloadIdentityToken(bobToken)
                .resourceCredentialProviderName("github").scopes("repo").sessionUri(pending.sessionUri())
                .oauth2Flow(Oauth2FlowType.USER_FEDERATION)).accessToken(), "consented but not yet confirmed");
        assertThrows(software.amazon.awssdk.services.bedrockagentcore.model.AccessDeniedException.class,
                () -> data.completeResourceTokenAuth(request -> request.sessionUri(pending.sessionUri())
                        .userIdentifier(user -> user.userId("mallory"))));
        data.completeResourceTokenAuth(request -> request.sessionUri(pending.sessionUri())
                .userIdentifier(user -> user.userToken(jwt)));
        assertFalse(data.getResourceOauth2Token(request -> request.workloadIdentityToken(bobToken)
                .resourceCredentialProviderName("github").scopes("repo").sessionUri(pending.sessionUri())
                .oauth2Flow(Oauth2FlowType.USER_FEDERATION)).accessToken().isEmpty());
        assertTrue(aws.identity().consentRequests().get(0).confirmed());
    }

    @Test
    void everyRuntimeHasAWorkloadIdentityAndItsInvocationsCarryATokenForTheUser() throws IOException {
        String roleArn = aws.iam().addRole("DemoExecutionRole", StandInFixtures.TRUST_POLICY);
        var created = StandInFixtures.create(control, "mem_agent", StandInFixtures.image(aws, "v1"), roleArn);
        StandInFixtures.settle(control, created.agentRuntimeId());
        String workloadArn = created.workloadIdentityDetails().workloadIdentityArn();
        String workloadName = workloadArn.substring(workloadArn.lastIndexOf('/') + 1);
        assertTrue(workloadName.matches("mem_agent-[a-zA-Z0-9]{10}"), workloadName);
        assertEquals(workloadArn, control.getWorkloadIdentity(request -> request.name(workloadName))
                .workloadIdentityArn());
        assertTrue(aws.identity().workloadIdentity(workloadName).orElseThrow().forRuntime());

        String runtimeArn = aws.agentCore().runtime(created.agentRuntimeId()).orElseThrow().arn();
        data.invokeAgentRuntime(request -> request.agentRuntimeArn(runtimeArn).runtimeUserId("carol")
                .contentType("application/json").payload(SdkBytes.fromUtf8String("{\"prompt\":\"hi\"}")))
                .close();
        String forwarded = aws.agentRequests().get(0).header("WorkloadAccessToken");
        WorkloadAccessToken issued = aws.identity().tokens().stream()
                .filter(token -> token.token().equals(forwarded)).findFirst().orElseThrow();
        assertEquals(workloadName, issued.workloadName());
        assertEquals("carol", issued.userId());
        assertEquals(forwarded, agent.requestHeaders().get(0).getFirst("WorkloadAccessToken"));

        aws.identity().seedApiKeyProvider("search-api", "sk-runtime");
        assertEquals("sk-runtime", data.getResourceApiKey(request -> request.workloadIdentityToken(forwarded)
                .resourceCredentialProviderName("search-api")).apiKey(), "the agent can use the token it got");

        control.deleteAgentRuntime(request -> request.agentRuntimeId(created.agentRuntimeId()));
        control.listAgentRuntimes(request -> { });
        assertTrue(aws.identity().workloadIdentity(workloadName).isEmpty(), "gone with its runtime");
    }

    @Test
    void aBearerCallersTokenIsForTheUserItsJwtNames() throws Exception {
        String roleArn = aws.iam().addRole("DemoExecutionRole", StandInFixtures.TRUST_POLICY);
        String arn = StandInFixtures.deployJwtAuthorized(aws, control, "secured", roleArn);
        HttpRequest bearer = HttpRequest.newBuilder(URI.create(aws.endpoint() + "/runtimes/"
                        + URLEncoder.encode(arn, StandardCharsets.UTF_8) + "/invocations?qualifier=DEFAULT"))
                .header("Authorization", "Bearer " + unsignedJwt("dave")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"jwt\"}")).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(bearer, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        WorkloadAccessToken issued = aws.identity().tokens().get(0);
        assertEquals("dave", issued.userId());
        assertEquals(issued.token(), aws.agentRequests().get(0).header("WorkloadAccessToken"));
    }

    private GetResourceOauth2TokenResponse userToken(String workloadToken, boolean force) {
        return data.getResourceOauth2Token(request -> request.workloadIdentityToken(workloadToken)
                .resourceCredentialProviderName("google").scopes("calendar").forceAuthentication(force)
                .oauth2Flow(Oauth2FlowType.USER_FEDERATION));
    }

    /** A JWT with only a {@code sub} claim and a dummy signature (the stand-in reads, never verifies, it). */
    private static String unsignedJwt(String subject) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";
    }
}
