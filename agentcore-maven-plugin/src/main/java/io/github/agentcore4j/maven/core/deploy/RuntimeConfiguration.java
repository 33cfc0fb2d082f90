package io.github.agentcore4j.maven.core.deploy;

import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.JwtAuthorizer;
import io.github.agentcore4j.maven.core.config.NetworkMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AuthorizerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.LifecycleConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ProtocolConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.RequestHeaderConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ServerProtocol;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.VpcConfig;

/**
 * What a runtime version runs: image, role, network, protocol, lifecycle, environment, headers, authorizer. Create
 * and update send all of it (the service replaces the whole configuration on update), and a deploy whose
 * configuration {@link #matches} the live version's changes nothing.
 *
 * @param containerUri the image, by digest
 * @param roleArn the execution role
 * @param network network placement
 * @param protocol the server protocol
 * @param lifecycle session timeouts, or {@code null} for the service defaults
 * @param environment environment variables (possibly empty)
 * @param requestHeaders the request header allowlist, or {@code null}
 * @param authorizer the JWT authorizer, or {@code null} for SigV4 callers
 */
public record RuntimeConfiguration(String containerUri, String roleArn, NetworkConfiguration network,
        ProtocolConfiguration protocol, LifecycleConfiguration lifecycle, Map<String, String> environment,
        RequestHeaderConfiguration requestHeaders, AuthorizerConfiguration authorizer) {

    public RuntimeConfiguration {
        // In the order given, so logs list the variables as the POM does.
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** The configuration the settings describe, running {@code containerUri} as {@code roleArn}. */
    public static RuntimeConfiguration from(AgentSettings settings, String containerUri, String roleArn) {
        NetworkConfiguration.Builder network = NetworkConfiguration.builder()
                .networkMode(settings.network().mode().name());
        if (settings.network().mode() == NetworkMode.VPC) {
            network.networkModeConfig(VpcConfig.builder().securityGroups(settings.network().securityGroups())
                    .subnets(settings.network().subnets()).build());
        }
        LifecycleConfiguration lifecycle = settings.lifecycle().isSet()
                ? LifecycleConfiguration.builder()
                        .idleRuntimeSessionTimeout(settings.lifecycle().idleRuntimeSessionTimeout())
                        .maxLifetime(settings.lifecycle().maxLifetime()).build()
                : null;
        RequestHeaderConfiguration headers = settings.requestHeaderAllowlist().isEmpty() ? null
                : RequestHeaderConfiguration.builder().requestHeaderAllowlist(settings.requestHeaderAllowlist()).build();
        return new RuntimeConfiguration(containerUri, roleArn, network.build(),
                ProtocolConfiguration.builder().serverProtocol(serverProtocol(settings)).build(), lifecycle,
                settings.environment(), headers, authorizer(settings.jwtAuthorizer()));
    }

    /** The configuration a version runs, as GetAgentRuntime reports it: what rollback re-applies. */
    public static RuntimeConfiguration of(GetAgentRuntimeResponse version) {
        return new RuntimeConfiguration(version.agentRuntimeArtifact().containerConfiguration().containerUri(),
                version.roleArn(), version.networkConfiguration(), version.protocolConfiguration(),
                version.lifecycleConfiguration(), version.hasEnvironmentVariables()
                        ? version.environmentVariables() : Map.of(),
                version.requestHeaderConfiguration(), version.authorizerConfiguration());
    }

    /** The image digest in {@link #containerUri()}, or the whole URI when it names a tag. */
    public String imageDigest() {
        int at = containerUri.indexOf('@');
        return at < 0 ? containerUri : containerUri.substring(at + 1);
    }

    public CreateAgentRuntimeRequest createRequest(String agentRuntimeName) {
        return CreateAgentRuntimeRequest.builder().agentRuntimeName(agentRuntimeName)
                .agentRuntimeArtifact(artifact()).roleArn(roleArn).networkConfiguration(network)
                .protocolConfiguration(protocol).lifecycleConfiguration(lifecycle)
                .environmentVariables(environment.isEmpty() ? null : environment)
                .requestHeaderConfiguration(requestHeaders).authorizerConfiguration(authorizer).build();
    }

    public UpdateAgentRuntimeRequest updateRequest(String agentRuntimeId) {
        return UpdateAgentRuntimeRequest.builder().agentRuntimeId(agentRuntimeId)
                .agentRuntimeArtifact(artifact()).roleArn(roleArn).networkConfiguration(network)
                .protocolConfiguration(protocol).lifecycleConfiguration(lifecycle)
                .environmentVariables(environment.isEmpty() ? null : environment)
                .requestHeaderConfiguration(requestHeaders).authorizerConfiguration(authorizer).build();
    }

    /**
     * Whether a version already runs this configuration. Service defaults count as a match for settings left unset
     * (no lifecycle given, HTTP when the version reports no protocol).
     */
    public boolean matches(GetAgentRuntimeResponse version) {
        RuntimeConfiguration live = of(version);
        ProtocolConfiguration liveProtocol = live.protocol != null ? live.protocol
                : ProtocolConfiguration.builder().serverProtocol(ServerProtocol.HTTP).build();
        return containerUri.equals(live.containerUri)
                && roleArn.equals(live.roleArn)
                && network.equals(live.network)
                && protocol.equals(liveProtocol)
                && (lifecycle == null || lifecycle.equals(live.lifecycle))
                && environment.equals(live.environment)
                && Objects.equals(requestHeaders, live.requestHeaders)
                && Objects.equals(authorizer, live.authorizer);
    }

    private AgentRuntimeArtifact artifact() {
        return AgentRuntimeArtifact.builder().containerConfiguration(c -> c.containerUri(containerUri)).build();
    }

    /** The protocol by its service name; sent as a string because the SDK's enum predates AGUI. */
    private static String serverProtocol(AgentSettings settings) {
        return settings.protocol().name();
    }

    private static AuthorizerConfiguration authorizer(JwtAuthorizer jwt) {
        if (jwt == null) {
            return null;
        }
        return AuthorizerConfiguration.builder().customJWTAuthorizer(c -> c.discoveryUrl(jwt.discoveryUrl())
                .allowedAudience(jwt.allowedAudiences().isEmpty() ? null : jwt.allowedAudiences())
                .allowedClients(jwt.allowedClients().isEmpty() ? null : jwt.allowedClients())
                .allowedScopes(jwt.allowedScopes().isEmpty() ? null : jwt.allowedScopes())).build();
    }
}
