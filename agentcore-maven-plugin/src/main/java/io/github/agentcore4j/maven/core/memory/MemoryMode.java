package io.github.agentcore4j.maven.core.memory;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.util.Arrays;
import java.util.Locale;

/** The AWS starter toolkit's memory modes, with the same names so either tool reads the YAML. */
public enum MemoryMode {
    /** No memory: deploy creates none and injects nothing. */
    NO_MEMORY,
    /** Short-term memory: the events of each session, no strategies. */
    STM_ONLY,
    /** Short-term memory plus long-term strategies (user preferences, semantic facts, session summaries). */
    STM_AND_LTM;

    /** @throws InvalidSettingException naming {@code memoryMode} for an unknown mode */
    public static MemoryMode fromSetting(String value) {
        if (value == null || value.isBlank()) {
            return NO_MEMORY;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(PropertyNames.MEMORY_MODE, "'" + value + "' is not a memory mode",
                    "use one of " + Arrays.toString(values()));
        }
    }

    /** Whether the memory gets long-term strategies. */
    public boolean longTerm() {
        return this == STM_AND_LTM;
    }
}
