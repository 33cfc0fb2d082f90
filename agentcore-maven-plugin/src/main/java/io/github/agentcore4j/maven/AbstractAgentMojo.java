package io.github.agentcore4j.maven;

import io.github.agentcore4j.maven.core.MainClassDetector;
import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.aws.AwsSettings;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.memory.MemoryRecord;
import io.github.agentcore4j.maven.core.config.Protocol;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of every goal that works on the agent: its name, main class and protocol, its configuration file,
 * and the AWS account it deploys to. Subclasses add their parameters to the validated settings in
 * {@link #addSettings(AgentSettings.Builder)}.
 */
public abstract class AbstractAgentMojo extends AbstractAgentCoreMojo {

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
     * One URL for every AWS service the plugin calls (STS, IAM, ECR, AgentCore), e.g. a local stand-in or a proxy.
     * Unset: the AWS endpoints, or the SDK's standard overrides ({@code AWS_ENDPOINT_URL},
     * {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code endpoint_url} in the profile).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ENDPOINT_URL)
    protected String endpointUrl;

    /**
     * The configuration file shared with the AWS toolkits.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CONFIG_FILE, defaultValue = "${project.basedir}/" + CONFIG_FILE_NAME)
    protected File configFile;

    private AgentSettings settings;

    @Override
    protected final String configuredMainClass() {
        return mainClass;
    }

    /** Adds the parameters this level declares to the settings; overrides call {@code super} first. */
    protected void addSettings(AgentSettings.Builder builder) {
    }

    /**
     * The validated settings. The first call logs the agent name when it was converted from the artifactId.
     *
     * @throws InvalidSettingException for the first invalid setting
     */
    protected final AgentSettings agentSettings() {
        if (settings == null) {
            AgentSettings.Builder builder = AgentSettings.builder()
                    .agentName(agentName, maven().artifactId())
                    .protocol(protocol)
                    .region(region)
                    .profile(profile);
            addSettings(builder);
            settings = builder.build();
            if (settings.name().wasConverted()) {
                getLog().info("Agent name " + settings.name().value() + " (from artifactId "
                        + settings.name().derivedFrom() + "; set " + PropertyNames.AGENT_NAME
                        + " to choose another)");
            }
        }
        return settings;
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
        return MainClassDetector.resolve(mainClass, maven().classesDirectory());
    }

    /** The {@code .bedrock_agentcore.yaml} file. */
    protected final Path configFile() {
        return configFile.toPath();
    }

    /** The agent's entry in {@code .bedrock_agentcore.yaml}, as the file has it now. */
    protected final AgentEntry agentEntry() {
        return AgentEntry.read(configFile(), agentSettings().name().value());
    }

    /**
     * The variables that tell a local agent the memory {@code .bedrock_agentcore.yaml} records (deploy's, or a given
     * one), as deploy tells the runtime; empty when it records none.
     */
    protected final Map<String, String> recordedMemoryEnvironment() {
        return MemoryRecord.read(agentEntry()).map(MemoryRecord::environment).orElse(Map.of());
    }

    /** Region, profile and endpoint for the AWS clients. */
    protected final AwsSettings awsSettings() {
        return AwsSettings.of(agentSettings().region(), agentSettings().profile(), endpointUrl);
    }

    /** AWS clients for a deployed agent: in the configured region, else the region of its ARN. */
    protected final AwsSession awsSessionFor(DeployedAgent agent) {
        return AwsSession.openIn(awsSettings(), agent.region());
    }
}
