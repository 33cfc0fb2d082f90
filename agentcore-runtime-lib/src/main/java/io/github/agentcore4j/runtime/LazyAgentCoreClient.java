package io.github.agentcore4j.runtime;

import java.util.function.Supplier;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;

/**
 * The AgentCore data-plane client of {@link AgentMemory} or {@link AgentIdentity}, built on first use and reused
 * after. Never at start-up: on platform V2 the process is snapshotted after start-up, and a client made then would
 * carry the snapshot's sockets and credentials into every session.
 */
final class LazyAgentCoreClient {

    private final Supplier<BedrockAgentCoreClient> factory;
    private volatile BedrockAgentCoreClient client;

    /**
     * @param factory makes the client; {@code null} for the SDK's default, which reads the region, credentials and
     *     endpoint ({@code AWS_ENDPOINT_URL_BEDROCK_AGENTCORE}, {@code AWS_ENDPOINT_URL}) from the standard settings
     */
    LazyAgentCoreClient(Supplier<BedrockAgentCoreClient> factory) {
        this.factory = factory != null ? factory : BedrockAgentCoreClient::create;
    }

    BedrockAgentCoreClient get() {
        BedrockAgentCoreClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = factory.get();
                    client = made;
                }
            }
        }
        return made;
    }
}
