package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * AgentCore Identity, control plane (API-key and OAuth2 credential providers, workload identities) and data plane
 * (workload access tokens, GetResourceApiKey, GetResourceOauth2Token, CompleteResourceTokenAuth), as state:
 * <ul>
 *   <li>an API-key provider stores its key as the secret of a token-vault secret: the responses carry
 *       {@code credentialProviderArn} ({@code arn:aws:bedrock-agentcore:<region>:<account>:token-vault/default/
 *       apikeycredentialprovider/<name>}) and {@code apiKeySecretArn.secretArn} (Secrets Manager,
 *       {@code bedrock-agentcore-identity!default/apikey/<name>-<6 characters>}), never the key; only
 *       {@code MANAGED} secrets (the key in the request) are served; a name in use is a ConflictException;</li>
 *   <li>an OAuth2 provider needs the configuration member of its vendor ({@code googleOauth2ProviderConfig} for
 *       {@code GoogleOauth2}, ..., {@code customOauth2ProviderConfig} for {@code CustomOauth2},
 *       {@code includedOauth2ProviderConfig} for the other vendors) and gets a {@code callbackUrl}
 *       ({@code https://bedrock-agentcore.<region>.amazonaws.com/identities/oauth2/callback/<uuid>});</li>
 *   <li>workload identities: those created by CreateWorkloadIdentity, and one per agent runtime, as AWS creates it
 *       ({@code <runtime name>-<10 characters>}, the ARN CreateAgentRuntime answers in {@code workloadIdentityDetails},
 *       gone with the runtime); a name in use is a ValidationException;</li>
 *   <li>workload access tokens are opaque strings the stand-in remembers with their workload and user
 *       ({@link #tokens()}); GetWorkloadAccessTokenForJWT takes the user from the JWT's {@code sub} (the signature is
 *       not checked); InvokeAgentRuntime hands the agent one in the {@code WorkloadAccessToken} header, for the
 *       runtime's workload and the caller's user (the bearer JWT's {@code sub}, else {@code runtimeUserId});</li>
 *   <li>GetResourceApiKey and GetResourceOauth2Token need a token the stand-in issued (else a 403
 *       AccessDeniedException, "invalid workload access token") and an existing provider (else a 404);
 *       {@code M2M} answers an access token; {@code USER_FEDERATION} needs a token issued for a user, and answers
 *       {@code authorizationUrl} + {@code sessionUri} (status {@code IN_PROGRESS}) until the user consents
 *       ({@link #completeConsent}) and, when a {@code resourceOauth2ReturnUrl} was named (it must be one of the
 *       workload's allowed return URLs), the application confirms the user with CompleteResourceTokenAuth; then the
 *       token, again for that provider, workload, user and scopes until {@code forceAuthentication} starts over;
 *       {@code ON_BEHALF_OF_TOKEN_EXCHANGE} needs a token issued for a JWT.</li>
 * </ul>
 * The ARNs and URLs follow what AWS answers; the model's output patterns (an {@code acps} service in the provider
 * ARNs) are not what the service returns and are not checked by the SDKs.
 */
public final class IdentityStandIn {

    /** The header InvokeAgentRuntime hands the agent its workload access token in. */
    static final String TOKEN_HEADER = "WorkloadAccessToken";
    private static final Map<String, String> VENDOR_CONFIG_MEMBERS = Map.of("GoogleOauth2",
            "googleOauth2ProviderConfig", "GithubOauth2", "githubOauth2ProviderConfig", "SlackOauth2",
            "slackOauth2ProviderConfig", "SalesforceOauth2", "salesforceOauth2ProviderConfig", "MicrosoftOauth2",
            "microsoftOauth2ProviderConfig", "AtlassianOauth2", "atlassianOauth2ProviderConfig", "LinkedinOauth2",
            "linkedinOauth2ProviderConfig", "CustomOauth2", "customOauth2ProviderConfig");

    private final String region;
    private final String accountId;
    private final StandInClock clock;
    private final Supplier<Map<String, Instant>> runtimeWorkloads;
    private final Map<String, ApiKeyProvider> apiKeyProviders = new LinkedHashMap<>();
    private final Map<String, Oauth2Provider> oauth2Providers = new LinkedHashMap<>();
    private final Map<String, Workload> workloads = new LinkedHashMap<>();
    private final Map<String, WorkloadAccessToken> tokens = new LinkedHashMap<>();
    private final Map<String, Consent> consents = new LinkedHashMap<>();
    private final Map<String, Grant> grants = new LinkedHashMap<>();
    /** The route table: each operation Identity serves, control plane then data plane, by its model name. */
    private final Map<String, Function<JsonNode, Reply>> operations = Map.ofEntries(
            Map.entry("CreateApiKeyCredentialProvider", input -> Reply.json(201, createApiKeyProvider(input))),
            Map.entry("GetApiKeyCredentialProvider", input -> Reply.json(200,
                    existing(apiKeyProviders, name(input), "API key").json())),
            Map.entry("UpdateApiKeyCredentialProvider", input -> Reply.json(200, updateApiKeyProvider(input))),
            Map.entry("DeleteApiKeyCredentialProvider", input -> deleteProvider(apiKeyProviders, input, "API key")),
            Map.entry("ListApiKeyCredentialProviders", input -> Reply.json(200, BodyPaging.page(input, 10,
                    "credentialProviders", apiKeyProviders.values().stream().map(ApiKeyProvider::item).toList()))),
            Map.entry("CreateOauth2CredentialProvider", input -> Reply.json(201, createOauth2Provider(input))),
            Map.entry("GetOauth2CredentialProvider", input -> Reply.json(200,
                    existing(oauth2Providers, name(input), "OAuth2").json())),
            Map.entry("UpdateOauth2CredentialProvider", input -> Reply.json(200, updateOauth2Provider(input))),
            Map.entry("DeleteOauth2CredentialProvider", input -> deleteProvider(oauth2Providers, input, "OAuth2")),
            Map.entry("ListOauth2CredentialProviders", input -> Reply.json(200, BodyPaging.page(input, 10,
                    "credentialProviders", oauth2Providers.values().stream().map(Oauth2Provider::item).toList()))),
            Map.entry("CreateWorkloadIdentity", input -> Reply.json(201, createWorkload(input))),
            Map.entry("GetWorkloadIdentity", input -> Reply.json(200, existingWorkload(name(input)).json())),
            Map.entry("UpdateWorkloadIdentity", input -> Reply.json(200, updateWorkload(input))),
            Map.entry("DeleteWorkloadIdentity", this::deleteWorkload),
            Map.entry("ListWorkloadIdentities", input -> Reply.json(200, listWorkloads(input))),
            Map.entry("GetWorkloadAccessToken", input -> Reply.json(200, workloadToken(input, anyUser -> null,
                    "GetWorkloadAccessToken"))),
            Map.entry("GetWorkloadAccessTokenForUserId", input -> Reply.json(200, workloadToken(input,
                    body -> body.path("userId").asText(), "GetWorkloadAccessTokenForUserId"))),
            Map.entry("GetWorkloadAccessTokenForJWT", input -> Reply.json(200, workloadToken(input,
                    body -> subject(body.path("userToken").asText()), "GetWorkloadAccessTokenForJWT"))),
            Map.entry("GetResourceApiKey", input -> Reply.json(200, resourceApiKey(input))),
            Map.entry("GetResourceOauth2Token", input -> Reply.json(200, oauth2Token(issuedToken(input), input))),
            Map.entry("CompleteResourceTokenAuth", input -> {
                confirm(input);
                return Reply.json(200, Json.object());
            }));

    /** {@code runtimeWorkloads} names the workload identities of the live agent runtimes, with when each was made. */
    IdentityStandIn(String region, String accountId, StandInClock clock,
                    Supplier<Map<String, Instant>> runtimeWorkloads) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.runtimeWorkloads = runtimeWorkloads;
    }

    public synchronized List<StoredApiKeyProvider> apiKeyProviders() {
        return apiKeyProviders.values().stream().map(ApiKeyProvider::snapshot).toList();
    }

    public synchronized Optional<StoredApiKeyProvider> apiKeyProvider(String name) {
        return Optional.ofNullable(apiKeyProviders.get(name)).map(ApiKeyProvider::snapshot);
    }

    public synchronized List<StoredOauth2Provider> oauth2Providers() {
        return oauth2Providers.values().stream().map(Oauth2Provider::snapshot).toList();
    }

    public synchronized Optional<StoredOauth2Provider> oauth2Provider(String name) {
        return Optional.ofNullable(oauth2Providers.get(name)).map(Oauth2Provider::snapshot);
    }

    /** Every workload identity, those of the agent runtimes included. */
    public synchronized List<StoredWorkloadIdentity> workloadIdentities() {
        syncRuntimeWorkloads();
        return workloads.values().stream().map(Workload::snapshot).toList();
    }

    public synchronized Optional<StoredWorkloadIdentity> workloadIdentity(String name) {
        syncRuntimeWorkloads();
        return Optional.ofNullable(workloads.get(name)).map(Workload::snapshot);
    }

    /** The workload access tokens issued so far, in order. */
    public synchronized List<WorkloadAccessToken> tokens() {
        return List.copyOf(tokens.values());
    }

    /** The user-federation flows started so far, in order. */
    public synchronized List<ConsentRequest> consentRequests() {
        return consents.values().stream().map(Consent::snapshot).toList();
    }

    /** Seeds an API-key provider someone else created, holding {@code apiKey}. */
    public synchronized StoredApiKeyProvider seedApiKeyProvider(String name, String apiKey) {
        ApiKeyProvider provider = new ApiKeyProvider(name, apiKey, clock.now());
        apiKeyProviders.put(name, provider);
        return provider.snapshot();
    }

    /** Seeds an OAuth2 provider of a vendor (e.g. {@code GoogleOauth2}) someone else created. */
    public synchronized StoredOauth2Provider seedOauth2Provider(String name, String vendor, String clientId) {
        Oauth2Provider provider = new Oauth2Provider(name, vendor, clientId, clock.now());
        oauth2Providers.put(name, provider);
        return provider.snapshot();
    }

    /** Seeds a workload identity someone else created, with the return URLs its OAuth flows may come back to. */
    public synchronized StoredWorkloadIdentity seedWorkloadIdentity(String name, String... allowedReturnUrls) {
        Workload workload = new Workload(name, List.of(allowedReturnUrls), false, clock.now());
        workloads.put(name, workload);
        return workload.snapshot();
    }

    /**
     * The user behind a user-federation flow consents at the vendor: the flow named by its {@code authorizationUrl}
     * (or {@code sessionUri}) may now give its token (after CompleteResourceTokenAuth, if it named a return URL).
     */
    public synchronized void completeConsent(String authorizationUrlOrSessionUri) {
        Consent consent = consents.values().stream()
                .filter(candidate -> candidate.authorizationUrl.equals(authorizationUrlOrSessionUri)
                        || candidate.sessionUri.equals(authorizationUrlOrSessionUri)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No user-federation flow with authorization URL or"
                        + " session URI " + authorizationUrlOrSessionUri + " in " + consentRequests()));
        consent.consented = true;
        grantIfDone(consent);
    }

    /**
     * Mints the token InvokeAgentRuntime hands an agent: for the runtime's workload and the caller's user, that is
     * the {@code sub} of the caller's bearer JWT when the runtime takes one, else the {@code runtimeUserId} header, if
     * any.
     */
    synchronized String tokenForInvocation(String workloadName, String bearerToken, String runtimeUserId) {
        String userId = bearerToken == null ? runtimeUserId : jwtSubject(bearerToken).orElse(null);
        return issue(workloadName, userId, "InvokeAgentRuntime");
    }

    /** Whether Identity has an operation of this name, on either plane (its route table, {@link #operations}). */
    boolean serves(String operation) {
        return operations.containsKey(operation);
    }

    synchronized Reply handle(String operation, AwsRequest request) {
        syncRuntimeWorkloads();
        return operations.get(operation).apply(request.json());
    }

    private static Reply noContent() {
        return Reply.buffered(204, "application/json", Map.of(), new byte[0]);
    }

    private static String name(JsonNode input) {
        return input.path("name").asText();
    }

    private ObjectNode updateApiKeyProvider(JsonNode input) {
        ApiKeyProvider provider = existing(apiKeyProviders, name(input), "API key");
        provider.apiKey = managedKey(input);
        provider.updatedAt = clock.now();
        return provider.json();
    }

    private ObjectNode updateOauth2Provider(JsonNode input) {
        Oauth2Provider provider = existing(oauth2Providers, name(input), "OAuth2");
        provider.configure(input.path("credentialProviderVendor").asText(), input.path("oauth2ProviderConfigInput"));
        provider.updatedAt = clock.now();
        return provider.json();
    }

    /** Deletes the provider the input names, a 404 when there is none. */
    private static Reply deleteProvider(Map<String, ?> providers, JsonNode input, String kind) {
        existing(providers, name(input), kind);
        providers.remove(name(input));
        return noContent();
    }

    private ObjectNode updateWorkload(JsonNode input) {
        Workload workload = existingWorkload(name(input));
        workload.returnUrls = texts(input.path("allowedResourceOauth2ReturnUrls"));
        workload.updatedAt = clock.now();
        return workload.json();
    }

    private Reply deleteWorkload(JsonNode input) {
        String name = name(input);
        if (existingWorkload(name).forRuntime) {
            throw ServiceError.validation("Workload identity " + name + " is managed by an agent runtime and"
                    + " is deleted with it");
        }
        workloads.remove(name);
        return noContent();
    }

    private ObjectNode listWorkloads(JsonNode input) {
        return BodyPaging.page(input, 20, "workloadIdentities", workloads.values().stream()
                .map(workload -> Json.object().put("name", workload.name).put("workloadIdentityArn", workload.arn()))
                .toList());
    }

    /** A workload access token for the workload the input names, acting for {@code user} of the input. */
    private ObjectNode workloadToken(JsonNode input, Function<JsonNode, String> user, String operation) {
        String workloadName = existingWorkload(input.path("workloadName").asText()).name;
        return tokenResponse(issue(workloadName, user.apply(input), operation));
    }

    private ObjectNode resourceApiKey(JsonNode input) {
        issuedToken(input);
        String provider = input.path("resourceCredentialProviderName").asText();
        return Json.object().put("apiKey", existing(apiKeyProviders, provider, "API key").apiKey);
    }

    private ObjectNode createApiKeyProvider(JsonNode input) {
        String name = input.path("name").asText();
        if (apiKeyProviders.containsKey(name)) {
            throw ServiceError.conflict("Credential provider with name " + name + " already exists");
        }
        ApiKeyProvider provider = new ApiKeyProvider(name, managedKey(input), clock.now());
        apiKeyProviders.put(name, provider);
        return provider.json();
    }

    private static String managedKey(JsonNode input) {
        if (input.path("apiKeySecretSource").asText("MANAGED").equals("EXTERNAL")) {
            throw ServiceError.validation("apiKeySecretSource EXTERNAL (a key in your own secret) is not served by"
                    + " the stand-in: send the key as apiKey");
        }
        if (!input.hasNonNull("apiKey") || input.get("apiKey").asText().isEmpty()) {
            throw ServiceError.validation("apiKey is required when apiKeySecretSource is MANAGED");
        }
        return input.get("apiKey").asText();
    }

    private ObjectNode createOauth2Provider(JsonNode input) {
        String name = input.path("name").asText();
        if (oauth2Providers.containsKey(name)) {
            throw ServiceError.conflict("Credential provider with name " + name + " already exists");
        }
        Oauth2Provider provider = new Oauth2Provider(name, null, null, clock.now());
        provider.configure(input.path("credentialProviderVendor").asText(), input.path("oauth2ProviderConfigInput"));
        oauth2Providers.put(name, provider);
        return provider.json();
    }

    private ObjectNode createWorkload(JsonNode input) {
        String name = input.path("name").asText();
        if (workloads.containsKey(name)) {
            throw ServiceError.validation("Workload identity with name " + name + " already exists");
        }
        Workload workload = new Workload(name, texts(input.path("allowedResourceOauth2ReturnUrls")), false,
                clock.now());
        workloads.put(name, workload);
        ObjectNode json = Json.object().put("name", name).put("workloadIdentityArn", workload.arn());
        json.set("allowedResourceOauth2ReturnUrls", Json.MAPPER.valueToTree(workload.returnUrls));
        return json;
    }

    private ObjectNode oauth2Token(WorkloadAccessToken token, JsonNode input) {
        Oauth2Provider provider = existing(oauth2Providers, input.path("resourceCredentialProviderName").asText(),
                "OAuth2");
        List<String> scopes = texts(input.path("scopes"));
        String flow = input.path("oauth2Flow").asText();
        if (flow.equals("M2M")) {
            return Json.object().put("accessToken", "m2m-" + provider.name + "-" + RandomIds.hex(16));
        }
        if (token.userId() == null) {
            throw ServiceError.validation(flow + " needs a workload access token issued for a user"
                    + " (GetWorkloadAccessTokenForUserId or GetWorkloadAccessTokenForJWT)");
        }
        if (flow.equals("ON_BEHALF_OF_TOKEN_EXCHANGE")) {
            if (!token.issuedBy().equals("GetWorkloadAccessTokenForJWT")) {
                throw ServiceError.validation("ON_BEHALF_OF_TOKEN_EXCHANGE needs a workload access token issued for"
                        + " a JWT (GetWorkloadAccessTokenForJWT)");
            }
            return Json.object().put("accessToken", "obo-" + provider.name + "-" + RandomIds.hex(16));
        }
        String grantKey = provider.name + "|" + token.workloadName() + "|" + token.userId();
        Grant grant = grants.get(grantKey);
        boolean force = input.path("forceAuthentication").asBoolean(false);
        if (!force && grant != null && new HashSet<>(grant.scopes).containsAll(scopes)) {
            return Json.object().put("accessToken", grant.accessToken);
        }
        if (!force && input.has("sessionUri")) {
            Consent pending = consents.get(input.get("sessionUri").asText());
            if (pending == null || !pending.userId.equals(token.userId())) {
                throw ServiceError.notFound("No authorization session " + input.get("sessionUri").asText()
                        + " for this user");
            }
            return inProgress(pending);
        }
        String returnUrl = input.path("resourceOauth2ReturnUrl").asText(null);
        if (returnUrl != null && !existingWorkload(token.workloadName()).returnUrls.contains(returnUrl)) {
            throw ServiceError.validation("resourceOauth2ReturnUrl " + returnUrl + " is not one of the"
                    + " allowedResourceOauth2ReturnUrls of workload identity " + token.workloadName());
        }
        grants.remove(grantKey);
        String sessionUri = "urn:ietf:params:oauth:request_uri:" + UUID.randomUUID();
        Consent consent = new Consent(sessionUri, "https://bedrock-agentcore." + region
                + ".amazonaws.com/identities/oauth2/authorize?request_uri="
                + URLEncoder.encode(sessionUri, StandardCharsets.UTF_8), provider.name, token.workloadName(),
                token.userId(), scopes, returnUrl);
        consents.put(sessionUri, consent);
        return inProgress(consent);
    }

    private static ObjectNode inProgress(Consent consent) {
        return Json.object().put("authorizationUrl", consent.authorizationUrl).put("sessionUri", consent.sessionUri)
                .put("sessionStatus", "IN_PROGRESS");
    }

    private void confirm(JsonNode input) {
        Consent consent = consents.get(input.path("sessionUri").asText());
        if (consent == null) {
            throw ServiceError.notFound("No authorization session " + input.path("sessionUri").asText());
        }
        JsonNode user = input.path("userIdentifier");
        String userId = user.has("userId") ? user.get("userId").asText() : subject(user.path("userToken").asText());
        if (!consent.userId.equals(userId)) {
            throw new ServiceError(403, "AccessDeniedException", "The user does not match the user of authorization"
                    + " session " + consent.sessionUri);
        }
        consent.confirmed = true;
        grantIfDone(consent);
    }

    private void grantIfDone(Consent consent) {
        if (consent.consented && (consent.returnUrl == null || consent.confirmed)) {
            grants.put(consent.provider + "|" + consent.workloadName + "|" + consent.userId,
                    new Grant("user-" + consent.provider + "-" + RandomIds.hex(16), consent.scopes));
        }
    }

    private String issue(String workloadName, String userId, String issuedBy) {
        String token = "wat-" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(RandomIds.hex(32).getBytes(StandardCharsets.US_ASCII));
        tokens.put(token, new WorkloadAccessToken(token, workloadName, userId, issuedBy));
        return token;
    }

    private WorkloadAccessToken issuedToken(JsonNode input) {
        WorkloadAccessToken token = tokens.get(input.path("workloadIdentityToken").asText());
        if (token == null) {
            throw new ServiceError(403, "AccessDeniedException", "Invalid workload access token");
        }
        return token;
    }

    private static ObjectNode tokenResponse(String token) {
        return Json.object().put("workloadAccessToken", token);
    }

    /** The {@code sub} of a user's JWT; a token without one is refused. */
    private static String subject(String jwt) {
        return jwtSubject(jwt).orElseThrow(() -> ServiceError.validation("The user token is not a JWT with a sub"
                + " claim"));
    }

    /** The {@code sub} claim of a JWT's payload, if it is a JWT with one (the signature is not checked). */
    private static Optional<String> jwtSubject(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return Optional.ofNullable(claims.get("sub")).filter(JsonNode::isTextual).map(JsonNode::asText);
        } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static <T> T existing(Map<String, T> providers, String name, String kind) {
        T provider = providers.get(name);
        if (provider == null) {
            throw ServiceError.notFound(kind + " credential provider " + name + " not found");
        }
        return provider;
    }

    private Workload existingWorkload(String name) {
        Workload workload = workloads.get(name);
        if (workload == null) {
            throw ServiceError.notFound("Workload identity " + name + " not found");
        }
        return workload;
    }

    /** Adds the workload identities of new runtimes and drops those of deleted ones. */
    private void syncRuntimeWorkloads() {
        Map<String, Instant> live = runtimeWorkloads.get();
        workloads.values().removeIf(workload -> workload.forRuntime && !live.containsKey(workload.name));
        live.forEach((name, createdAt) -> workloads.computeIfAbsent(name,
                key -> new Workload(key, List.of(), true, createdAt)));
    }

    private String vaultArn(String kind, String name) {
        return "arn:aws:bedrock-agentcore:" + region + ":" + accountId + ":token-vault/default/" + kind + "/" + name;
    }

    private String secretArn(String kind, String name) {
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:bedrock-agentcore-identity!default/"
                + kind + "/" + name + "-" + RandomIds.alphanumeric(6);
    }

    private static void putTimes(ObjectNode json, Instant createdAt, Instant updatedAt) {
        json.set("createdTime", EpochSeconds.of(createdAt));
        json.set("lastUpdatedTime", EpochSeconds.of(updatedAt));
    }

    private final class ApiKeyProvider {
        final String name;
        final String secretArn;
        final Instant createdAt;
        String apiKey;
        Instant updatedAt;

        ApiKeyProvider(String name, String apiKey, Instant createdAt) {
            this.name = name;
            this.apiKey = apiKey;
            this.secretArn = secretArn("apikey", name);
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        String arn() {
            return vaultArn("apikeycredentialprovider", name);
        }

        ObjectNode json() {
            ObjectNode json = Json.object();
            json.putObject("apiKeySecretArn").put("secretArn", secretArn);
            json.put("apiKeySecretSource", "MANAGED").put("name", name).put("credentialProviderArn", arn());
            putTimes(json, createdAt, updatedAt);
            return json;
        }

        ObjectNode item() {
            ObjectNode json = Json.object().put("name", name).put("credentialProviderArn", arn());
            putTimes(json, createdAt, updatedAt);
            return json;
        }

        StoredApiKeyProvider snapshot() {
            return new StoredApiKeyProvider(name, arn(), secretArn, apiKey);
        }
    }

    private final class Oauth2Provider {
        final String name;
        final String secretArn;
        final String callbackUrl;
        final Instant createdAt;
        String vendor;
        String clientId;
        JsonNode discovery = Json.object();
        Instant updatedAt;

        Oauth2Provider(String name, String vendor, String clientId, Instant createdAt) {
            this.name = name;
            this.vendor = vendor;
            this.clientId = clientId;
            this.secretArn = secretArn("oauth2", name);
            this.callbackUrl = "https://bedrock-agentcore." + region + ".amazonaws.com/identities/oauth2/callback/"
                    + UUID.randomUUID();
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        /** Takes the vendor and the configuration member that vendor needs (a ValidationException otherwise). */
        void configure(String vendor, JsonNode configInput) {
            String member = VENDOR_CONFIG_MEMBERS.getOrDefault(vendor, "includedOauth2ProviderConfig");
            JsonNode config = configInput.path(member);
            if (config.isMissingNode()) {
                throw ServiceError.validation("credentialProviderVendor " + vendor + " needs " + member
                        + " in oauth2ProviderConfigInput");
            }
            this.vendor = vendor;
            this.clientId = config.path("clientId").asText(null);
            this.discovery = config.has("oauthDiscovery") ? config.get("oauthDiscovery").deepCopy() : Json.object();
        }

        String arn() {
            return vaultArn("oauth2credentialprovider", name);
        }

        ObjectNode json() {
            ObjectNode json = Json.object();
            json.putObject("clientSecretArn").put("secretArn", secretArn);
            json.put("name", name).put("credentialProviderArn", arn()).put("credentialProviderVendor", vendor)
                    .put("callbackUrl", callbackUrl).put("status", ResourceStatus.READY.name());
            ObjectNode config = json.putObject("oauth2ProviderConfigOutput")
                    .putObject(VENDOR_CONFIG_MEMBERS.getOrDefault(vendor, "includedOauth2ProviderConfig"));
            config.set("oauthDiscovery", discovery.deepCopy());
            if (clientId != null) {
                config.put("clientId", clientId);
            }
            putTimes(json, createdAt, updatedAt);
            return json;
        }

        ObjectNode item() {
            ObjectNode json = Json.object().put("name", name).put("credentialProviderVendor", vendor)
                    .put("credentialProviderArn", arn());
            putTimes(json, createdAt, updatedAt);
            return json;
        }

        StoredOauth2Provider snapshot() {
            return new StoredOauth2Provider(name, arn(), vendor, clientId, callbackUrl);
        }
    }

    private final class Workload {
        final String name;
        final boolean forRuntime;
        final Instant createdAt;
        List<String> returnUrls;
        Instant updatedAt;

        Workload(String name, List<String> returnUrls, boolean forRuntime, Instant createdAt) {
            this.name = name;
            this.returnUrls = returnUrls;
            this.forRuntime = forRuntime;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        String arn() {
            return "arn:aws:bedrock-agentcore:" + region + ":" + accountId
                    + ":workload-identity-directory/default/workload-identity/" + name;
        }

        ObjectNode json() {
            ObjectNode json = Json.object().put("name", name).put("workloadIdentityArn", arn());
            json.set("allowedResourceOauth2ReturnUrls", Json.MAPPER.valueToTree(returnUrls));
            putTimes(json, createdAt, updatedAt);
            return json;
        }

        StoredWorkloadIdentity snapshot() {
            return new StoredWorkloadIdentity(name, arn(), List.copyOf(returnUrls), forRuntime);
        }
    }

    private static final class Consent {
        final String sessionUri;
        final String authorizationUrl;
        final String provider;
        final String workloadName;
        final String userId;
        final List<String> scopes;
        final String returnUrl;
        boolean consented;
        boolean confirmed;

        Consent(String sessionUri, String authorizationUrl, String provider, String workloadName, String userId,
                List<String> scopes, String returnUrl) {
            this.sessionUri = sessionUri;
            this.authorizationUrl = authorizationUrl;
            this.provider = provider;
            this.workloadName = workloadName;
            this.userId = userId;
            this.scopes = scopes;
            this.returnUrl = returnUrl;
        }

        ConsentRequest snapshot() {
            return new ConsentRequest(authorizationUrl, sessionUri, provider, workloadName, userId, List.copyOf(scopes),
                    returnUrl, consented, confirmed);
        }
    }

    private record Grant(String accessToken, List<String> scopes) {
    }
}
