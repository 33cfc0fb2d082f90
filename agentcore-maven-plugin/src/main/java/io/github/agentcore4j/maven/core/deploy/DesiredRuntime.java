package io.github.agentcore4j.maven.core.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.agentcore4j.maven.core.aws.JsonMembers;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.Filesystem;
import io.github.agentcore4j.maven.core.config.JwtAuthorizer;
import io.github.agentcore4j.maven.core.config.JwtCustomClaim;
import io.github.agentcore4j.maven.core.config.Lifecycle;
import io.github.agentcore4j.maven.core.config.NetworkMode;
import io.github.agentcore4j.maven.core.config.PortRange;
import io.github.agentcore4j.maven.core.config.RuntimeOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime configuration the POM describes, as the JSON members of CreateAgentRuntime and UpdateAgentRuntime
 * (wire names, so the SDK's missing 2026 members and the ones it knows are handled alike). A member the POM leaves
 * unset is absent: the plan then keeps what the runtime has.
 */
public final class DesiredRuntime {

    /** Seconds AWS fills in for a lifecycle value left out (runtime-lifecycle-settings). */
    static final int DEFAULT_IDLE_SECONDS = 900;
    static final int DEFAULT_MAX_LIFETIME_SECONDS = 28800;
    /** The runtime environment variables that tell the library a custom port and path (CONTRACTS.md). */
    static final String PORT_VARIABLE = "AGENTCORE_PORT";
    static final String PATH_VARIABLE = "AGENTCORE_INVOCATION_PATH";

    private DesiredRuntime() {
    }

    /**
     * The members for {@code settings}, running {@code containerUri} as {@code roleArn}.
     *
     * @param environment the runtime's environment variables (the settings' and any deploy adds)
     */
    public static ObjectNode of(AgentSettings settings, String containerUri, String roleArn,
            Map<String, String> environment) {
        RuntimeOptions options = settings.runtime();
        ObjectNode body = JsonMembers.object();
        body.putObject("agentRuntimeArtifact").putObject("containerConfiguration").put("containerUri", containerUri);
        body.put("roleArn", roleArn);
        ObjectNode network = body.putObject("networkConfiguration").put("networkMode",
                settings.network().mode().name());
        if (settings.network().mode() == NetworkMode.VPC) {
            ObjectNode vpc = network.putObject("networkModeConfig");
            strings(vpc.putArray("securityGroups"), settings.network().securityGroups());
            strings(vpc.putArray("subnets"), settings.network().subnets());
        }
        ObjectNode protocol = body.putObject("protocolConfiguration")
                .put("serverProtocol", settings.protocol().name());
        if (options.port() != null) {
            protocol.put("port", options.port());
        }
        if (options.invocationPath() != null) {
            protocol.put("path", options.invocationPath());
        }
        if (settings.lifecycle().isSet()) {
            body.set("lifecycleConfiguration", lifecycle(settings.lifecycle()));
        }
        Map<String, String> variables = withServing(environment, options);
        if (!variables.isEmpty()) {
            ObjectNode env = body.putObject("environmentVariables");
            variables.forEach(env::put);
        }
        if (!settings.requestHeaderAllowlist().isEmpty()) {
            strings(body.putObject("requestHeaderConfiguration").putArray("requestHeaderAllowlist"),
                    settings.requestHeaderAllowlist());
        }
        if (settings.jwtAuthorizer() != null) {
            body.putObject("authorizerConfiguration").set("customJWTAuthorizer", jwt(settings.jwtAuthorizer()));
        }
        body.put("platformVersion", options.platformVersion().name());
        if (options.warmup()) {
            body.putObject("hooksConfiguration").putObject("build").putObject("warmup").putObject("action")
                    .putObject("httpPost").put("path", options.warmupPath())
                    .put("port", options.servingPort(settings.protocol()));
        }
        if (!options.filesystems().isEmpty()) {
            ArrayNode filesystems = body.putArray("filesystemConfigurations");
            for (Filesystem filesystem : options.filesystems()) {
                ObjectNode member = filesystems.addObject().putObject(filesystem.kind().member());
                if (filesystem.accessPointArn() != null) {
                    member.put("accessPointArn", filesystem.accessPointArn());
                }
                member.put("mountPath", filesystem.mountPath());
            }
        }
        if (!options.allowedPorts().isEmpty()) {
            ArrayNode ports = body.putArray("allowedPorts");
            for (PortRange range : options.allowedPorts()) {
                if (range.isSinglePort()) {
                    ports.addObject().put("port", range.from());
                } else {
                    ports.addObject().putObject("portRange").put("from", range.from()).put("to", range.to());
                }
            }
        }
        if (options.minimumMemoryInMiB() != null) {
            body.putArray("resourceConfigurations").addObject().put("minimumMemoryInMiB", options.minimumMemoryInMiB());
        }
        if (options.description() != null) {
            body.put("description", options.description());
        }
        return body;
    }

    /**
     * The lifecycle as AWS reports it after filling in a value left out: only idle set gives max 28800; only max
     * set gives idle = max up to 900 s, else 900. Sending both makes "nothing changed" comparable.
     */
    static ObjectNode lifecycle(Lifecycle lifecycle) {
        Integer idle = lifecycle.idleRuntimeSessionTimeout();
        Integer max = lifecycle.maxLifetime();
        if (max == null) {
            max = DEFAULT_MAX_LIFETIME_SECONDS;
        }
        if (idle == null) {
            idle = Math.min(max, DEFAULT_IDLE_SECONDS);
        }
        return JsonMembers.object().put("idleRuntimeSessionTimeout", idle).put("maxLifetime", max);
    }

    private static Map<String, String> withServing(Map<String, String> environment, RuntimeOptions options) {
        Map<String, String> variables = new LinkedHashMap<>(environment);
        if (options.port() != null) {
            variables.putIfAbsent(PORT_VARIABLE, Integer.toString(options.port()));
        }
        if (options.invocationPath() != null) {
            variables.putIfAbsent(PATH_VARIABLE, options.invocationPath());
        }
        return variables;
    }

    private static ObjectNode jwt(JwtAuthorizer authorizer) {
        ObjectNode jwt = JsonMembers.object().put("discoveryUrl", authorizer.discoveryUrl());
        if (!authorizer.allowedAudiences().isEmpty()) {
            strings(jwt.putArray("allowedAudience"), authorizer.allowedAudiences());
        }
        if (!authorizer.allowedClients().isEmpty()) {
            strings(jwt.putArray("allowedClients"), authorizer.allowedClients());
        }
        if (!authorizer.allowedScopes().isEmpty()) {
            strings(jwt.putArray("allowedScopes"), authorizer.allowedScopes());
        }
        if (!authorizer.customClaims().isEmpty()) {
            ArrayNode claims = jwt.putArray("customClaims");
            authorizer.customClaims().forEach(claim -> customClaim(claims.addObject(), claim));
        }
        return jwt;
    }

    private static void customClaim(ObjectNode json, JwtCustomClaim claim) {
        json.put("inboundTokenClaimName", claim.claimName()).put("inboundTokenClaimValueType", claim.valueType());
        ObjectNode match = json.putObject("authorizingClaimMatchValue");
        ObjectNode value = match.putObject("claimMatchValue");
        if (claim.matchesOneString()) {
            value.put("matchValueString", claim.values().get(0));
        } else {
            strings(value.putArray("matchValueStringList"), claim.values());
        }
        match.put("claimMatchOperator", claim.operator());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
