package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.memory.MemorySettings;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the runtime's configuration that configure records in {@code .bedrock_agentcore.yaml} and
 * deploy sends to AgentCore: request headers, session lifecycle, network, inbound JWT authorizer, platform,
 * description, tags, filesystems, ports and memory.
 */
public abstract class AbstractRuntimeMojo extends AbstractServedAgentMojo {

    /**
     * Request headers AgentCore Runtime passes on to the agent (at most 20), e.g. {@code X-Tenant-Id}.
     * {@code x-amz-*} and {@code x-amzn-*} are reserved, except {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-*};
     * {@code Authorization} needs a JWT authorizer.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REQUEST_HEADER_ALLOWLIST)
    protected List<String> requestHeaderAllowlist;

    /**
     * Seconds without a request after which a session ends, 60..28800. Unset: the service default.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.IDLE_RUNTIME_SESSION_TIMEOUT)
    protected Integer idleRuntimeSessionTimeout;

    /**
     * Seconds after which a session ends anyway, 60..28800 and at least the idle timeout. Unset: the service
     * default.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MAX_LIFETIME)
    protected Integer maxLifetime;

    /**
     * {@code PUBLIC}, or {@code VPC} to run the agent in your VPC (then set securityGroups and subnets).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.NETWORK_MODE, defaultValue = "PUBLIC")
    protected String networkMode;

    /**
     * Security group ids ({@code sg-...}) for networkMode VPC.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SECURITY_GROUPS)
    protected List<String> securityGroups;

    /**
     * Subnet ids ({@code subnet-...}) for networkMode VPC.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SUBNETS)
    protected List<String> subnets;

    /**
     * OAuth inbound: the identity provider's discovery URL, ending in {@code /.well-known/openid-configuration}.
     * With it, AgentCore Runtime accepts only callers with a JWT from that provider instead of IAM (SigV4) callers.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.JWT_DISCOVERY_URL)
    protected String jwtDiscoveryUrl;

    /**
     * OAuth inbound: client ids whose tokens are accepted.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.JWT_ALLOWED_CLIENTS)
    protected List<String> jwtAllowedClients;

    /**
     * OAuth inbound: token audiences that are accepted.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.JWT_ALLOWED_AUDIENCES)
    protected List<String> jwtAllowedAudiences;

    /**
     * OAuth inbound: scopes a token must carry.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.JWT_ALLOWED_SCOPES)
    protected List<String> jwtAllowedScopes;

    /**
     * Custom claims the JWT authorizer requires, each {@code <claim> <STRING|STRING_ARRAY>
     * <EQUALS|CONTAINS|CONTAINS_ANY> <value>[|<value>...]}, e.g. {@code tier STRING EQUALS gold} or
     * {@code groups STRING_ARRAY CONTAINS_ANY admin|ops}. EQUALS takes one value; the others a list.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.JWT_CUSTOM_CLAIMS)
    protected List<String> jwtCustomClaims;

    /**
     * Sends the build-time warmup hook (platform V2): while AgentCore prepares a version's snapshot it POSTs once to
     * {@code warmupPath} on the agent's serving port, so the snapshot holds a warmed-up JVM.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.WARMUP, defaultValue = "false")
    protected boolean warmup;

    /**
     * The runtime's description, 1..4096 characters. Unset: deploy keeps the description the runtime has.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.DESCRIPTION)
    protected String description;

    /**
     * Tags for the runtime, each {@code KEY=value} (at most 50): set on create, added with TagResource afterwards.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.TAGS)
    protected List<String> tags;

    /**
     * Filesystems mounted into each session (at most 5), each {@code /mnt/<name>=session} (session storage, at most
     * one) or {@code /mnt/<name>=<EFS or S3 Files access point ARN>} (VPC only, at most two of each).
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.FILESYSTEMS)
    protected List<String> filesystems;

    /**
     * Extra ports a session may serve through session endpoints (at most 5), each a port or a range such as
     * {@code 8100-8110}, within 8000..12000.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.ALLOWED_PORTS)
    protected List<String> allowedPorts;

    /**
     * The memory, in MiB, each session gets at least ({@code resourceConfigurations.minimumMemoryInMiB}). Unset: the
     * service default.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.MINIMUM_MEMORY_IN_MIB)
    protected Integer minimumMemoryInMiB;

    /**
     * The agent's AgentCore Memory, as the AWS starter toolkit's {@code memory.mode}: {@code NO_MEMORY},
     * {@code STM_ONLY} (deploy creates a memory named {@code <agent name>_mem} that keeps each session's events) or
     * {@code STM_AND_LTM} (plus the long-term strategies UserPreferences, SemanticFacts and SessionSummaries). Deploy
     * waits until the memory is ACTIVE, passes {@code BEDROCK_AGENTCORE_MEMORY_ID} and
     * {@code BEDROCK_AGENTCORE_MEMORY_NAME} to the runtime and lets its role use that memory only; destroy deletes
     * it.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.MEMORY_MODE, defaultValue = "NO_MEMORY")
    protected String memoryMode;

    /**
     * The id of an existing memory for the agent to use instead of one deploy creates (e.g.
     * {@code shared_mem-a1B2c3D4e5}). Deploy checks that it exists and waits until it is ACTIVE; destroy never
     * deletes it.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.MEMORY_ID)
    protected String memoryId;

    /**
     * How many days the memory deploy creates keeps events, 3..365.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.MEMORY_EVENT_EXPIRY_DAYS, defaultValue = "30")
    protected Integer memoryEventExpiryDays;

    /**
     * The validated memory settings.
     *
     * @throws io.github.agentcore4j.maven.core.config.InvalidSettingException naming the first memory setting
     *     AgentCore Memory would refuse
     */
    protected final MemorySettings memorySettings() {
        return MemorySettings.of(memoryMode, memoryId, memoryEventExpiryDays, agentSettings().name().value());
    }

    @Override
    protected void addSettings(AgentSettings.Builder builder) {
        super.addSettings(builder);
        builder.requestHeaderAllowlist(requestHeaderAllowlist)
                .lifecycle(idleRuntimeSessionTimeout, maxLifetime)
                .network(networkMode, securityGroups, subnets)
                .jwtAuthorizer(jwtDiscoveryUrl, jwtAllowedClients, jwtAllowedAudiences, jwtAllowedScopes)
                .jwtCustomClaims(jwtCustomClaims)
                .warmup(warmup, warmupPath)
                .description(description)
                .tags(tags)
                .filesystems(filesystems)
                .allowedPorts(allowedPorts)
                .minimumMemoryInMiB(minimumMemoryInMiB);
    }
}
