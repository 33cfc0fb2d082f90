package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bedrock AgentCore control plane (restJson) for agent runtimes and their endpoints, as state: runtimes with
 * versions (every update adds one), a {@code DEFAULT} endpoint that follows the latest version, named endpoints that
 * serve the version they point at, and statuses that go from {@code CREATING}/{@code UPDATING} to {@code READY} (or
 * {@code *_FAILED}) when read, at the pace {@link Faults#slowReady} sets.
 * <p>
 * It checks what the real service checks that matters to a deployer: name and role ARN patterns, that the role exists
 * in the stand-in's IAM (the real service validates that it can assume it), unique runtime and endpoint names, that a
 * runtime still being created or updated is not updated again, and that {@code DEFAULT} cannot be changed. Create and
 * update calls are idempotent by {@code clientToken}, so the SDK's retries do not create twice.
 * <p>
 * Where the real service's behaviour is not documented the stand-in picks one and keeps to it: ListAgentRuntimeVersions
 * lists newest first; DeleteAgentRuntime answers {@code DELETING} and removes the runtime, endpoints included, at once
 * (a later Get is a 404); a version still served by an endpoint cannot be deleted on its own.
 */
public final class AgentCoreStandIn {

    static final String DEFAULT_ENDPOINT = "DEFAULT";

    private static final Pattern ROUTE = Pattern.compile(
            "/runtimes/(?:([^/]+)/(?:(versions)/|(runtime-endpoints)/(?:([^/]+)/)?)?)?");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+");
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String region;
    private final String accountId;
    private final Faults faults;
    private final IamStandIn iam;
    private final boolean requireKnownRoles;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, MutableRuntime> runtimes = new LinkedHashMap<>();
    private final Map<String, JsonNode> idempotentResponses = new HashMap<>();

    AgentCoreStandIn(String region, String accountId, Faults faults, IamStandIn iam, boolean requireKnownRoles) {
        this.region = region;
        this.accountId = accountId;
        this.faults = faults;
        this.iam = iam;
        this.requireKnownRoles = requireKnownRoles;
    }

    /** The runtimes, in creation order. */
    public synchronized List<AgentRuntime> runtimes() {
        return runtimes.values().stream().map(MutableRuntime::snapshot).toList();
    }

    public synchronized Optional<AgentRuntime> runtime(String id) {
        return Optional.ofNullable(runtimes.get(id)).map(MutableRuntime::snapshot);
    }

    public synchronized Optional<AgentRuntime> runtimeNamed(String name) {
        return runtimes.values().stream().filter(runtime -> runtime.name.equals(name)).findFirst()
                .map(MutableRuntime::snapshot);
    }

    /** Deletes a runtime behind the caller's back, as someone using the console would: later calls get a 404. */
    public synchronized void deleteBehindOurBack(String runtimeId) {
        if (runtimes.remove(runtimeId) == null) {
            throw new IllegalArgumentException("No runtime " + runtimeId + " in " + runtimes.keySet());
        }
    }

    /** The operation a request calls, or {@code null} when it is not a control-plane route. */
    static String operation(AwsRequest request) {
        Matcher route = ROUTE.matcher(request.rawPath());
        if (!route.matches()) {
            return null;
        }
        String method = request.method();
        if (route.group(1) == null) {
            return method.equals("PUT") ? "CreateAgentRuntime" : method.equals("POST") ? "ListAgentRuntimes" : null;
        }
        if (route.group(2) != null) {
            return method.equals("POST") ? "ListAgentRuntimeVersions" : null;
        }
        if (route.group(3) == null) {
            return switch (method) {
                case "GET" -> "GetAgentRuntime";
                case "PUT" -> "UpdateAgentRuntime";
                case "DELETE" -> "DeleteAgentRuntime";
                default -> null;
            };
        }
        if (route.group(4) == null) {
            return method.equals("PUT") ? "CreateAgentRuntimeEndpoint"
                    : method.equals("POST") ? "ListAgentRuntimeEndpoints" : null;
        }
        return switch (method) {
            case "GET" -> "GetAgentRuntimeEndpoint";
            case "PUT" -> "UpdateAgentRuntimeEndpoint";
            case "DELETE" -> "DeleteAgentRuntimeEndpoint";
            default -> null;
        };
    }

    synchronized Reply handle(String operation, AwsRequest request) {
        Matcher route = ROUTE.matcher(request.rawPath());
        if (!route.matches()) {
            throw AwsService.AGENTCORE_CONTROL.unknownOperation(request.method() + " " + request.rawPath());
        }
        String runtimeId = route.group(1) == null ? null : AwsRequest.urlDecode(route.group(1));
        String endpointName = route.group(4) == null ? null : AwsRequest.urlDecode(route.group(4));
        JsonNode input = request.json();
        return switch (operation) {
            case "CreateAgentRuntime" -> Reply.json(202, idempotent(operation, "", input, this::createRuntime));
            case "ListAgentRuntimes" -> Reply.json(200, page(request, "agentRuntimes",
                    runtimes.values().stream().map(runtime -> summary(runtime, runtime.latest())).toList()));
            case "GetAgentRuntime" -> Reply.json(200, getRuntime(existing(runtimeId), request.query().get("version")));
            case "UpdateAgentRuntime" -> Reply.json(202, idempotent(operation, runtimeId, input,
                    body -> updateRuntime(existing(runtimeId), body)));
            case "DeleteAgentRuntime" -> Reply.json(202, deleteRuntime(existing(runtimeId), request.query().get("version")));
            case "ListAgentRuntimeVersions" -> {
                MutableRuntime runtime = existing(runtimeId);
                List<MutableVersion> newestFirst = new ArrayList<>(runtime.versions);
                Collections.reverse(newestFirst);
                yield Reply.json(200, page(request, "agentRuntimes",
                        newestFirst.stream().map(version -> summary(runtime, version)).toList()));
            }
            case "CreateAgentRuntimeEndpoint" -> Reply.json(202, idempotent(operation, runtimeId, input,
                    body -> createEndpoint(existing(runtimeId), body)));
            case "GetAgentRuntimeEndpoint" -> {
                MutableRuntime runtime = existing(runtimeId);
                yield Reply.json(200, endpointJson(runtime, readEndpoint(runtime, endpointName)));
            }
            case "UpdateAgentRuntimeEndpoint" -> Reply.json(202, idempotent(operation, runtimeId + "/" + endpointName,
                    input, body -> updateEndpoint(existing(runtimeId), endpointName, body)));
            case "DeleteAgentRuntimeEndpoint" -> Reply.json(202, deleteEndpoint(existing(runtimeId), endpointName));
            case "ListAgentRuntimeEndpoints" -> {
                MutableRuntime runtime = existing(runtimeId);
                yield Reply.json(200, page(request, "runtimeEndpoints",
                        runtime.endpointViews().stream().map(endpoint -> endpointJson(runtime, endpoint)).toList()));
            }
            default -> throw AwsService.AGENTCORE_CONTROL.unknownOperation(operation);
        };
    }

    /** The live version an endpoint (or a version number given as qualifier) serves, for the data plane. */
    synchronized Target target(String runtimeArn, String qualifier) {
        MutableRuntime runtime = runtimes.values().stream().filter(candidate -> candidate.arn().equals(runtimeArn))
                .findFirst().orElseThrow(() -> ServiceError.notFound("No agent runtime with ARN " + runtimeArn));
        String live;
        if (qualifier.matches("[1-9][0-9]*")) {
            live = runtime.version(qualifier).filter(version -> version.status.equals("READY"))
                    .map(version -> version.number).orElse(null);
        } else {
            live = runtime.endpointViews().stream().filter(endpoint -> endpoint.name().equals(qualifier)).findFirst()
                    .orElseThrow(() -> ServiceError.notFound("No endpoint " + qualifier + " for agent runtime " + runtime.id))
                    .liveVersion();
        }
        if (live == null) {
            throw ServiceError.validation("Agent runtime " + runtime.id + " has no READY version for qualifier "
                    + qualifier);
        }
        MutableVersion version = runtime.version(live).orElseThrow();
        return new Target(runtime.id, runtime.name, live,
                version.config.path("authorizerConfiguration").has("customJWTAuthorizer"),
                version.config.path("requestHeaderConfiguration").path("requestHeaderAllowlist"));
    }

    /** What an invocation reaches: a runtime's live version and what it lets through. */
    record Target(String runtimeId, String runtimeName, String version, boolean jwtAuthorized,
                  JsonNode requestHeaderAllowlist) {
    }

    private JsonNode idempotent(String operation, String resource, JsonNode input, Function<JsonNode, ObjectNode> call) {
        String token = input.path("clientToken").asText("");
        String key = operation + "|" + resource + "|" + token;
        if (!token.isEmpty() && idempotentResponses.containsKey(key)) {
            return idempotentResponses.get(key);
        }
        ObjectNode response = call.apply(input);
        if (!token.isEmpty()) {
            idempotentResponses.put(key, response);
        }
        return response;
    }

    private ObjectNode createRuntime(JsonNode input) {
        String name = input.path("agentRuntimeName").asText(null);
        requirePattern("agentRuntimeName", name, NAME);
        ObjectNode config = validatedConfiguration(input);
        if (runtimes.values().stream().anyMatch(runtime -> runtime.name.equals(name))) {
            throw ServiceError.conflict("An agent runtime with the name '" + name + "' already exists");
        }
        String id = name + "-" + randomId(10);
        Map<String, String> tags = new LinkedHashMap<>();
        input.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        MutableRuntime runtime = new MutableRuntime(id, name, tags, randomId(10));
        runtime.versions.add(new MutableVersion("1", config, "CREATING", faults.takeCreateFailure(),
                faults.readsUntilSettled()));
        runtimes.put(id, runtime);
        return mutationResponse(runtime, runtime.latest());
    }

    private ObjectNode updateRuntime(MutableRuntime runtime, JsonNode input) {
        ObjectNode config = validatedConfiguration(input);
        MutableVersion latest = runtime.latest();
        if (latest.status.equals("CREATING") || latest.status.equals("UPDATING")) {
            throw ServiceError.conflict("Agent runtime " + runtime.id + " is in " + latest.status
                    + " state and cannot be updated until it is READY");
        }
        MutableVersion version = new MutableVersion(String.valueOf(Integer.parseInt(latest.number) + 1), config,
                "UPDATING", faults.takeUpdateFailure(), faults.readsUntilSettled());
        runtime.versions.add(version);
        return mutationResponse(runtime, version).put("lastUpdatedAt", timestamp(version.createdAt));
    }

    /** The configuration a create or update sets, validated as the service does, then the IAM checks. */
    private ObjectNode validatedConfiguration(JsonNode input) {
        JsonNode artifact = input.path("agentRuntimeArtifact");
        if (!artifact.has("containerConfiguration") && !artifact.has("codeConfiguration")) {
            throw ServiceError.validation("1 validation error detected: Value null at 'agentRuntimeArtifact' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        String roleArn = input.path("roleArn").asText(null);
        requirePattern("roleArn", roleArn, ROLE_ARN);
        faults.throwIfRoleNotYetAssumable(roleArn);
        if (requireKnownRoles && !iam.exists(roleArn)) {
            throw ServiceError.validation(Faults.roleValidationMessage(roleArn));
        }
        ObjectNode config = input.deepCopy();
        config.remove(List.of("clientToken", "agentRuntimeName", "tags", "agentRuntimeId"));
        if (!config.has("networkConfiguration")) {
            config.putObject("networkConfiguration").put("networkMode", "PUBLIC");
        }
        if (!config.has("lifecycleConfiguration")) {
            config.putObject("lifecycleConfiguration").put("idleRuntimeSessionTimeout", 900).put("maxLifetime", 28800);
        }
        return config;
    }

    private static void requirePattern(String field, String value, Pattern pattern) {
        if (value == null) {
            throw ServiceError.validation("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (!pattern.matcher(value).matches()) {
            throw ServiceError.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern);
        }
    }

    private ObjectNode getRuntime(MutableRuntime runtime, String versionNumber) {
        MutableVersion version = versionNumber == null ? runtime.latest() : runtime.version(versionNumber)
                .orElseThrow(() -> ServiceError.notFound("Version " + versionNumber + " of agent runtime "
                        + runtime.id + " does not exist"));
        version.read();
        ObjectNode json = version.config.deepCopy();
        json.put("agentRuntimeArn", runtime.arn()).put("agentRuntimeName", runtime.name)
                .put("agentRuntimeId", runtime.id).put("agentRuntimeVersion", version.number)
                .put("createdAt", timestamp(runtime.createdAt)).put("lastUpdatedAt", timestamp(version.createdAt))
                .put("status", version.status);
        if (version.failureReason != null) {
            json.put("failureReason", version.failureReason);
        }
        json.putObject("workloadIdentityDetails").put("workloadIdentityArn", runtime.workloadIdentityArn());
        return json;
    }

    private ObjectNode deleteRuntime(MutableRuntime runtime, String versionNumber) {
        if (versionNumber == null) {
            runtimes.remove(runtime.id);
            return Json.object().put("status", "DELETING").put("agentRuntimeId", runtime.id)
                    .put("agentRuntimeVersion", runtime.latest().number);
        }
        MutableVersion version = runtime.version(versionNumber).orElseThrow(() -> ServiceError.notFound("Version "
                + versionNumber + " of agent runtime " + runtime.id + " does not exist"));
        if (version == runtime.latest() || runtime.endpointViews().stream()
                .anyMatch(endpoint -> versionNumber.equals(endpoint.liveVersion()) || versionNumber.equals(endpoint.targetVersion()))) {
            throw ServiceError.conflict("Version " + versionNumber + " of agent runtime " + runtime.id
                    + " is in use by an endpoint");
        }
        runtime.versions.remove(version);
        return Json.object().put("status", "DELETING").put("agentRuntimeId", runtime.id)
                .put("agentRuntimeVersion", versionNumber);
    }

    private ObjectNode createEndpoint(MutableRuntime runtime, JsonNode input) {
        String name = input.path("name").asText(null);
        requirePattern("name", name, NAME);
        if (name.equals(DEFAULT_ENDPOINT) || runtime.endpoints.containsKey(name)) {
            throw ServiceError.conflict("An endpoint with the name '" + name + "' already exists for agent runtime "
                    + runtime.id);
        }
        String target = existingVersion(runtime, input.path("agentRuntimeVersion").asText(runtime.latest().number));
        MutableEndpoint endpoint = new MutableEndpoint(name, randomId(10), input.path("description").asText(null),
                target, faults.readsUntilSettled());
        runtime.endpoints.put(name, endpoint);
        return Json.object().put("targetVersion", target).put("agentRuntimeEndpointArn", runtime.endpointArn(name))
                .put("agentRuntimeArn", runtime.arn()).put("agentRuntimeId", runtime.id).put("endpointName", name)
                .put("status", endpoint.status).put("createdAt", timestamp(endpoint.createdAt));
    }

    private ObjectNode updateEndpoint(MutableRuntime runtime, String name, JsonNode input) {
        MutableEndpoint endpoint = namedEndpoint(runtime, name, "updated");
        if (endpoint.status.equals("CREATING") || endpoint.status.equals("UPDATING")) {
            throw ServiceError.conflict("Endpoint " + name + " is in " + endpoint.status
                    + " state and cannot be updated until it is READY");
        }
        endpoint.retarget(existingVersion(runtime, input.path("agentRuntimeVersion").asText(runtime.latest().number)),
                faults.readsUntilSettled());
        if (input.has("description")) {
            endpoint.description = input.get("description").asText();
        }
        ObjectNode json = Json.object();
        if (endpoint.liveVersion != null) {
            json.put("liveVersion", endpoint.liveVersion);
        }
        return json.put("targetVersion", endpoint.targetVersion)
                .put("agentRuntimeEndpointArn", runtime.endpointArn(name)).put("agentRuntimeArn", runtime.arn())
                .put("status", endpoint.status).put("createdAt", timestamp(endpoint.createdAt))
                .put("lastUpdatedAt", timestamp(endpoint.lastUpdatedAt));
    }

    private ObjectNode deleteEndpoint(MutableRuntime runtime, String name) {
        namedEndpoint(runtime, name, "deleted");
        runtime.endpoints.remove(name);
        return Json.object().put("status", "DELETING").put("agentRuntimeId", runtime.id).put("endpointName", name);
    }

    private RuntimeEndpoint readEndpoint(MutableRuntime runtime, String name) {
        if (name.equals(DEFAULT_ENDPOINT)) {
            runtime.latest().read();
        } else {
            Optional.ofNullable(runtime.endpoints.get(name)).ifPresent(endpoint -> endpoint.read());
        }
        return runtime.endpointViews().stream().filter(endpoint -> endpoint.name().equals(name)).findFirst()
                .orElseThrow(() -> ServiceError.notFound("Endpoint " + name + " of agent runtime " + runtime.id
                        + " does not exist"));
    }

    private MutableEndpoint namedEndpoint(MutableRuntime runtime, String name, String change) {
        if (name.equals(DEFAULT_ENDPOINT)) {
            throw ServiceError.validation("The DEFAULT endpoint always serves the latest version and cannot be "
                    + change);
        }
        MutableEndpoint endpoint = runtime.endpoints.get(name);
        if (endpoint == null) {
            throw ServiceError.notFound("Endpoint " + name + " of agent runtime " + runtime.id + " does not exist");
        }
        return endpoint;
    }

    private static String existingVersion(MutableRuntime runtime, String number) {
        if (runtime.version(number).isEmpty()) {
            throw ServiceError.validation("Version " + number + " of agent runtime " + runtime.id + " does not exist");
        }
        return number;
    }

    private MutableRuntime existing(String runtimeId) {
        MutableRuntime runtime = runtimes.get(runtimeId);
        if (runtime == null) {
            throw ServiceError.notFound("Agent runtime " + runtimeId + " does not exist");
        }
        return runtime;
    }

    private ObjectNode mutationResponse(MutableRuntime runtime, MutableVersion version) {
        ObjectNode json = Json.object().put("agentRuntimeArn", runtime.arn()).put("agentRuntimeId", runtime.id)
                .put("agentRuntimeVersion", version.number).put("createdAt", timestamp(runtime.createdAt))
                .put("status", version.status);
        json.putObject("workloadIdentityDetails").put("workloadIdentityArn", runtime.workloadIdentityArn());
        return json;
    }

    private ObjectNode summary(MutableRuntime runtime, MutableVersion version) {
        return Json.object().put("agentRuntimeArn", runtime.arn()).put("agentRuntimeId", runtime.id)
                .put("agentRuntimeVersion", version.number).put("agentRuntimeName", runtime.name)
                .put("description", version.config.path("description").asText(""))
                .put("lastUpdatedAt", timestamp(version.createdAt)).put("status", version.status);
    }

    private ObjectNode endpointJson(MutableRuntime runtime, RuntimeEndpoint endpoint) {
        ObjectNode json = Json.object().put("name", endpoint.name()).put("id", runtime.endpointId(endpoint.name()));
        if (endpoint.liveVersion() != null) {
            json.put("liveVersion", endpoint.liveVersion());
        }
        json.put("targetVersion", endpoint.targetVersion()).put("agentRuntimeEndpointArn", endpoint.arn())
                .put("agentRuntimeArn", runtime.arn()).put("status", endpoint.status())
                .put("createdAt", timestamp(runtime.endpointCreatedAt(endpoint.name())))
                .put("lastUpdatedAt", timestamp(runtime.endpointUpdatedAt(endpoint.name())));
        if (endpoint.description() != null) {
            json.put("description", endpoint.description());
        }
        if (endpoint.failureReason() != null) {
            json.put("failureReason", endpoint.failureReason());
        }
        return json;
    }

    /** Pages a list with {@code maxResults} and {@code nextToken} (an offset) from the query string. */
    private static ObjectNode page(AwsRequest request, String field, List<ObjectNode> items) {
        int from;
        int size;
        try {
            from = Integer.parseInt(request.query().getOrDefault("nextToken", "0"));
            size = Integer.parseInt(request.query().getOrDefault("maxResults", "100"));
        } catch (NumberFormatException e) {
            throw ServiceError.validation("Invalid nextToken or maxResults");
        }
        if (from < 0 || from > items.size() || size < 1 || size > 100) {
            throw ServiceError.validation("Invalid nextToken or maxResults");
        }
        ObjectNode json = Json.object();
        ArrayNode array = json.putArray(field);
        items.subList(from, Math.min(items.size(), from + size)).forEach(array::add);
        if (from + size < items.size()) {
            json.put("nextToken", String.valueOf(from + size));
        }
        return json;
    }

    private String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private final class MutableRuntime {
        final String id;
        final String name;
        final Map<String, String> tags;
        final String workloadIdentitySuffix;
        final Instant createdAt = Instant.now();
        final List<MutableVersion> versions = new ArrayList<>();
        final Map<String, MutableEndpoint> endpoints = new LinkedHashMap<>();

        MutableRuntime(String id, String name, Map<String, String> tags, String workloadIdentitySuffix) {
            this.id = id;
            this.name = name;
            this.tags = Collections.unmodifiableMap(tags);
            this.workloadIdentitySuffix = workloadIdentitySuffix;
        }

        String arn() {
            return "arn:aws:bedrock-agentcore:" + region + ":" + accountId + ":runtime/" + id;
        }

        String endpointArn(String endpoint) {
            return arn() + "/runtime-endpoint/" + endpoint;
        }

        String workloadIdentityArn() {
            return "arn:aws:bedrock-agentcore:" + region + ":" + accountId
                    + ":workload-identity-directory/default/workload-identity/" + name + "-" + workloadIdentitySuffix;
        }

        MutableVersion latest() {
            return versions.get(versions.size() - 1);
        }

        Optional<MutableVersion> version(String number) {
            return versions.stream().filter(version -> version.number.equals(number)).findFirst();
        }

        String endpointId(String endpoint) {
            return endpoint.equals(DEFAULT_ENDPOINT) ? DEFAULT_ENDPOINT : endpoints.get(endpoint).id;
        }

        Instant endpointCreatedAt(String endpoint) {
            return endpoint.equals(DEFAULT_ENDPOINT) ? createdAt : endpoints.get(endpoint).createdAt;
        }

        Instant endpointUpdatedAt(String endpoint) {
            return endpoint.equals(DEFAULT_ENDPOINT) ? latest().createdAt : endpoints.get(endpoint).lastUpdatedAt;
        }

        /** DEFAULT, derived from the versions, then the named endpoints. */
        List<RuntimeEndpoint> endpointViews() {
            MutableVersion latest = latest();
            String live = null;
            for (MutableVersion version : versions) {
                if (version.status.equals("READY")) {
                    live = version.number;
                }
            }
            List<RuntimeEndpoint> views = new ArrayList<>();
            views.add(new RuntimeEndpoint(DEFAULT_ENDPOINT, endpointArn(DEFAULT_ENDPOINT), live, latest.number,
                    latest.status, latest.failureReason, null));
            endpoints.values().forEach(endpoint -> views.add(new RuntimeEndpoint(endpoint.name,
                    endpointArn(endpoint.name), endpoint.liveVersion, endpoint.targetVersion, endpoint.status, null,
                    endpoint.description)));
            return views;
        }

        AgentRuntime snapshot() {
            return new AgentRuntime(id, name, arn(), createdAt, tags,
                    versions.stream().map(MutableVersion::snapshot).toList(), endpointViews());
        }
    }

    private static final class MutableVersion {
        final String number;
        final ObjectNode config;
        final Instant createdAt = Instant.now();
        final String pendingFailure;
        String status;
        String failureReason;
        int readsLeft;

        MutableVersion(String number, ObjectNode config, String status, String pendingFailure, int readsLeft) {
            this.number = number;
            this.config = config;
            this.status = status;
            this.pendingFailure = pendingFailure;
            this.readsLeft = readsLeft;
        }

        /** One status read: a transition settles once it has been read as often as {@link Faults#slowReady} said. */
        void read() {
            if (!status.equals("CREATING") && !status.equals("UPDATING")) {
                return;
            }
            if (readsLeft > 0) {
                readsLeft--;
                return;
            }
            if (pendingFailure == null) {
                status = "READY";
            } else {
                status = status.equals("CREATING") ? "CREATE_FAILED" : "UPDATE_FAILED";
                failureReason = pendingFailure;
            }
        }

        RuntimeVersion snapshot() {
            return new RuntimeVersion(number, status, failureReason, config.deepCopy(), createdAt);
        }
    }

    private static final class MutableEndpoint {
        final String name;
        final String id;
        final Instant createdAt = Instant.now();
        String description;
        String targetVersion;
        String liveVersion;
        String status = "CREATING";
        Instant lastUpdatedAt = createdAt;
        int readsLeft;

        MutableEndpoint(String name, String id, String description, String targetVersion, int readsLeft) {
            this.name = name;
            this.id = id;
            this.description = description;
            this.targetVersion = targetVersion;
            this.readsLeft = readsLeft;
        }

        void retarget(String version, int reads) {
            targetVersion = version;
            status = "UPDATING";
            lastUpdatedAt = Instant.now();
            readsLeft = reads;
        }

        void read() {
            if (!status.equals("CREATING") && !status.equals("UPDATING")) {
                return;
            }
            if (readsLeft > 0) {
                readsLeft--;
                return;
            }
            status = "READY";
            liveVersion = targetVersion;
        }
    }
}
