package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.MainClassDetector;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.aws.AwsSettings;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.config.Protocol;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import io.github.agentcore4j.maven.core.memory.MemoryRecord;
import io.github.agentcore4j.maven.core.memory.MemorySettings;
import io.github.agentcore4j.maven.core.observability.JavaAgentRecipe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * The settings every agentcore goal shares, so that configure, run-local, build and deploy all see the same agent.
 * Subclasses implement {@link #doExecute()}; this class handles {@code skip}, pom packaging, and turns
 * {@link InvalidSettingException} into a build failure that names the setting.
 */
public abstract class AbstractAgentCoreMojo extends AbstractMojo {

    /** The name of {@code .bedrock_agentcore.yaml}, the configuration file the AWS toolkits share. */
    public static final String CONFIG_FILE_NAME = ".bedrock_agentcore.yaml";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    /**
     * The agent runtime name, {@code [a-zA-Z][a-zA-Z0-9_]{0,47}}, also the agent's key in
     * {@code .bedrock_agentcore.yaml}. Defaults to the artifactId with every other character turned into {@code _}
     * (and {@code agent_} in front when it does not start with a letter); the conversion is logged.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.AGENT_NAME)
    protected String agentName;

    /**
     * The class whose {@code main} starts the agent. Detected from the compiled classes when there is exactly one
     * class with {@code public static void main(String[])}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MAIN_CLASS)
    protected String mainClass;

    /**
     * The server protocol: {@code HTTP} (port 8080), {@code MCP} (port 8000), {@code A2A} (port 9000) or
     * {@code AGUI} (AG-UI, port 8080; since 0.2.0).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROTOCOL, defaultValue = "HTTP")
    protected String protocol;

    /**
     * The AWS region, e.g. {@code us-east-1}. When unset, the AWS default chain decides (AWS_REGION, the profile).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REGION)
    protected String region;

    /**
     * The AWS profile from {@code ~/.aws/config}. When unset, the AWS default chain decides (AWS_PROFILE, default).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROFILE)
    protected String profile;

    /**
     * Environment variables for the agent, each {@code NAME=value}; comma-separated on the command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ENVIRONMENT)
    protected List<String> environment;

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
     * The AgentCore Runtime platform: {@code V2} restores every session from a snapshot of the started agent (cold
     * starts of about 2 s whatever the image size; create and update take minutes), {@code V1} starts each session
     * from the image. Sent on every create and update; {@code status} and {@code versions} show what AWS reports.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PLATFORM_VERSION, defaultValue = "V2")
    protected String platformVersion;

    /**
     * Sends the build-time warmup hook (platform V2): while AgentCore prepares a version's snapshot it POSTs once to
     * {@code warmupPath} on the agent's serving port, so the snapshot holds a warmed-up JVM.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.WARMUP, defaultValue = "false")
    protected boolean warmup;

    /**
     * The path the warmup hook POSTs to; the runtime library serves {@code /warmup}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.WARMUP_PATH, defaultValue = "/warmup")
    protected String warmupPath;

    /**
     * A custom serving port for the agent (sent as {@code protocolConfiguration.port} and as {@code AGENTCORE_PORT}
     * in the runtime's environment). Unset: the protocol's port (HTTP 8080, MCP 8000, A2A 9000).
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PORT)
    protected Integer port;

    /**
     * A custom invocation path (sent as {@code protocolConfiguration.path} and as {@code AGENTCORE_INVOCATION_PATH}).
     * Unset: the protocol's path ({@code /invocations}, {@code /mcp}, {@code /}).
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.INVOCATION_PATH)
    protected String invocationPath;

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
     * One URL for every AWS service the plugin calls (STS, IAM, ECR, AgentCore), e.g. a local stand-in or a proxy.
     * Unset: the AWS endpoints, or the SDK's standard overrides ({@code AWS_ENDPOINT_URL},
     * {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code endpoint_url} in the profile).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ENDPOINT_URL)
    protected String endpointUrl;

    /**
     * The ARN of a deployed agent runtime, for the goals that work on one (invoke, versions, status, rollback,
     * destroy, stop-session). Unset: the runtime {@code .bedrock_agentcore.yaml} records for the agent. With it, no
     * YAML file is needed.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.AGENT_ARN)
    protected String agentArn;

    /**
     * The configuration file shared with the AWS toolkits.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CONFIG_FILE, defaultValue = "${project.basedir}/" + CONFIG_FILE_NAME)
    protected File configFile;

    /**
     * Traces the agent with OpenTelemetry, as the AWS toolkits do by default: build and deploy put the OpenTelemetry
     * Java agent in the image, deploy prepares CloudWatch for the traces and logs, and
     * {@code .bedrock_agentcore.yaml} records {@code observability.enabled}. {@code false} leaves all of it out.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.OBSERVABILITY, defaultValue = "true")
    protected boolean observability;

    /**
     * The OpenTelemetry Java agent that traces the agent, as {@code groupId:artifactId:version}, resolved through
     * Maven. The default, the AWS distro, signs its exports to X-Ray and CloudWatch Logs; the upstream
     * {@code io.opentelemetry.javaagent:opentelemetry-javaagent:<version>} works for local traces and other backends.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.OBSERVABILITY_AGENT, defaultValue = JavaAgentRecipe.DEFAULT_AGENT)
    protected String observabilityAgent;

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

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    private AgentSettings settings;
    private BuildLog buildLog;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        DeprecatedProperties.apply(this, mojoExecution, getLog(), session.getUserProperties(),
                session.getSystemProperties(), project.getProperties());
        if (skip) {
            getLog().info("Skipping agentcore:" + mojoExecution.getGoal() + " because agentcore.skip=true");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("Skipping agentcore:" + mojoExecution.getGoal() + " because the project has pom packaging");
            return;
        }
        String notAnAgent = reactorModuleThatIsNoAgent();
        if (notAnAgent != null) {
            getLog().info("Skipping agentcore:" + mojoExecution.getGoal() + " in " + project.getArtifactId() + ": "
                    + notAnAgent);
            return;
        }
        try {
            doExecute();
        } catch (Exception e) {
            MavenFailures.rethrow(mojoExecution.getGoal(), e);
        }
    }

    /**
     * Why this module of a multi-module build is not an agent, or {@code null} when it may be one. A goal given on
     * the command line runs in every module of the reactor (e.g. {@code mvn -pl agent -am compile agentcore:build});
     * the library modules beside the agent must not fail it.
     */
    private String reactorModuleThatIsNoAgent() {
        if (session == null || session.getProjects().size() < 2) {
            return null;
        }
        String pluginKey = mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
        if (project.getBuildPlugins().stream().noneMatch(plugin -> pluginKey.equals(plugin.getKey()))) {
            return "the module does not declare agentcore-maven-plugin";
        }
        if ((mainClass == null || mainClass.isBlank()) && !MainClassDetector.hasMainClass(classesDirectory())) {
            return "the module has no main class in " + classesDirectory() + " (set agentcore.mainClass if it is "
                    + "the agent)";
        }
        return null;
    }

    /**
     * Does the goal's work. What it throws ({@link io.github.agentcore4j.maven.core.AgentCoreException}, AWS
     * failures, I/O failures, an interrupt) becomes Maven's exceptions in {@link MavenFailures}.
     */
    protected abstract void doExecute() throws IOException, InterruptedException;

    /**
     * The validated shared settings. The first call logs the agent name when it was converted from the artifactId.
     *
     * @throws InvalidSettingException for the first invalid setting
     */
    protected final AgentSettings agentSettings() {
        if (settings == null) {
            settings = AgentSettings.builder()
                    .agentName(agentName, project.getArtifactId())
                    .protocol(protocol)
                    .region(region)
                    .profile(profile)
                    .environment(environment)
                    .requestHeaderAllowlist(requestHeaderAllowlist)
                    .lifecycle(idleRuntimeSessionTimeout, maxLifetime)
                    .network(networkMode, securityGroups, subnets)
                    .jwtAuthorizer(jwtDiscoveryUrl, jwtAllowedClients, jwtAllowedAudiences, jwtAllowedScopes)
                    .jwtCustomClaims(jwtCustomClaims)
                    .platformVersion(platformVersion)
                    .warmup(warmup, warmupPath)
                    .serving(port, invocationPath)
                    .description(description)
                    .tags(tags)
                    .filesystems(filesystems)
                    .allowedPorts(allowedPorts)
                    .minimumMemoryInMiB(minimumMemoryInMiB)
                    .observability(observability)
                    .build();
            if (settings.name().wasConverted()) {
                getLog().info("Agent name " + settings.name().value() + " (from artifactId "
                        + settings.name().derivedFrom() + "; set agentcore.agentName to choose another)");
            }
        }
        return settings;
    }

    /**
     * The validated memory settings.
     *
     * @throws InvalidSettingException naming the first memory setting AgentCore Memory would refuse
     */
    protected final MemorySettings memorySettings() {
        return MemorySettings.of(memoryMode, memoryId, memoryEventExpiryDays, agentSettings().name().value());
    }

    /**
     * The variables that tell a local agent the memory {@code .bedrock_agentcore.yaml} records (deploy's, or a given
     * one), as deploy tells the runtime; empty when it records none.
     */
    protected final Map<String, String> recordedMemoryEnvironment() {
        return MemoryRecord.read(agentEntry()).map(MemoryRecord::environment).orElse(Map.of());
    }

    /** The validated protocol; its {@link Protocol#port()} is the agent's port. */
    protected final Protocol protocol() {
        return agentSettings().protocol();
    }

    /**
     * The configured main class, else the only main class among the compiled classes.
     *
     * @throws InvalidSettingException naming {@code mainClass} when it is invalid, missing or ambiguous
     */
    protected final String resolveMainClass() {
        return MainClassDetector.resolve(mainClass, classesDirectory());
    }

    /** The project's compiled classes, normally {@code target/classes}. */
    protected final Path classesDirectory() {
        return Path.of(project.getBuild().getOutputDirectory());
    }

    /** Where goals keep their outputs and state: {@code target/agentcore}. */
    protected final Path agentCoreDirectory() {
        return Path.of(project.getBuild().getDirectory(), "agentcore");
    }

    /** The {@code .bedrock_agentcore.yaml} file. */
    protected final Path configFile() {
        return configFile.toPath();
    }

    /** The agent's entry in {@code .bedrock_agentcore.yaml}, as the file has it now. */
    protected final AgentEntry agentEntry() {
        return AgentEntry.read(configFile(), agentSettings().name().value());
    }

    /** Region, profile and endpoint for the AWS clients. */
    protected final AwsSettings awsSettings() {
        return AwsSettings.of(agentSettings().region(), agentSettings().profile(), endpointUrl);
    }

    /** The deployed runtime: {@code agentArn}, else the one the YAML records; fails naming agentArn when neither. */
    protected final DeployedAgent deployedAgent() {
        return DeployedAgent.require(agentArn, agentEntry());
    }

    /** AWS clients for a deployed agent: in the configured region, else the region of its ARN. */
    protected final AwsSession awsSessionFor(DeployedAgent agent) {
        AwsSettings aws = awsSettings();
        return aws.region() != null ? AwsSession.open(aws) : AwsSession.open(aws, agent.region());
    }

    /**
     * The OpenTelemetry Java agent jar and the API jars the project lacks, resolved through Maven.
     *
     * @throws InvalidSettingException naming observabilityAgent when they cannot be resolved
     */
    protected final JavaAgentRecipe.Jars observabilityJars() {
        return ObservabilityArtifacts.resolve(observabilityAgent, project, repositorySystem, repositorySession);
    }

    /** The core's view of Maven's log. */
    protected final BuildLog buildLog() {
        if (buildLog == null) {
            buildLog = new MojoBuildLog(getLog());
        }
        return buildLog;
    }
}
