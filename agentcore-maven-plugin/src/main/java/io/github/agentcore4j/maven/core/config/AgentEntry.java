package io.github.agentcore4j.maven.core.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One agent's entry in {@code .bedrock_agentcore.yaml}, and the only way the plugin reads or changes that file: read
 * it, change the entry, {@link #save()} it (atomically: a temporary file moved over the old one; skipped when nothing
 * changed). Other agents and fields the plugin does not own are kept as they are.
 * <p>
 * A new section of the entry (e.g. {@code memory:}, {@code identity:}) needs no new plumbing: {@link #section(String)}
 * gives its mapping to change and {@link #existingSection(String)} reads it.
 */
public final class AgentEntry {

    private final Path file;
    private final String name;
    private final AgentCoreConfig config;

    private AgentEntry(Path file, String name, AgentCoreConfig config) {
        this.file = file;
        this.name = name;
        this.config = config;
    }

    /**
     * The agent's entry as the file has it now; a missing file reads as empty.
     *
     * @throws InvalidSettingException naming configFile when the file is not a configuration the plugin can keep
     */
    public static AgentEntry read(Path file, String agentName) {
        return new AgentEntry(file, agentName, AgentCoreConfigFile.read(file));
    }

    /** Writes the file when the entry changed; returns whether it did. */
    public boolean save() {
        return AgentCoreConfigFile.write(file, config);
    }

    public Path file() {
        return file;
    }

    public String name() {
        return name;
    }

    /** Whether the file has an entry for the agent. */
    public boolean exists() {
        return config.hasAgent(name);
    }

    /** Writes the settings the plugin owns into the entry (creating it) and makes the agent the default one. */
    public void configure(AgentSettings settings, String entrypoint) {
        config.configureAgent(settings, entrypoint);
    }

    /** Removes the entry; when it was the default agent, another one (if any) becomes the default. */
    public void remove() {
        config.removeAgent(name);
    }

    /** The session id kept for the agent, reused by invoke until a new session is asked for. */
    public Optional<String> sessionId() {
        return config.sessionId(name);
    }

    /** Keeps {@code sessionId} ({@code null} forgets it); the entry must exist. */
    public void sessionId(String sessionId) {
        config.sessionId(name, sessionId);
    }

    public Optional<String> agentArn() {
        return config.agentArn(name);
    }

    public Optional<String> agentId() {
        return config.agentId(name);
    }

    /** Records the agent's runtime; a new runtime forgets the kept session, which belonged to the old one. */
    public void deployment(String agentId, String agentArn) {
        config.deployment(name, agentId, agentArn);
    }

    /** Records the version deployed last and the image digest it runs. */
    public void deployedVersion(String version, String imageDigest) {
        config.deployedVersion(name, version, imageDigest);
    }

    /** The account and region the agent is deployed in, as the toolkit records them. */
    public void awsAccount(String account, String region) {
        config.awsAccount(name, account, region);
    }

    public Optional<String> executionRole() {
        return config.executionRole(name);
    }

    /** Records the execution role; {@code createdHere} lets destroy delete it later (never a role someone else made). */
    public void executionRole(String roleArn, boolean createdHere) {
        config.executionRole(name, roleArn, createdHere);
    }

    /** Whether this plugin created the agent's execution role (and so may delete it). */
    public boolean createdExecutionRole() {
        return config.createdExecutionRole(name);
    }

    public Optional<String> ecrRepository() {
        return config.ecrRepository(name);
    }

    public void ecrRepository(String repositoryUri) {
        config.ecrRepository(name, repositoryUri);
    }

    /** The keys of the runtime tags deploy set last time, the only ones it may remove. */
    public Set<String> deployedTagKeys() {
        return config.deployedTagKeys(name);
    }

    public void deployedTagKeys(Collection<String> keys) {
        config.deployedTagKeys(name, keys);
    }

    /**
     * The entry's {@code key:} mapping to change, created empty when missing; the entry must exist. Values are YAML
     * scalars, lists and maps; {@link #save()} writes them.
     */
    public Map<String, Object> section(String key) {
        return config.section(name, key);
    }

    /** The plugin's own record in the entry ({@code agentcore4j:}), for what the toolkit's schema has no field for. */
    public static final String PLUGIN_RECORD = AgentCoreConfig.PLUGIN_RECORD;

    /** The entry's {@code key:} mapping as the file has it, or empty when it has none. */
    public Optional<Map<String, Object>> existingSection(String key) {
        return config.existingSection(name, key);
    }
}
