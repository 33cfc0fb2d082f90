package io.github.agentcore4j.maven.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and writes {@code .bedrock_agentcore.yaml} for {@link AgentEntry}. Writes are atomic (a temporary file moved over the old one, so a
 * crash never leaves a torn file) and skipped when the content would not change, so repeated runs leave the file
 * byte-identical.
 */
final class AgentCoreConfigFile {

    private AgentCoreConfigFile() {
    }

    /** The file's configuration, or an empty one when the file does not exist. */
    public static AgentCoreConfig read(Path file) {
        if (!Files.exists(file)) {
            return AgentCoreConfig.empty();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Writes the configuration unless the file already holds exactly this content.
     *
     * @return whether the file changed
     */
    public static boolean write(Path file, AgentCoreConfig config) {
        String content = render(config);
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                return false;
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                moveIntoPlace(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static AgentCoreConfig parse(String yaml, String source) {
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidSettingException(PropertyNames.CONFIG_FILE,
                    source + " is not valid YAML: " + e.getMessage(),
                    "fix the file, or delete it and run agentcore:configure");
        }
        if (tree == null) {
            return AgentCoreConfig.empty();
        }
        if (!(tree instanceof Map)) {
            throw new InvalidSettingException(PropertyNames.CONFIG_FILE, source + " does not hold a YAML mapping",
                    "fix the file, or delete it and run agentcore:configure");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = new LinkedHashMap<>((Map<String, Object>) tree);
        requireAgentsMapping(root.get(AgentCoreConfig.AGENTS), source);
        return AgentCoreConfig.fromTree(root);
    }

    /**
     * An {@code agents:} section must map names to settings; anything else is refused rather than overwritten by
     * the next update, which would lose what the user wrote there.
     */
    private static void requireAgentsMapping(Object agents, String source) {
        String fix = "fix the agents: section (agents: then one indented entry per agent name), or delete the file "
                + "and run agentcore:configure";
        if (agents != null && !(agents instanceof Map)) {
            throw new InvalidSettingException(PropertyNames.CONFIG_FILE,
                    source + ": its agents: section is not a mapping of agent "
                    + "names to their settings", fix);
        }
        if (agents instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> agent : entries.entrySet()) {
                if (agent.getValue() != null && !(agent.getValue() instanceof Map)) {
                    throw new InvalidSettingException(PropertyNames.CONFIG_FILE, source + ": agent " + agent.getKey()
                            + " in its agents: section has no settings mapping", fix);
                }
            }
        }
    }

    static String render(AgentCoreConfig config) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        return new Yaml(new Representer(options), options).dump(config.tree());
    }

    private static void moveIntoPlace(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
