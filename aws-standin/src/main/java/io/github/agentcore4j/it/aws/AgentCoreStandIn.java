package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Bedrock AgentCore control plane (restJson) for agent runtimes and their endpoints, as state, behaving as AWS
 * documents it:
 * <ul>
 *   <li>every request is first checked against the service model ({@link ModelValidation}, in {@link AwsStandIn});</li>
 *   <li>the role must exist in the stand-in's IAM and trust {@code bedrock-agentcore.amazonaws.com}, else AWS's
 *       "Role validation failed" ValidationException (the same text as while IAM propagates a new role);</li>
 *   <li>create fills what the service fills: both lifecycle values from one, the protocol ({@code HTTP}), the
 *       platform version (the stand-in's default), {@code metadataConfiguration.requireMMDSV2=true}; a missing
 *       {@code networkConfiguration} is refused ("NetworkConfiguration is required");</li>
 *   <li>{@code UpdateAgentRuntime} replaces the whole configuration: what it omits is gone (reset to the defaults),
 *       except MMDSv2, a one-way switch; it may not change the network configuration, nor set
 *       {@code requireMMDSV2=false};</li>
 *   <li>the configuration (the 2026 members and {@code platformVersion} included) is answered by
 *       {@code GetAgentRuntime} only, never by Create/Update/List;</li>
 *   <li>statuses go from CREATING/UPDATING to READY (or {@code *_FAILED}) when read, after the reads
 *       {@link Faults#slowReady} sets and, on platform V2, the time {@link Pace#v2Version} sets; a change while one is
 *       in progress is a 409 ConflictException;</li>
 *   <li>{@code DEFAULT} follows the latest READY version {@link Pace#defaultEndpointLag} after it became READY;</li>
 *   <li>deletions answer DELETING and the runtime or endpoint reads as DELETING for {@link Pace#deletion};</li>
 *   <li>tags: on create, and through TagResource, UntagResource, ListTagsForResource;</li>
 *   <li>a version that ends {@code *_FAILED} writes its reason to the runtime's log group
 *       ({@link LogsStandIn#runtimeLogGroup}, endpoint DEFAULT), where a deployer looks for why.</li>
 * </ul>
 * Create and update calls are idempotent by {@code clientToken}, so the SDK's retries do not create twice.
 * Where the real service's behaviour is not documented the stand-in picks one and keeps to it: ListAgentRuntimeVersions
 * lists newest first; a version still served by an endpoint cannot be deleted on its own; a legacy runtime
 * ({@link #seedLegacyRuntime}) reads back without {@code platformVersion} and {@code metadataConfiguration}.
 */
public final class AgentCoreStandIn {

    static final String DEFAULT_ENDPOINT = "DEFAULT";
    /** The control plane's model: its operations' {@code http} traits are this service's route table. */
    static final ServiceModel MODEL = ServiceModel.named("bedrock-agentcore-control");

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MAX_LIFETIME_DEFAULT = 28800;
    private static final int IDLE_TIMEOUT_DEFAULT = 900;

    private final String region;
    private final String accountId;
    private final Faults faults;
    private final Pace pace;
    private final StandInClock clock;
    private final IamStandIn iam;
    private final LogsStandIn logs;
    private final boolean requireKnownRoles;
    private final String defaultPlatformVersion;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, MutableRuntime> runtimes = new LinkedHashMap<>();
    private final Map<String, JsonNode> idempotentResponses = new HashMap<>();

    AgentCoreStandIn(String region, String accountId, Faults faults, Pace pace, StandInClock clock, IamStandIn iam,
                     LogsStandIn logs, boolean requireKnownRoles, String defaultPlatformVersion) {
        this.region = region;
        this.accountId = accountId;
        this.faults = faults;
        this.pace = pace;
        this.clock = clock;
        this.iam = iam;
        this.logs = logs;
        this.requireKnownRoles = requireKnownRoles;
        this.defaultPlatformVersion = defaultPlatformVersion;
    }

    /** The runtimes, in creation order. */
    public synchronized List<AgentRuntime> runtimes() {
        purgeDeleted();
        return runtimes.values().stream().map(MutableRuntime::snapshot).toList();
    }

    public synchronized Optional<AgentRuntime> runtime(String id) {
        purgeDeleted();
        return Optional.ofNullable(runtimes.get(id)).map(MutableRuntime::snapshot);
    }

    public synchronized Optional<AgentRuntime> runtimeNamed(String name) {
        purgeDeleted();
        return runtimes.values().stream().filter(runtime -> runtime.name.equals(name)).findFirst()
                .map(MutableRuntime::snapshot);
    }

    /** Deletes a runtime behind the caller's back, as someone using the console would: later calls get a 404. */
    public synchronized void deleteBehindOurBack(String runtimeId) {
        if (runtimes.remove(runtimeId) == null) {
            throw new IllegalArgumentException("No runtime " + runtimeId + " in " + runtimes.keySet());
        }
    }

    /**
     * Seeds a READY runtime created before 2026-02-15 and never updated since: no {@code platformVersion} and no
     * MMDSv2. Its invocations fail with the message AWS gives since 2026-07-14 until an UpdateAgentRuntime sets
     * {@code metadataConfiguration.requireMMDSV2=true}.
     */
    public synchronized AgentRuntime seedLegacyRuntime(String name, String roleArn, String containerUri) {
        ObjectNode config = Json.object();
        config.putObject("agentRuntimeArtifact").putObject("containerConfiguration").put("containerUri", containerUri);
        config.put("roleArn", roleArn);
        config.putObject("networkConfiguration").put("networkMode", "PUBLIC");
        config.putObject("protocolConfiguration").put("serverProtocol", "HTTP");
        config.putObject("lifecycleConfiguration").put("idleRuntimeSessionTimeout", IDLE_TIMEOUT_DEFAULT)
                .put("maxLifetime", MAX_LIFETIME_DEFAULT);
        Instant created = Instant.parse("2025-10-01T12:00:00Z");
        MutableRuntime runtime = new MutableRuntime(name + "-" + randomId(10), name, new LinkedHashMap<>(),
                randomId(10), created);
        runtime.versions.add(new MutableVersion("1", config, SettlingStatus.ready(created), created));
        runtimes.put(runtime.id, runtime);
        return runtime.snapshot();
    }

    synchronized Reply handle(String operation, AwsRequest request, Map<String, String> labels) {
        purgeDeleted();
        String runtimeId = labels.get("agentRuntimeId");
        String endpointName = labels.get("endpointName");
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
            case "TagResource" -> {
                Map<String, String> tags = taggable(labels.get("resourceArn"));
                input.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
                yield Reply.buffered(204, "application/json", Map.of(), new byte[0]);
            }
            case "UntagResource" -> {
                Map<String, String> tags = taggable(labels.get("resourceArn"));
                request.queryValues("tagKeys").forEach(tags::remove);
                yield Reply.buffered(204, "application/json", Map.of(), new byte[0]);
            }
            case "ListTagsForResource" -> {
                ObjectNode json = Json.object();
                ObjectNode tags = json.putObject("tags");
                taggable(labels.get("resourceArn")).forEach(tags::put);
                yield Reply.json(200, json);
            }
            default -> throw AwsService.AGENTCORE_CONTROL.unknownOperation(operation);
        };
    }

    /** The live version an endpoint (or a version number given as qualifier) serves, for the data plane. */
    synchronized Target target(String runtimeArn, String qualifier) {
        purgeDeleted();
        MutableRuntime runtime = runtimes.values().stream().filter(candidate -> candidate.arn().equals(runtimeArn))
                .findFirst().orElseThrow(() -> ServiceError.notFound("No agent runtime with ARN " + runtimeArn));
        String live;
        if (qualifier.matches("[1-9][0-9]*")) {
            live = runtime.version(qualifier).filter(version -> version.state.status() == ResourceStatus.READY)
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
        return new Target(runtime.id, runtime.name, live, version.config.deepCopy(), runtime.workloadIdentityName());
    }

    /** The workload identity AgentCore made for each live runtime, with when (AgentCore Identity lists them). */
    synchronized Map<String, Instant> workloadIdentities() {
        purgeDeleted();
        Map<String, Instant> identities = new LinkedHashMap<>();
        runtimes.values().forEach(runtime -> identities.put(runtime.workloadIdentityName(), runtime.createdAt));
        return identities;
    }

    /** What an invocation reaches: a runtime's live version, its configuration and its workload identity. */
    record Target(String runtimeId, String runtimeName, String version, JsonNode configuration,
                  String workloadIdentityName) {

        boolean jwtAuthorized() {
            return configuration.path("authorizerConfiguration").has("customJWTAuthorizer");
        }

        JsonNode requestHeaderAllowlist() {
            return configuration.path("requestHeaderConfiguration").path("requestHeaderAllowlist");
        }

        boolean mmdsV2() {
            return configuration.path("metadataConfiguration").path("requireMMDSV2").asBoolean(false);
        }

        JsonNode protocolConfiguration() {
            return configuration.path("protocolConfiguration");
        }
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
        String name = input.path("agentRuntimeName").asText();
        ObjectNode config = configuration(input, null);
        if (runtimes.values().stream().anyMatch(runtime -> runtime.name.equals(name))) {
            throw ServiceError.conflict("An agent runtime with the name '" + name + "' already exists");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        input.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        MutableRuntime runtime = new MutableRuntime(name + "-" + randomId(10), name, tags, randomId(10), clock.now());
        runtime.versions.add(newVersion("1", config, ResourceStatus.CREATING, faults.takeCreateFailure()));
        runtimes.put(runtime.id, runtime);
        return mutationResponse(runtime, runtime.latest());
    }

    private ObjectNode updateRuntime(MutableRuntime runtime, JsonNode input) {
        MutableVersion latest = runtime.latest();
        runtime.status(latest).requireSettled("Agent runtime " + runtime.id);
        ObjectNode config = configuration(input, latest.config);
        MutableVersion version = newVersion(String.valueOf(Integer.parseInt(latest.number) + 1), config,
                ResourceStatus.UPDATING, faults.takeUpdateFailure());
        runtime.versions.add(version);
        return mutationResponse(runtime, version).put("lastUpdatedAt", timestamp(version.createdAt));
    }

    private MutableVersion newVersion(String number, ObjectNode config, ResourceStatus status, String failure) {
        Instant now = clock.now();
        Instant settlesAt = config.path("platformVersion").asText().equals("V2") ? now.plus(pace.v2Version()) : now;
        return new MutableVersion(number, config,
                SettlingStatus.change(status, faults.readsUntilSettled(), settlesAt, failure), now);
    }

    /**
     * The configuration a create ({@code previous == null}) or an update sets: the request as sent, without the
     * members that are not configuration, with what AWS fills in; then the IAM checks.
     */
    private ObjectNode configuration(JsonNode input, ObjectNode previous) {
        String roleArn = input.path("roleArn").asText();
        if (!input.has("networkConfiguration") && !input.has("capacityProviderConfiguration")) {
            throw ServiceError.validation("NetworkConfiguration is required");
        }
        if (previous != null && !previous.path("networkConfiguration").equals(input.path("networkConfiguration"))) {
            throw ServiceError.validation("The network configuration of agent runtime cannot be changed after it is"
                    + " created (it is " + previous.path("networkConfiguration") + "; the request asks for "
                    + input.path("networkConfiguration") + ")");
        }
        requireDocumentedCombinations(input);
        faults.throwIfRoleNotYetAssumable(roleArn);
        if (requireKnownRoles && !(iam.exists(roleArn) && iam.trustsAgentCore(roleArn))) {
            throw ServiceError.validation(Faults.roleValidationMessage(roleArn));
        }
        ObjectNode config = input.deepCopy();
        config.remove(List.of("clientToken", "agentRuntimeName", "tags", "agentRuntimeId"));
        fillLifecycle(config);
        if (!config.has("protocolConfiguration")) {
            config.putObject("protocolConfiguration").put("serverProtocol", "HTTP");
        }
        if (!config.has("platformVersion")) {
            config.put("platformVersion", defaultPlatformVersion);
        }
        config.remove("metadataConfiguration");
        JsonNode mmds = input.path("metadataConfiguration").path("requireMMDSV2");
        boolean legacy = previous != null && !previous.path("metadataConfiguration").has("requireMMDSV2");
        if (previous != null && mmds.isBoolean() && !mmds.asBoolean() && !legacy) {
            throw ServiceError.validation("requireMMDSV2 cannot be set to false: MMDSv2 is required for this agent"
                    + " runtime");
        }
        if (previous == null || !legacy || mmds.asBoolean(false)) {
            config.putObject("metadataConfiguration").put("requireMMDSV2", true);
        }
        return config;
    }

    /**
     * The rules AWS documents beyond the model (agentcore-2026.md section 1.1 and the VpcConfig docs): a build hook
     * needs platform V2; EFS and S3 Files mounts need VPC mode; at most one session storage and two of each access
     * point; {@code requireServiceS3Endpoint} cannot be set on a runtime created after 2026-05-05 (every runtime the
     * stand-in creates).
     */
    private static void requireDocumentedCombinations(JsonNode input) {
        if (input.has("hooksConfiguration") && !input.path("platformVersion").asText().equals("V2")) {
            throw ServiceError.validation("hooksConfiguration is supported only with platformVersion V2");
        }
        boolean vpc = input.at("/networkConfiguration/networkMode").asText().equals("VPC");
        Map<String, Integer> mounts = new HashMap<>();
        input.path("filesystemConfigurations").forEach(entry -> entry.fieldNames()
                .forEachRemaining(kind -> mounts.merge(kind, 1, Integer::sum)));
        if (!vpc && (mounts.containsKey("efsAccessPoint") || mounts.containsKey("s3FilesAccessPoint"))) {
            throw ServiceError.validation("efsAccessPoint and s3FilesAccessPoint filesystem configurations require"
                    + " networkMode VPC");
        }
        if (mounts.getOrDefault("sessionStorage", 0) > 1 || mounts.getOrDefault("efsAccessPoint", 0) > 2
                || mounts.getOrDefault("s3FilesAccessPoint", 0) > 2) {
            throw ServiceError.validation("At most 1 sessionStorage, 2 efsAccessPoint and 2 s3FilesAccessPoint"
                    + " filesystem configurations are allowed: " + mounts);
        }
        if (input.at("/networkConfiguration/networkModeConfig").has("requireServiceS3Endpoint")) {
            throw ServiceError.validation("requireServiceS3Endpoint cannot be set on this agent runtime");
        }
    }

    /**
     * Fills the lifecycle as AWS documents it (runtime-lifecycle-settings): none gives 900/28800; only the idle
     * timeout gives max 28800; only max ≤ 900 gives idle = max; only max > 900 gives idle 900.
     */
    private static void fillLifecycle(ObjectNode config) {
        JsonNode lifecycle = config.path("lifecycleConfiguration");
        boolean hasIdle = lifecycle.has("idleRuntimeSessionTimeout");
        boolean hasMax = lifecycle.has("maxLifetime");
        int max = hasMax ? lifecycle.get("maxLifetime").asInt() : MAX_LIFETIME_DEFAULT;
        int idle = hasIdle ? lifecycle.get("idleRuntimeSessionTimeout").asInt()
                : hasMax && max <= IDLE_TIMEOUT_DEFAULT ? max : IDLE_TIMEOUT_DEFAULT;
        config.putObject("lifecycleConfiguration").put("idleRuntimeSessionTimeout", idle).put("maxLifetime", max);
    }

    private ObjectNode getRuntime(MutableRuntime runtime, String versionNumber) {
        MutableVersion version = versionNumber == null ? runtime.latest() : runtime.version(versionNumber)
                .orElseThrow(() -> ServiceError.notFound("Version " + versionNumber + " of agent runtime "
                        + runtime.id + " does not exist"));
        read(runtime, version);
        ObjectNode json = version.config.deepCopy();
        json.put("agentRuntimeArn", runtime.arn()).put("agentRuntimeName", runtime.name)
                .put("agentRuntimeId", runtime.id).put("agentRuntimeVersion", version.number)
                .put("createdAt", timestamp(runtime.createdAt)).put("lastUpdatedAt", timestamp(version.createdAt))
                .put("status", runtime.status(version).name());
        if (version.state.failureReason() != null) {
            json.put("failureReason", version.state.failureReason());
        }
        json.putObject("workloadIdentityDetails").put("workloadIdentityArn", runtime.workloadIdentityArn());
        return json;
    }

    private ObjectNode deleteRuntime(MutableRuntime runtime, String versionNumber) {
        if (versionNumber == null) {
            if (runtime.deleteAt == null) {
                runtime.deleteAt = clock.now().plus(pace.deletion());
            }
            return Json.object().put("status", ResourceStatus.DELETING.name()).put("agentRuntimeId", runtime.id)
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
        return Json.object().put("status", ResourceStatus.DELETING.name()).put("agentRuntimeId", runtime.id)
                .put("agentRuntimeVersion", versionNumber);
    }

    /** Removes the runtimes and endpoints whose deletion has run its time. */
    private void purgeDeleted() {
        Instant now = clock.now();
        runtimes.values().removeIf(runtime -> runtime.deleteAt != null && !now.isBefore(runtime.deleteAt));
        runtimes.values().forEach(runtime -> runtime.endpoints.values()
                .removeIf(endpoint -> endpoint.deleteAt != null && !now.isBefore(endpoint.deleteAt)));
    }

    private ObjectNode createEndpoint(MutableRuntime runtime, JsonNode input) {
        requireNotDeleting(runtime);
        String name = input.path("name").asText();
        if (name.equals(DEFAULT_ENDPOINT) || runtime.endpoints.containsKey(name)) {
            throw ServiceError.conflict("An endpoint with the name '" + name + "' already exists for agent runtime "
                    + runtime.id);
        }
        String target = existingVersion(runtime, input.path("agentRuntimeVersion").asText(runtime.latest().number));
        MutableEndpoint endpoint = new MutableEndpoint(name, name + "-" + randomId(10),
                input.path("description").asText(null), target, faults.readsUntilSettled(), clock.now());
        input.path("tags").properties().forEach(tag -> endpoint.tags.put(tag.getKey(), tag.getValue().asText()));
        runtime.endpoints.put(name, endpoint);
        return Json.object().put("targetVersion", target).put("agentRuntimeEndpointArn", runtime.endpointArn(name))
                .put("agentRuntimeArn", runtime.arn()).put("agentRuntimeId", runtime.id).put("endpointName", name)
                .put("status", endpoint.state.status().name()).put("createdAt", timestamp(endpoint.createdAt));
    }

    private ObjectNode updateEndpoint(MutableRuntime runtime, String name, JsonNode input) {
        requireNotDeleting(runtime);
        MutableEndpoint endpoint = namedEndpoint(runtime, name, "updated");
        endpoint.state.status().requireSettled("Endpoint " + name);
        endpoint.retarget(existingVersion(runtime, input.path("agentRuntimeVersion").asText(runtime.latest().number)),
                faults.readsUntilSettled(), clock.now());
        if (input.has("description")) {
            endpoint.description = input.get("description").asText();
        }
        ObjectNode json = Json.object();
        if (endpoint.liveVersion != null) {
            json.put("liveVersion", endpoint.liveVersion);
        }
        return json.put("targetVersion", endpoint.targetVersion)
                .put("agentRuntimeEndpointArn", runtime.endpointArn(name)).put("agentRuntimeArn", runtime.arn())
                .put("status", endpoint.state.status().name()).put("createdAt", timestamp(endpoint.createdAt))
                .put("lastUpdatedAt", timestamp(endpoint.lastUpdatedAt));
    }

    private ObjectNode deleteEndpoint(MutableRuntime runtime, String name) {
        MutableEndpoint endpoint = namedEndpoint(runtime, name, "deleted");
        if (endpoint.deleteAt == null) {
            endpoint.deleteAt = clock.now().plus(pace.deletion());
            endpoint.state.deleting();
        }
        purgeDeleted();
        return Json.object().put("status", ResourceStatus.DELETING.name()).put("agentRuntimeId", runtime.id)
                .put("endpointName", name);
    }

    /**
     * Reads a version's status; a version that fails now leaves its reason in the runtime's log group, as a container
     * that cannot start leaves its output there.
     */
    private void read(MutableRuntime runtime, MutableVersion version) {
        if (version.state.read(clock.now()) && version.state.failureReason() != null) {
            String day = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(clock.now());
            logs.append(LogsStandIn.runtimeLogGroup(runtime.id, DEFAULT_ENDPOINT), day + "/[runtime-logs]"
                    + randomId(10), version.state.failureReason());
        }
    }

    private RuntimeEndpoint readEndpoint(MutableRuntime runtime, String name) {
        if (name.equals(DEFAULT_ENDPOINT)) {
            read(runtime, runtime.latest());
        } else {
            Optional.ofNullable(runtime.endpoints.get(name)).ifPresent(endpoint -> endpoint.read(clock.now()));
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

    private static void requireNotDeleting(MutableRuntime runtime) {
        if (runtime.deleteAt != null) {
            throw ServiceError.conflict("Agent runtime " + runtime.id + " is in DELETING state");
        }
    }

    /** The tags of the runtime or named endpoint an ARN names. */
    private Map<String, String> taggable(String arn) {
        for (MutableRuntime runtime : runtimes.values()) {
            if (runtime.arn().equals(arn)) {
                return runtime.tags;
            }
            for (MutableEndpoint endpoint : runtime.endpoints.values()) {
                if (runtime.endpointArn(endpoint.name).equals(arn)) {
                    return endpoint.tags;
                }
            }
        }
        throw ServiceError.notFound("Resource " + arn + " does not exist");
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
                .put("status", version.state.status().name());
        json.putObject("workloadIdentityDetails").put("workloadIdentityArn", runtime.workloadIdentityArn());
        return json;
    }

    private ObjectNode summary(MutableRuntime runtime, MutableVersion version) {
        return Json.object().put("agentRuntimeArn", runtime.arn()).put("agentRuntimeId", runtime.id)
                .put("agentRuntimeVersion", version.number).put("agentRuntimeName", runtime.name)
                .put("description", version.config.path("description").asText(""))
                .put("lastUpdatedAt", timestamp(version.createdAt)).put("status", runtime.status(version).name());
    }

    private ObjectNode endpointJson(MutableRuntime runtime, RuntimeEndpoint endpoint) {
        ObjectNode json = Json.object().put("name", endpoint.name()).put("id", runtime.endpointId(endpoint.name()));
        if (endpoint.liveVersion() != null) {
            json.put("liveVersion", endpoint.liveVersion());
        }
        json.put("targetVersion", endpoint.targetVersion()).put("agentRuntimeEndpointArn", endpoint.arn())
                .put("agentRuntimeArn", runtime.arn()).put("status", endpoint.status().name())
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
        return Page.of(field, items, from, size, String::valueOf);
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
        final Instant createdAt;
        final List<MutableVersion> versions = new ArrayList<>();
        final Map<String, MutableEndpoint> endpoints = new LinkedHashMap<>();
        Instant deleteAt;

        MutableRuntime(String id, String name, Map<String, String> tags, String workloadIdentitySuffix,
                       Instant createdAt) {
            this.id = id;
            this.name = name;
            this.tags = tags;
            this.workloadIdentitySuffix = workloadIdentitySuffix;
            this.createdAt = createdAt;
        }

        String arn() {
            return "arn:aws:bedrock-agentcore:" + region + ":" + accountId + ":runtime/" + id;
        }

        String endpointArn(String endpoint) {
            return arn() + "/runtime-endpoint/" + endpoint;
        }

        String workloadIdentityName() {
            return name + "-" + workloadIdentitySuffix;
        }

        String workloadIdentityArn() {
            return "arn:aws:bedrock-agentcore:" + region + ":" + accountId
                    + ":workload-identity-directory/default/workload-identity/" + workloadIdentityName();
        }

        MutableVersion latest() {
            return versions.get(versions.size() - 1);
        }

        /** A version's status as the service reports it: DELETING once the runtime is being deleted. */
        ResourceStatus status(MutableVersion version) {
            return deleteAt != null ? ResourceStatus.DELETING : version.state.status();
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

        /** DEFAULT, derived from the versions and the lag, then the named endpoints. */
        List<RuntimeEndpoint> endpointViews() {
            List<RuntimeEndpoint> views = new ArrayList<>();
            views.add(defaultEndpoint());
            endpoints.values().forEach(endpoint -> views.add(new RuntimeEndpoint(endpoint.name,
                    endpointArn(endpoint.name), endpoint.liveVersion, endpoint.targetVersion, endpoint.state.status(),
                    null, endpoint.description)));
            return views;
        }

        /**
         * DEFAULT serves the newest version READY for at least the lag; while the latest version is READY but not yet
         * served, DEFAULT reads UPDATING (CREATING before it served any).
         */
        private RuntimeEndpoint defaultEndpoint() {
            Instant now = clock.now();
            MutableVersion latest = latest();
            String live = null;
            for (MutableVersion version : versions) {
                if (version.state.status() == ResourceStatus.READY
                        && !now.isBefore(version.state.readyAt().plus(pace.defaultEndpointLag()))) {
                    live = version.number;
                }
            }
            ResourceStatus status = status(latest);
            if (status == ResourceStatus.READY && !latest.number.equals(live)) {
                status = live == null ? ResourceStatus.CREATING : ResourceStatus.UPDATING;
            }
            return new RuntimeEndpoint(DEFAULT_ENDPOINT, endpointArn(DEFAULT_ENDPOINT), live, latest.number,
                    status, latest.state.failureReason(), null);
        }

        AgentRuntime snapshot() {
            return new AgentRuntime(id, name, arn(), createdAt, Map.copyOf(tags),
                    versions.stream().map(MutableVersion::snapshot).toList(), endpointViews(), deleteAt != null);
        }
    }

    private static final class MutableVersion {
        final String number;
        final ObjectNode config;
        final SettlingStatus state;
        final Instant createdAt;

        MutableVersion(String number, ObjectNode config, SettlingStatus state, Instant createdAt) {
            this.number = number;
            this.config = config;
            this.state = state;
            this.createdAt = createdAt;
        }

        RuntimeVersion snapshot() {
            return new RuntimeVersion(number, state.status(), state.failureReason(), config.deepCopy(), createdAt);
        }
    }

    private static final class MutableEndpoint {
        final String name;
        final String id;
        final Instant createdAt;
        final Map<String, String> tags = new LinkedHashMap<>();
        String description;
        String targetVersion;
        String liveVersion;
        final SettlingStatus state;
        Instant lastUpdatedAt;
        Instant deleteAt;

        MutableEndpoint(String name, String id, String description, String targetVersion, int readsLeft,
                        Instant createdAt) {
            this.name = name;
            this.id = id;
            this.description = description;
            this.targetVersion = targetVersion;
            this.state = SettlingStatus.change(ResourceStatus.CREATING, readsLeft, createdAt, null);
            this.createdAt = createdAt;
            this.lastUpdatedAt = createdAt;
        }

        void retarget(String version, int reads, Instant now) {
            targetVersion = version;
            state.restart(ResourceStatus.UPDATING, reads, now);
            lastUpdatedAt = now;
        }

        /** One status read: once the change settles, the endpoint serves its target. */
        void read(Instant now) {
            if (state.read(now)) {
                liveVersion = targetVersion;
            }
        }
    }
}
