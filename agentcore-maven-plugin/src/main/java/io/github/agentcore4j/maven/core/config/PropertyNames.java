package io.github.agentcore4j.maven.core.config;

import java.util.Map;

/**
 * Every {@code agentcore.*} property of the plugin, in one table, so that the mojos' {@code @Parameter(property = ...)}
 * and the core's error messages name the same properties. The rule: {@code agentcore.<name>} for a setting several
 * goals read, {@code agentcore.<goal>.<name>} for a setting one goal reads, with camelCase goal names
 * ({@code agentcore.runLocal.watch}); {@code <name>} is always the POM parameter's name, so
 * {@link #parameterOf(String)} finds one from the other. A test checks every mojo parameter against this table.
 */
public final class PropertyNames {

    /** The prefix every property starts with. */
    public static final String PREFIX = "agentcore.";

    // Settings several goals read.
    public static final String SKIP = "agentcore.skip";
    public static final String AGENT_NAME = "agentcore.agentName";
    public static final String MAIN_CLASS = "agentcore.mainClass";
    public static final String PROTOCOL = "agentcore.protocol";
    public static final String REGION = "agentcore.region";
    public static final String PROFILE = "agentcore.profile";
    public static final String ENVIRONMENT = "agentcore.environment";
    public static final String REQUEST_HEADER_ALLOWLIST = "agentcore.requestHeaderAllowlist";
    public static final String IDLE_RUNTIME_SESSION_TIMEOUT = "agentcore.idleRuntimeSessionTimeout";
    public static final String MAX_LIFETIME = "agentcore.maxLifetime";
    public static final String NETWORK_MODE = "agentcore.networkMode";
    public static final String SECURITY_GROUPS = "agentcore.securityGroups";
    public static final String SUBNETS = "agentcore.subnets";
    public static final String JWT_DISCOVERY_URL = "agentcore.jwtDiscoveryUrl";
    public static final String JWT_ALLOWED_CLIENTS = "agentcore.jwtAllowedClients";
    public static final String JWT_ALLOWED_AUDIENCES = "agentcore.jwtAllowedAudiences";
    public static final String JWT_ALLOWED_SCOPES = "agentcore.jwtAllowedScopes";
    public static final String JWT_CUSTOM_CLAIMS = "agentcore.jwtCustomClaims";
    public static final String PLATFORM_VERSION = "agentcore.platformVersion";
    public static final String WARMUP = "agentcore.warmup";
    public static final String WARMUP_PATH = "agentcore.warmupPath";
    public static final String PORT = "agentcore.port";
    public static final String INVOCATION_PATH = "agentcore.invocationPath";
    public static final String DESCRIPTION = "agentcore.description";
    public static final String TAGS = "agentcore.tags";
    public static final String FILESYSTEMS = "agentcore.filesystems";
    public static final String ALLOWED_PORTS = "agentcore.allowedPorts";
    public static final String MINIMUM_MEMORY_IN_MIB = "agentcore.minimumMemoryInMiB";
    public static final String ENDPOINT_URL = "agentcore.endpointUrl";
    public static final String AGENT_ARN = "agentcore.agentArn";
    public static final String CONFIG_FILE = "agentcore.configFile";
    public static final String OBSERVABILITY = "agentcore.observability";
    public static final String OBSERVABILITY_AGENT = "agentcore.observabilityAgent";
    public static final String BASE_IMAGE = "agentcore.baseImage";
    public static final String JVM_FLAGS = "agentcore.jvmFlags";
    public static final String USER = "agentcore.user";
    public static final String ALLOW_INSECURE_REGISTRIES = "agentcore.allowInsecureRegistries";
    public static final String BASE_IMAGE_CACHE = "agentcore.baseImageCache";
    public static final String REVISION = "agentcore.revision";
    public static final String CONTAINER_ENGINE = "agentcore.containerEngine";
    public static final String SMOKE_TEST_PAYLOAD = "agentcore.smokeTestPayload";
    public static final String SMOKE_TEST_TIMEOUT = "agentcore.smokeTestTimeout";
    public static final String START_TIMEOUT = "agentcore.startTimeout";
    public static final String JVM_ARGUMENTS = "agentcore.jvmArguments";
    public static final String CONTAINER = "agentcore.container";
    public static final String WAIT_TIMEOUT = "agentcore.waitTimeout";
    public static final String MEMORY_MODE = "agentcore.memoryMode";
    public static final String MEMORY_ID = "agentcore.memoryId";
    public static final String MEMORY_EVENT_EXPIRY_DAYS = "agentcore.memoryEventExpiryDays";

    // Settings only build reads.
    public static final String BUILD_IMAGE = "agentcore.build.image";
    public static final String BUILD_TAGS = "agentcore.build.tags";
    public static final String BUILD_TARGET = "agentcore.build.target";
    public static final String BUILD_TAR_FILE = "agentcore.build.tarFile";
    public static final String BUILD_SMOKE_TEST = "agentcore.build.smokeTest";

    // Settings only deploy reads.
    public static final String DEPLOY_REPOSITORY = "agentcore.deploy.repository";
    public static final String DEPLOY_EXECUTION_ROLE = "agentcore.deploy.executionRole";
    public static final String DEPLOY_ENDPOINT = "agentcore.deploy.endpoint";
    public static final String DEPLOY_DRY_RUN = "agentcore.deploy.dryRun";
    public static final String DEPLOY_ENABLE_TRANSACTION_SEARCH = "agentcore.deploy.enableTransactionSearch";
    public static final String DEPLOY_MARKETPLACE_ACCESS = "agentcore.deploy.marketplaceAccess";
    public static final String DEPLOY_SMOKE_TEST = "agentcore.deploy.smokeTest";
    public static final String DEPLOY_KEEP_IMAGES = "agentcore.deploy.keepImages";
    public static final String DEPLOY_API_KEY_PROVIDERS = "agentcore.deploy.apiKeyProviders";
    public static final String DEPLOY_OAUTH2_PROVIDERS = "agentcore.deploy.oauth2Providers";

    // Settings only destroy reads.
    public static final String DESTROY_CONFIRM = "agentcore.destroy.confirm";
    public static final String DESTROY_DRY_RUN = "agentcore.destroy.dryRun";
    public static final String DESTROY_DELETE_IMAGES = "agentcore.destroy.deleteImages";
    public static final String DESTROY_DELETE_REPOSITORY = "agentcore.destroy.deleteRepository";

    // Settings only invoke reads.
    public static final String INVOKE_PAYLOAD = "agentcore.invoke.payload";
    public static final String INVOKE_PROMPT = "agentcore.invoke.prompt";
    public static final String INVOKE_MCP_METHOD = "agentcore.invoke.mcpMethod";
    public static final String INVOKE_MCP_TOOL = "agentcore.invoke.mcpTool";
    public static final String INVOKE_MCP_ARGUMENTS = "agentcore.invoke.mcpArguments";
    public static final String INVOKE_PAYLOAD_FILE = "agentcore.invoke.payloadFile";
    public static final String INVOKE_SESSION_ID = "agentcore.invoke.sessionId";
    public static final String INVOKE_NEW_SESSION = "agentcore.invoke.newSession";
    public static final String INVOKE_HEADERS = "agentcore.invoke.headers";
    public static final String INVOKE_OUTPUT_FILE = "agentcore.invoke.outputFile";
    public static final String INVOKE_TIMEOUT = "agentcore.invoke.timeout";
    public static final String INVOKE_IDLE_TIMEOUT = "agentcore.invoke.idleTimeout";
    public static final String INVOKE_LOCAL = "agentcore.invoke.local";
    public static final String INVOKE_QUALIFIER = "agentcore.invoke.qualifier";
    public static final String INVOKE_USER_ID = "agentcore.invoke.userId";
    public static final String INVOKE_BEARER_TOKEN = "agentcore.invoke.bearerToken";

    // Settings only logs reads.
    public static final String LOGS_SINCE = "agentcore.logs.since";
    public static final String LOGS_FOLLOW = "agentcore.logs.follow";
    public static final String LOGS_ENDPOINT = "agentcore.logs.endpoint";

    // Settings only rollback reads.
    public static final String ROLLBACK_VERSION = "agentcore.rollback.version";
    public static final String ROLLBACK_ENDPOINT = "agentcore.rollback.endpoint";

    // Settings only runLocal reads.
    public static final String RUN_LOCAL_WATCH = "agentcore.runLocal.watch";
    public static final String RUN_LOCAL_TRACES = "agentcore.runLocal.traces";

    // Settings only stopSession reads.
    public static final String STOP_SESSION_SESSION_ID = "agentcore.stopSession.sessionId";
    public static final String STOP_SESSION_QUALIFIER = "agentcore.stopSession.qualifier";

    // Outputs: project properties start sets for the integration tests (not settings).
    /** The port of the agent start launched. */
    public static final String LOCAL_PORT = "agentcore.local.port";
    /** The URL of the agent start launched, e.g. {@code http://127.0.0.1:8080}. */
    public static final String LOCAL_URL = "agentcore.local.url";

    /** The 0.1.0 name of {@link #INVOKE_BEARER_TOKEN}, which invoke reads in code (the token is no parameter). */
    public static final String DEPRECATED_BEARER_TOKEN = "agentcore.bearerToken";

    /**
     * The names 0.1.0 used that break the rule, each to its new name. They keep working for one release: a
     * parameter's default value reads the old property (see the mojos), and the goal logs one deprecation warning
     * per old name it finds set. Remove in 0.3.0.
     */
    public static final Map<String, String> DEPRECATED = Map.ofEntries(
            Map.entry("agentcore.build.user", USER),
            Map.entry("agentcore.build.revision", REVISION),
            Map.entry("agentcore.runLocal.container", CONTAINER),
            Map.entry("agentcore.executionRole", DEPLOY_EXECUTION_ROLE),
            Map.entry("agentcore.image", BUILD_IMAGE),
            Map.entry("agentcore.payload", INVOKE_PAYLOAD),
            Map.entry("agentcore.prompt", INVOKE_PROMPT),
            Map.entry("agentcore.mcp.method", INVOKE_MCP_METHOD),
            Map.entry("agentcore.mcp.tool", INVOKE_MCP_TOOL),
            Map.entry("agentcore.mcp.arguments", INVOKE_MCP_ARGUMENTS),
            Map.entry("agentcore.local", INVOKE_LOCAL),
            Map.entry(DEPRECATED_BEARER_TOKEN, INVOKE_BEARER_TOKEN),
            Map.entry("agentcore.run-local.watch", RUN_LOCAL_WATCH));

    private PropertyNames() {
    }

    /**
     * The POM parameter a property sets: its last segment ({@code agentcore.invoke.sessionId} sets
     * {@code <sessionId>}).
     *
     * @throws IllegalArgumentException for a name that is no {@code agentcore.*} property
     */
    public static String parameterOf(String property) {
        if (property == null || !property.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an agentcore property: " + property);
        }
        return property.substring(property.lastIndexOf('.') + 1);
    }
}
