package io.github.agentcore4j.maven.core.config;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.memory.MemoryRecord;
import io.github.agentcore4j.maven.core.memory.MemorySettings;
import java.nio.file.Path;

/** The configure goal's work: brings the agent's entry in {@code .bedrock_agentcore.yaml} in line with the settings. */
public final class Configurator {

    private Configurator() {
    }

    /**
     * @param configFile the {@code .bedrock_agentcore.yaml} to create or update
     * @param settings the validated settings
     * @param mainClass the agent's main class, written as its entrypoint
     * @return whether the file changed
     */
    public static boolean configure(Path configFile, AgentSettings settings, String mainClass, BuildLog log) {
        return configure(configFile, settings, MemorySettings.none(settings.name().value()), mainClass, log);
    }

    /**
     * As {@link #configure(Path, AgentSettings, String, BuildLog)}, and writes the toolkit's {@code memory} section
     * (mode, event expiry, a given memory id) too.
     */
    public static boolean configure(Path configFile, AgentSettings settings, MemorySettings memory, String mainClass,
            BuildLog log) {
        AgentEntry entry = AgentEntry.read(configFile, settings.name().value());
        boolean isNewAgent = !entry.exists();
        entry.configure(settings, mainClass);
        MemoryRecord.configure(entry, memory);
        boolean changed = entry.save();
        if (!changed) {
            log.info(configFile + " is up to date for agent " + settings.name().value());
        } else {
            log.info((isNewAgent ? "Added" : "Updated") + " agent " + settings.name().value() + " (" + mainClass
                    + ", " + settings.protocol() + ") in " + configFile);
        }
        return changed;
    }
}
