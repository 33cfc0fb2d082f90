package io.github.agentcore4j.it.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful stand-in for the AWS services agentcore4j deploys with, on one local URL ({@code http://127.0.0.1:<free
 * port>}): the Bedrock AgentCore control plane ({@link #agentCore()}) and data plane (InvokeAgentRuntime forwards to
 * a real agent, StopRuntimeSession), AgentCore Memory ({@link #memory()}) and Identity ({@link #identity()}), ECR
 * ({@link #ecr()}), STS (GetCallerIdentity), IAM ({@link #iam()}), CloudWatch Logs ({@link #logs()}) and X-Ray
 * ({@link #xray()}).
 * <p>
 * <b>Routing.</b> Every service shares the one URL, as the real wire formats never collide: ECR and CloudWatch Logs
 * by their {@code X-Amz-Target}, STS and IAM by the {@code Action} of their form body, the AgentCore data and control
 * planes by the {@code http} traits of their service models ({@link ServiceModel}), X-Ray by {@code POST /<operation>}.
 * <b>Validation.</b> Each AgentCore request is checked against its operation's input shape in the model
 * ({@link ModelValidation}) and refused with a 400 ValidationException as AWS words it.
 * Each request must carry a SigV4 {@code Authorization} header scoped to the service it calls and to the stand-in's
 * region ({@code us-east-1} for IAM, which is global), and {@code X-Amz-Date}; otherwise it gets that service's
 * {@code MissingAuthenticationToken}/{@code IncompleteSignature}/{@code InvalidSignature} error. Signatures are not
 * recomputed, so any access key works.
 * <p>
 * <b>Pointing the SDK at it.</b> Any of the SDK's standard endpoint overrides, with any static credentials and the
 * stand-in's {@link #region()}:
 * <ul>
 *   <li>in code: {@code XxxClient.builder().endpointOverride(standIn.endpoint()).region(Region.of(standIn.region()))
 *       .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))};</li>
 *   <li>for a forked process (a Maven run): the environment {@link #environment()}, that is {@code AWS_ENDPOINT_URL}
 *       (every service), {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}; or the JVM
 *       properties {@code aws.endpointUrl}, {@code aws.region}, {@code aws.accessKeyId}, {@code aws.secretAccessKey};
 *       per service {@code AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL}, {@code AWS_ENDPOINT_URL_BEDROCK_AGENTCORE},
 *       {@code AWS_ENDPOINT_URL_ECR}, {@code AWS_ENDPOINT_URL_STS}, {@code AWS_ENDPOINT_URL_IAM} all take the same
 *       URL.</li>
 * </ul>
 * IAM is global: without an override the SDK signs it for {@code us-east-1} whatever the client's region, but with
 * an override it signs with the client's region, so an IAM client must be built with {@code Region.US_EAST_1} (as
 * against the real IAM endpoint); {@code aws-global} or another region is refused with {@code SignatureDoesNotMatch}.
 * <p>
 * <b>Inspecting and steering it.</b> {@link #agentCore()}, {@link #ecr()} and {@link #iam()} return snapshots of the
 * runtimes (versions, endpoints), repositories (images) and roles, and seed state (a role or repository someone else
 * created); {@link #requests()} lists every request with the operation it was routed to; {@link #invocations()} the
 * invocations forwarded to the agent; {@link #faults()} injects throttling, IAM-propagation errors, conflicts,
 * 402/403/500 errors, {@code *_FAILED} and a slow READY; {@link #pace()} sets how long V2 versions, the DEFAULT
 * endpoint's switch and deletions take in {@link #clock()} time, which a test can advance;
 * {@link AgentCoreStandIn#deleteBehindOurBack} removes a runtime and {@link AgentCoreStandIn#seedLegacyRuntime} seeds
 * one without MMDSv2. {@link #memory()} and {@link #identity()} show memories (status, strategies, events, records)
 * and credential providers, workload identities and issued tokens, seed those someone else created, and play the
 * user who consents to an OAuth flow ({@link IdentityStandIn#completeConsent}); {@link Pace#memoryCreation} and
 * {@link Pace#memoryExtraction} set how long a memory takes to become ACTIVE and its records to appear.
 * <pre>{@code
 * try (AwsStandIn aws = AwsStandIn.builder().agent(URI.create("http://127.0.0.1:" + agentPort)).start()) {
 *     String role = aws.iam().addRole("MyRole", trustPolicy);
 *     // ... deploy through the SDK or a Maven run with aws.environment() ...
 *     assertEquals(ResourceStatus.READY, aws.agentCore().runtimeNamed("my_agent").orElseThrow().status());
 * }
 * }</pre>
 */
public final class AwsStandIn implements AutoCloseable {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";
    /** The access key id of {@link #environment()}; any key is accepted. */
    public static final String ACCESS_KEY_ID = "AKIASTANDINTEST00001";
    public static final String SECRET_ACCESS_KEY = "stand-in-secret-access-key";

    private final String region;
    private final String accountId;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SignatureCheck signatures;
    private final Faults faults = new Faults();
    private final Pace pace = new Pace();
    private final StandInClock clock = new StandInClock();
    private final IamStandIn iam;
    private final StsStandIn sts;
    private final EcrStandIn ecr;
    private final AgentCoreStandIn agentCore;
    private final AgentCoreDataPlane dataPlane;
    private final MemoryStandIn memory;
    private final IdentityStandIn identity;
    private final LogsStandIn logs;
    private final XRayStandIn xray = new XRayStandIn();
    /**
     * The REST-JSON services whose models' {@code http} traits are their route table, in the order they are matched
     * (the data plane's paths first), each with the validation of its model.
     */
    private static final Map<AwsService, ServiceModel> MODELED = modeled();
    private final Map<AwsService, ModelValidation> validations = new EnumMap<>(AwsService.class);
    private final Map<String, URI> agentsByRuntimeName = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile URI defaultAgent;

    private AwsStandIn(Builder builder) throws IOException {
        region = builder.region;
        accountId = builder.accountId;
        defaultAgent = builder.agent;
        signatures = new SignatureCheck(region);
        iam = new IamStandIn(accountId);
        sts = new StsStandIn(accountId);
        ecr = new EcrStandIn(accountId, region, builder.registry);
        logs = new LogsStandIn(region, accountId, clock);
        agentCore = new AgentCoreStandIn(region, accountId, faults, pace, clock, iam, logs, builder.requireKnownRoles,
                builder.defaultPlatformVersion);
        memory = new MemoryStandIn(region, accountId, pace, clock);
        identity = new IdentityStandIn(region, accountId, clock, agentCore::workloadIdentities);
        dataPlane = new AgentCoreDataPlane(agentCore, name -> agentsByRuntimeName.getOrDefault(name, defaultAgent),
                logs, identity);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "aws-stand-in-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        MODELED.forEach((service, model) -> validations.put(service, new ModelValidation(model)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The one URL every service answers on. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    /**
     * The environment that points the AWS SDK (and so a forked Maven run of the plugin) at this stand-in: endpoint,
     * region and static credentials.
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_ENDPOINT_URL", endpoint().toString());
        environment.put("AWS_REGION", region);
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        return environment;
    }

    public AgentCoreStandIn agentCore() {
        return agentCore;
    }

    /** AgentCore Memory: memories with status and strategies, events, long-term records; seeding and faults. */
    public MemoryStandIn memory() {
        return memory;
    }

    /**
     * AgentCore Identity: API-key and OAuth2 credential providers, workload identities (one per runtime included),
     * the workload access tokens issued; seeding, and a user's consent to a user-federation OAuth flow.
     */
    public IdentityStandIn identity() {
        return identity;
    }

    public EcrStandIn ecr() {
        return ecr;
    }

    public IamStandIn iam() {
        return iam;
    }

    public Faults faults() {
        return faults;
    }

    /** How long AgentCore's asynchronous changes take, in {@link #clock()} time. */
    public Pace pace() {
        return pace;
    }

    /** The stand-in's time, which a test can advance. */
    public StandInClock clock() {
        return clock;
    }

    public LogsStandIn logs() {
        return logs;
    }

    public XRayStandIn xray() {
        return xray;
    }

    /** The agent every runtime's invocations go to, unless {@link #agent(String, URI)} names another. */
    public AwsStandIn agent(URI baseUrl) {
        defaultAgent = baseUrl;
        return this;
    }

    /** The agent that answers for the runtime named {@code runtimeName}. */
    public AwsStandIn agent(String runtimeName, URI baseUrl) {
        agentsByRuntimeName.put(runtimeName, baseUrl);
        return this;
    }

    /** Every request received so far, in order of arrival, including rejected ones. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests routed to one operation, e.g. {@code "UpdateAgentRuntime"}. */
    public synchronized List<RecordedRequest> requests(String operation) {
        return requests.stream().filter(request -> request.operation().equals(operation)).toList();
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    /** The invocations forwarded to an agent, in order. */
    public List<Invocation> invocations() {
        return dataPlane.invocations();
    }

    /** What each forwarded invocation sent the agent (container port, path, headers), in order. */
    public List<AgentRequest> agentRequests() {
        return dataPlane.agentRequests();
    }

    /** The session ids StopRuntimeSession ended, in order. */
    public List<String> stoppedSessions() {
        return dataPlane.stoppedSessions();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) {
        try (exchange) {
            AwsRequest request = AwsRequest.read(exchange);
            RecordedRequest routed = route(request);
            synchronized (this) {
                requests.add(routed);
            }
            String requestId = UUID.randomUUID().toString();
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            Reply reply;
            try {
                reply = call(routed);
            } catch (ServiceError error) {
                reply = routed.service().errorReply(error, requestId);
            }
            reply.send(exchange);
        } catch (IOException | RuntimeException e) {
            sendInternalError(exchange, e);
        }
    }

    private Reply call(RecordedRequest routed) {
        AwsService service = routed.service();
        AwsRequest request = routed.request();
        if (routed.operation().startsWith("Unknown:")) {
            throw service.unknownOperation(routed.operation().substring("Unknown:".length()));
        }
        if (!(service == AwsService.AGENTCORE_DATA && AgentCoreDataPlane.isBearer(request))) {
            signatures.verify(service, request);
        }
        validate(routed);
        faults.throwIfInjected(service, routed.operation());
        return switch (service) {
            case AGENTCORE_CONTROL -> agentCoreControl(routed.operation(), request, routed.labels());
            case AGENTCORE_DATA -> agentCoreData(routed.operation(), request, routed.labels());
            case ECR -> ecr.handle(routed.operation(), request);
            case STS -> sts.handle(routed.operation(), request);
            case IAM -> iam.handle(routed.operation(), request);
            case LOGS -> logs.handle(routed.operation(), request);
            case XRAY -> xray.handle(routed.operation(), request);
        };
    }

    /** The AgentCore control plane: memories, identities, else runtimes and their endpoints. */
    private Reply agentCoreControl(String operation, AwsRequest request, Map<String, String> labels) {
        if (memory.serves(operation)) {
            return memory.handle(operation, request, labels);
        }
        if (identity.serves(operation)) {
            return identity.handle(operation, request);
        }
        return agentCore.handle(operation, request, labels);
    }

    /** The AgentCore data plane: memory events and records, identity tokens, else runtime invocations. */
    private Reply agentCoreData(String operation, AwsRequest request, Map<String, String> labels) {
        if (memory.serves(operation)) {
            return memory.handle(operation, request, labels);
        }
        if (identity.serves(operation)) {
            return identity.handle(operation, request);
        }
        return dataPlane.handle(operation, request, labels);
    }

    /** Checks an AgentCore request against its operation's input shape, as the service does before anything else. */
    private void validate(RecordedRequest routed) {
        ServiceModel model = MODELED.get(routed.service());
        if (model != null) {
            validations.get(routed.service()).check(new ServiceModel.Route(
                    model.operation(routed.operation()).orElseThrow(), routed.labels()), withEcrHost(routed.request()));
        }
    }

    /**
     * The request as AWS would see it had the image been pushed to ECR: an image in the stand-in's local registry
     * ({@link Builder#registry}) is named by the account's ECR host, so the model's {@code containerUri} pattern
     * judges the rest of the URI.
     */
    private AwsRequest withEcrHost(AwsRequest request) {
        String ecrHost = accountId + ".dkr.ecr." + region + ".amazonaws.com";
        String body = request.bodyText();
        String local = "\"" + ecr.registryHost() + "/";
        if (ecr.registryHost().equals(ecrHost) || !body.contains(local)) {
            return request;
        }
        return new AwsRequest(request.method(), request.rawPath(), request.query(), request.headers(),
                body.replace(local, "\"" + ecrHost + "/").getBytes(StandardCharsets.UTF_8), request.rawQuery());
    }

    /** Finds the service and operation; an unroutable request is recorded as {@code Unknown:<what>}. */
    private RecordedRequest route(AwsRequest request) {
        String target = request.header("X-Amz-Target");
        if (target != null) {
            if (target.startsWith(LogsStandIn.TARGET_PREFIX)) {
                String operation = target.substring(LogsStandIn.TARGET_PREFIX.length());
                return new RecordedRequest(AwsService.LOGS, logs.serves(operation) ? operation : "Unknown:" + target,
                        request);
            }
            String operation = target.startsWith(EcrStandIn.TARGET_PREFIX)
                    ? target.substring(EcrStandIn.TARGET_PREFIX.length()) : null;
            return new RecordedRequest(AwsService.ECR, operation != null && ecr.serves(operation) ? operation
                    : "Unknown:" + target, request);
        }
        for (Map.Entry<AwsService, ServiceModel> modeled : MODELED.entrySet()) {
            Optional<ServiceModel.Route> route = modeled.getValue().route(request.method(), request.rawPath());
            if (route.isPresent()) {
                return new RecordedRequest(modeled.getKey(), route.get().operation().name(), request,
                        route.get().labels());
            }
        }
        if (request.rawPath().startsWith("/runtimes/") || request.rawPath().startsWith("/tags/")) {
            return new RecordedRequest(AwsService.AGENTCORE_CONTROL, "Unknown:" + request.method() + " "
                    + request.rawPath(), request);
        }
        String xrayOperation = XRayStandIn.operation(request);
        if (xrayOperation != null) {
            return new RecordedRequest(AwsService.XRAY, xrayOperation, request);
        }
        String action = request.method().equals("POST") ? request.form().get("Action") : null;
        if (action != null && iam.serves(action)) {
            return new RecordedRequest(AwsService.IAM, action, request);
        }
        if (action != null && sts.serves(action)) {
            return new RecordedRequest(AwsService.STS, action, request);
        }
        AwsService signedFor = signedService(request);
        return new RecordedRequest(signedFor, "Unknown:" + (action != null ? action
                : request.method() + " " + request.rawPath()), request);
    }

    private static Map<AwsService, ServiceModel> modeled() {
        Map<AwsService, ServiceModel> modeled = new LinkedHashMap<>();
        modeled.put(AwsService.AGENTCORE_DATA, AgentCoreDataPlane.MODEL);
        modeled.put(AwsService.AGENTCORE_CONTROL, AgentCoreStandIn.MODEL);
        return Collections.unmodifiableMap(modeled);
    }

    /** For an unroutable request, the service it was signed for, so the error speaks its protocol. */
    private static AwsService signedService(AwsRequest request) {
        String authorization = String.valueOf(request.header("Authorization"));
        if (authorization.contains("/iam/aws4_request")) {
            return AwsService.IAM;
        }
        if (authorization.contains("/ecr/aws4_request")) {
            return AwsService.ECR;
        }
        if (authorization.contains("/bedrock-agentcore/aws4_request")) {
            return AwsService.AGENTCORE_CONTROL;
        }
        if (authorization.contains("/xray/aws4_request")) {
            return AwsService.XRAY;
        }
        return AwsService.STS;
    }

    /** A bug of the stand-in, not an AWS error: told on stderr (the test report) and answered with a 500. */
    private static void sendInternalError(HttpExchange exchange, Exception e) {
        System.err.println("AWS stand-in failed on " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                + ": " + e);
        e.printStackTrace();
        try {
            byte[] body = ("{\"message\":\"stand-in failure: " + String.valueOf(e).replace("\"", "'") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "InternalServerException");
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException | RuntimeException ignored) {
            // The response had already started (a stream broke mid-way); the caller sees a truncated body.
        }
    }

    /** Settings of a stand-in; {@link #start()} binds it to a free port on 127.0.0.1. */
    public static final class Builder {
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT;
        private URI registry;
        private URI agent;
        private boolean requireKnownRoles = true;
        private String defaultPlatformVersion = "V1";

        private Builder() {
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The 12-digit account STS reports and every ARN carries. */
        public Builder accountId(String accountId) {
            if (!accountId.matches("[0-9]{12}")) {
                throw new IllegalArgumentException("An account id has 12 digits: " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * A real local registry (e.g. {@code http://127.0.0.1:5000}): ECR's {@code proxyEndpoint} and the host of
         * every {@code repositoryUri}. Without one, both name the real ECR host of the account and region.
         */
        public Builder registry(URI registry) {
            this.registry = registry;
            return this;
        }

        /** The base URL of the agent invocations are forwarded to ({@code <agent>/invocations}). */
        public Builder agent(URI agent) {
            this.agent = agent;
            return this;
        }

        /**
         * Whether CreateAgentRuntime/UpdateAgentRuntime refuse a role ARN that is not a role in the stand-in's IAM,
         * with the real service's role-validation error (default {@code true}).
         */
        public Builder requireKnownRoles(boolean requireKnownRoles) {
            this.requireKnownRoles = requireKnownRoles;
            return this;
        }

        /**
         * The {@code platformVersion} a runtime gets when create or update does not send one (default {@code V1},
         * as the CDK documents; a blog says V2 since 2026-11-12 in many regions: only an account can settle it).
         */
        public Builder defaultPlatformVersion(String platformVersion) {
            if (!platformVersion.equals("V1") && !platformVersion.equals("V2")) {
                throw new IllegalArgumentException("A platform version is V1 or V2: " + platformVersion);
            }
            this.defaultPlatformVersion = platformVersion;
            return this;
        }

        public AwsStandIn start() {
            try {
                return new AwsStandIn(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the AWS stand-in on 127.0.0.1", e);
            }
        }
    }
}
