package io.github.agentcore4j.maven.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The content of {@code .bedrock_agentcore.yaml} in the AWS starter toolkit's schema, kept as the YAML tree it was
 * read from so that agents and fields this plugin does not own survive every update unchanged. Only
 * {@link AgentEntry} uses it.
 */
final class AgentCoreConfig {

    static final String DEFAULT_AGENT = "default_agent";
    static final String AGENTS = "agents";
    static final String PLATFORM = "linux/arm64";
    /** What this plugin records about an agent that the toolkit's schema has no field for. */
    static final String PLUGIN_RECORD = "agentcore4j";

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
        child(aws, "observability").put("enabled", settings.observability());
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

    /** The id of the agent's deployed runtime, when it has been deployed. */
    public Optional<String> agentId(String agentName) {
        return deploymentValue(agentName, "agent_id");
    }

    /**
     * Records the agent's runtime (the agent must exist). A new runtime clears the kept session id, which belonged
     * to the old one.
     */
    public void deployment(String agentName, String agentId, String agentArn) {
        Map<String, Object> deployment = child(existingAgent(agentName), "bedrock_agentcore");
        if (!agentArn.equals(deployment.get("agent_arn"))) {
            deployment.put("agent_session_id", null);
        }
        deployment.put("agent_id", agentId);
        deployment.put("agent_arn", agentArn);
    }

    /** Records the version deployed last and the image digest it runs, for people and scripts reading the file. */
    public void deployedVersion(String agentName, String version, String imageDigest) {
        Map<String, Object> record = child(existingAgent(agentName), PLUGIN_RECORD);
        record.put("deployed_version", version);
        record.put("image_digest", imageDigest);
    }

    /** The account and region the agent is deployed in, as the toolkit records them. */
    public void awsAccount(String agentName, String account, String region) {
        Map<String, Object> aws = child(existingAgent(agentName), "aws");
        aws.put("account", account);
        aws.put("region", region);
    }

    /** The execution role in {@code aws.execution_role}, whoever set it. */
    public Optional<String> executionRole(String agentName) {
        return awsValue(agentName, "execution_role");
    }

    /**
     * Records the execution role; {@code createdHere} says this plugin created it, which is what lets destroy delete
     * it (never a role someone else made).
     */
    public void executionRole(String agentName, String roleArn, boolean createdHere) {
        Map<String, Object> agent = existingAgent(agentName);
        Map<String, Object> aws = child(agent, "aws");
        aws.put("execution_role", roleArn);
        aws.put("execution_role_auto_create", false);
        Map<String, Object> record = child(agent, PLUGIN_RECORD);
        if (createdHere) {
            record.put("created_execution_role", roleArn);
        } else if (!roleArn.equals(record.get("created_execution_role"))) {
            record.remove("created_execution_role");
        }
    }

    /** Whether this plugin created the agent's execution role (and so may delete it). */
    public boolean createdExecutionRole(String agentName) {
        Optional<String> role = executionRole(agentName);
        return role.isPresent() && role.equals(pluginValue(agentName, "created_execution_role"));
    }

    /** The ECR repository URI in {@code aws.ecr_repository}. */
    public Optional<String> ecrRepository(String agentName) {
        return awsValue(agentName, "ecr_repository");
    }

    /**
     * Records the ECR repository. Whether deploy created it is not recorded: destroy deletes a repository only when
     * asked to ({@code deleteRepository}), whoever created it, as the toolkit's destroy does.
     */
    public void ecrRepository(String agentName, String repositoryUri) {
        Map<String, Object> aws = child(existingAgent(agentName), "aws");
        aws.put("ecr_repository", repositoryUri);
        aws.put("ecr_auto_create", false);
    }

    /** The keys of the runtime tags deploy set last time, the only ones it may remove. */
    public Set<String> deployedTagKeys(String agentName) {
        if (hasAgent(agentName) && child(agents(), agentName).get(PLUGIN_RECORD) instanceof Map<?, ?> record
                && record.get("deployed_tags") instanceof List<?> keys) {
            return keys.stream().map(Object::toString).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return Set.of();
    }

    /** Records the keys of the runtime tags deploy has just set. */
    public void deployedTagKeys(String agentName, Collection<String> keys) {
        child(existingAgent(agentName), PLUGIN_RECORD).put("deployed_tags", new ArrayList<>(keys));
    }

    /** Removes the agent's entry; when it was the default agent, another one (if any) becomes the default. */
    public void removeAgent(String agentName) {
        if (!hasAgent(agentName)) {
            return;
        }
        Map<String, Object> agents = agents();
        agents.remove(agentName);
        if (agentName.equals(root.get(DEFAULT_AGENT))) {
            root.put(DEFAULT_AGENT, agents.isEmpty() ? null : agents.keySet().iterator().next());
        }
    }

    /** The agent's {@code key:} mapping, created empty when missing; the agent must exist. */
    public Map<String, Object> section(String agentName, String key) {
        return child(existingAgent(agentName), key);
    }

    /** The agent's {@code key:} mapping, or empty when the agent or the mapping is missing. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> existingSection(String agentName, String key) {
        if (hasAgent(agentName) && child(agents(), agentName).get(key) instanceof Map<?, ?> section) {
            return Optional.of((Map<String, Object>) section);
        }
        return Optional.empty();
    }

    private Map<String, Object> existingAgent(String agentName) {
        if (!hasAgent(agentName)) {
            throw new IllegalStateException("No agent " + agentName + " in the configuration");
        }
        return child(agents(), agentName);
    }

    private Optional<String> awsValue(String agentName, String key) {
        if (hasAgent(agentName) && child(agents(), agentName).get("aws") instanceof Map<?, ?> aws) {
            return Optional.ofNullable(aws.get(key)).map(Object::toString);
        }
        return Optional.empty();
    }

    private Optional<String> pluginValue(String agentName, String key) {
        if (hasAgent(agentName) && child(agents(), agentName).get(PLUGIN_RECORD) instanceof Map<?, ?> record) {
            return Optional.ofNullable(record.get(key)).map(Object::toString);
        }
        return Optional.empty();
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
