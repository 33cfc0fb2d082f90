package io.github.agentcore4j.maven.core.invoke;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException;

/**
 * The stop-session goal's work: ends a runtime session (its microVM stops, its state is gone). Stopping the session
 * {@code .bedrock_agentcore.yaml} keeps also forgets it, so the next invoke starts a new one.
 */
public final class SessionStopper {

    private final Path configFile;
    private final String agentName;
    private final BuildLog log;

    public SessionStopper(Path configFile, String agentName, BuildLog log) {
        this.configFile = configFile;
        this.agentName = agentName;
        this.log = log;
    }

    /** @param givenSessionId the session to stop, or {@code null} for the kept one */
    public void stop(BedrockAgentCoreClient client, DeployedAgent agent, String qualifier, String givenSessionId) {
        AgentEntry entry = AgentEntry.read(configFile, agentName);
        Optional<String> kept = entry.sessionId();
        String sessionId = givenSessionId != null && !givenSessionId.isBlank() ? givenSessionId.trim()
                : kept.orElseThrow(() -> new InvalidSettingException(PropertyNames.STOP_SESSION_SESSION_ID,
                        "no session id is given and " + configFile + " keeps none for agent " + agentName,
                        "pass the session id invoke printed, -Dagentcore.stopSession.sessionId=<id>"));
        try {
            client.stopRuntimeSession(request -> request.agentRuntimeArn(agent.arn()).qualifier(qualifier)
                    .runtimeSessionId(sessionId));
            log.info("Stopped session " + sessionId + " of " + agent.arn() + " (endpoint " + qualifier + ")");
        } catch (ResourceNotFoundException e) {
            log.info("Session " + sessionId + " of " + agent.arn() + " had already ended");
        }
        if (kept.filter(sessionId::equals).isPresent()) {
            entry.sessionId(null);
            entry.save();
        }
    }
}
