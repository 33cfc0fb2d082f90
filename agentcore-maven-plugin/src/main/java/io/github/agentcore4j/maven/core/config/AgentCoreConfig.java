package io.github.agentcore4j.maven.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The content of {@code .bedrock_agentcore.yaml} in the AWS starter toolkit's schema, kept as the YAML tree it was
 * read from so that agents and fields this plugin does not own survive every update unchanged.
 */
public final class AgentCoreConfig {

    static final String DEFAULT_AGENT = "default_agent";
    static final String AGENTS = "agents";
    static final String PLATFORM = "linux/arm64";

    private final Map<String, Object> root;

    AgentCoreConfig(Map<String, Object> root) {
        this.root = root;
    }

    /** A configuration without agents, for a project that has no file yet. */
    public static AgentCoreConfig empty() {
        return new AgentCoreConfig(new LinkedHashMap<>());
    }

    /**
     * Wraps a parsed YAML tree; a legacy single-agent file (top-level {@code name} and {@code entrypoint}) becomes a
     * one-agent file, as the toolkit's loader does.
     */
    static AgentCoreConfig fromTree(Map<String, Object> tree) {
        if (!tree.containsKey(AGENTS) && tree.get("name") instanceof String name && tree.containsKey("entrypoint")) {
            Map<String, Object> agents = new LinkedHashMap<>();
            agents.put(name, tree);
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put(DEFAULT_AGENT, name);
            wrapped.put(AGENTS, agents);
            return new AgentCoreConfig(wrapped);
        }
        return new AgentCoreConfig(tree);
    }

    Map<String, Object> tree() {
        return root;
    }

    public boolean hasAgent(String name) {
        return root.get(AGENTS) instanceof Map<?, ?> agents && agents.get(name) instanceof Map;
    }

    /**
     * Writes the settings this plugin owns into {@code agents.<name>}, creating the agent when needed, and makes it
     * the default agent. Settings left unset keep what the file has.
     *
     * @param entrypoint what starts the agent; for a Java agent, its main class
     */
    public void configureAgent(AgentSettings settings, String entrypoint) {
        String name = settings.name().value();
        root.put(DEFAULT_AGENT, name);
        Map<String, Object> agent = child(agents(), name);
        agent.put("name", name);
        agent.put("entrypoint", entrypoint);
        agent.put("deployment_type", "container");
        agent.put("platform", PLATFORM);

        Map<String, Object> aws = child(agent, "aws");
        if (settings.region() != null) {
            aws.put("region", settings.region());
        }
        writeNetwork(child(aws, "network_configuration"), settings.network());
        child(aws, "protocol_configuration").put("server_protocol", settings.protocol().name());
        if (settings.lifecycle().isSet()) {
            Map<String, Object> lifecycle = child(aws, "lifecycle_configuration");
            putIfSet(lifecycle, "idle_runtime_session_timeout", settings.lifecycle().idleRuntimeSessionTimeout());
            putIfSet(lifecycle, "max_lifetime", settings.lifecycle().maxLifetime());
        }

        Map<String, Object> deployment = child(agent, "bedrock_agentcore");
        deployment.putIfAbsent("agent_id", null);
        deployment.putIfAbsent("agent_arn", null);
        deployment.putIfAbsent("agent_session_id", null);

        if (settings.jwtAuthorizer() != null) {
            agent.put("authorizer_configuration", authorizerConfiguration(settings.jwtAuthorizer()));
        }
        if (!settings.requestHeaderAllowlist().isEmpty()) {
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put("requestHeaderAllowlist", new ArrayList<>(settings.requestHeaderAllowlist()));
            agent.put("request_header_configuration", headers);
        }
    }

    /** The session id kept for the agent, reused by invoke until a new session is asked for. */
    public Optional<String> sessionId(String agentName) {
        return deploymentValue(agentName, "agent_session_id");
    }

    /** Keeps {@code sessionId} for the agent, which must exist. */
    public void sessionId(String agentName, String sessionId) {
        if (!hasAgent(agentName)) {
            throw new IllegalStateException("No agent " + agentName + " in the configuration");
        }
        child(child(agents(), agentName), "bedrock_agentcore").put("agent_session_id", sessionId);
    }

    /** The ARN of the agent's deployed runtime, when it has been deployed. */
    public Optional<String> agentArn(String agentName) {
        return deploymentValue(agentName, "agent_arn");
    }

    private Optional<String> deploymentValue(String agentName, String key) {
        if (hasAgent(agentName)
                && child(agents(), agentName).get("bedrock_agentcore") instanceof Map<?, ?> deployment) {
            return Optional.ofNullable(deployment.get(key)).map(Object::toString);
        }
        return Optional.empty();
    }

    private Map<String, Object> agents() {
        return child(root, AGENTS);
    }

    private static void writeNetwork(Map<String, Object> network, Network settings) {
        network.put("network_mode", settings.mode().name());
        if (settings.mode() == NetworkMode.VPC) {
            Map<String, Object> modeConfig = new LinkedHashMap<>();
            modeConfig.put("security_groups", new ArrayList<>(settings.securityGroups()));
            modeConfig.put("subnets", new ArrayList<>(settings.subnets()));
            network.put("network_mode_config", modeConfig);
        } else {
            network.remove("network_mode_config");
        }
    }

    private static Map<String, Object> authorizerConfiguration(JwtAuthorizer authorizer) {
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("discoveryUrl", authorizer.discoveryUrl());
        if (!authorizer.allowedAudiences().isEmpty()) {
            jwt.put("allowedAudience", new ArrayList<>(authorizer.allowedAudiences()));
        }
        if (!authorizer.allowedClients().isEmpty()) {
            jwt.put("allowedClients", new ArrayList<>(authorizer.allowedClients()));
        }
        if (!authorizer.allowedScopes().isEmpty()) {
            jwt.put("allowedScopes", new ArrayList<>(authorizer.allowedScopes()));
        }
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("customJWTAuthorizer", jwt);
        return configuration;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The map under {@code key}, replacing a missing or non-map value (such as {@code null}) with an empty map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Map) {
            return (Map<String, Object>) value;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }
}
