package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployed agent runtime, known by its ARN: the one given with {@code agentArn}, else the one
 * {@code .bedrock_agentcore.yaml} records for the agent.
 *
 * @param arn the runtime ARN
 * @param id the runtime id (the ARN's last part)
 * @param region the region in the ARN
 */
public record DeployedAgent(String arn, String id, String region) {

    private static final Pattern RUNTIME_ARN =
            Pattern.compile("arn:aws[a-z-]*:bedrock-agentcore:([a-z0-9-]+):[0-9]{12}:runtime/([a-zA-Z][a-zA-Z0-9_]*-[a-zA-Z0-9]{10})");

    /**
     * @throws InvalidSettingException naming {@code agentArn} when it is malformed
     */
    public static DeployedAgent ofArn(String arn) {
        Matcher matcher = RUNTIME_ARN.matcher(arn.trim());
        if (!matcher.matches()) {
            throw new InvalidSettingException(PropertyNames.AGENT_ARN, "'" + arn + "' is not an agent runtime ARN",
                    "use arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>, as `mvn agentcore:status` or the "
                            + "console shows it");
        }
        return new DeployedAgent(arn.trim(), matcher.group(2), matcher.group(1));
    }

    /** The agent given by ARN, else the one the configuration records, else empty. */
    public static Optional<DeployedAgent> find(String givenArn, AgentEntry entry) {
        if (givenArn != null && !givenArn.isBlank()) {
            return Optional.of(ofArn(givenArn));
        }
        return entry.agentArn().map(DeployedAgent::ofArn);
    }

    /**
     * @throws InvalidSettingException naming {@code agentArn} when the agent has not been deployed
     */
    public static DeployedAgent require(String givenArn, AgentEntry entry) {
        return find(givenArn, entry).orElseThrow(() -> new InvalidSettingException(PropertyNames.AGENT_ARN,
                "agent " + entry.name() + " has not been deployed (" + entry.file() + " records no agent_arn for it)",
                "deploy it first (mvn deploy, or mvn package agentcore:deploy), or name a runtime with "
                        + "-Dagentcore.agentArn=arn:aws:bedrock-agentcore:..."));
    }
}
