package io.github.agentcore4j.maven.core.invoke;

import io.github.agentcore4j.maven.core.aws.AwsSession;
import io.github.agentcore4j.maven.core.aws.AwsSettings;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

/**
 * Which endpoint invoke calls: the local agent (run-local, start) when {@code local} is set or nothing is deployed;
 * else the deployed runtime with an OAuth bearer token when one is set (property or environment); else the deployed
 * runtime with SigV4, as the AWS identity of the build.
 */
public final class EndpointChoice {

    /**
     * invoke's own settings that bear on the choice.
     *
     * @param local call the local agent even when one is deployed
     * @param qualifier the endpoint or version of a deployed agent
     * @param userId the runtime user id, SigV4 only
     * @param timeout the time allowed for the whole answer
     */
    public record Inputs(boolean local, String qualifier, String userId, Duration timeout) {
    }

    /** The chosen endpoint, and the AWS clients it holds (SigV4 only), closed with it. */
    public record Chosen(AgentEndpoint endpoint, AwsSession aws) implements AutoCloseable {

        @Override
        public void close() {
            if (aws != null) {
                aws.close();
            }
        }
    }

    private EndpointChoice() {
    }

    /**
     * @param deployed the runtime {@code agentArn} or the YAML names, if any
     * @param localPort the local agent's port, asked for only when the local agent is called
     * @param properties the build's properties, where the bearer token may be
     * @param environment the process environment, where the bearer token and endpoint overrides may be
     * @throws InvalidSettingException naming userId when it is set with a bearer token
     */
    public static Chosen choose(Inputs inputs, AgentSettings settings, Optional<DeployedAgent> deployed,
            AwsSettings aws, IntSupplier localPort, UnaryOperator<String> properties,
            Map<String, String> environment) {
        if (inputs.local() || deployed.isEmpty()) {
            return new Chosen(new LocalAgentEndpoint(settings.protocol(), localPort.getAsInt(),
                    settings.runtime().invocationPath(), inputs.timeout()), null);
        }
        DeployedAgent agent = deployed.get();
        String token = BearerAgentEndpoint.token(properties, environment);
        if (token != null) {
            if (inputs.userId() != null) {
                throw new InvalidSettingException(PropertyNames.INVOKE_USER_ID, "a user id can only be sent with "
                        + "SigV4, and a bearer token is set", "unset one of them");
            }
            String region = settings.region() != null ? settings.region() : agent.region();
            return new Chosen(new BearerAgentEndpoint(BearerAgentEndpoint.dataPlane(aws.endpointUrl(), region,
                    environment), agent, inputs.qualifier(), token, inputs.timeout()), null);
        }
        AwsSession session = AwsSession.openIn(aws, agent.region());
        return new Chosen(new AwsAgentEndpoint(session.data(inputs.timeout()), agent, inputs.qualifier(),
                inputs.userId()), session);
    }
}
