package io.github.agentcore4j.maven.core.memory;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.util.regex.Pattern;

/**
 * The agent's memory as the POM asks for it, checked against CreateMemory's rules before any AWS call and before any
 * image is built.
 *
 * @param mode the toolkit's memory mode
 * @param memoryId an existing memory to use (never created, never deleted), or {@code null}
 * @param eventExpiryDays how long a created memory keeps events, 3..365 days
 * @param memoryName the name deploy gives the memory it creates: {@code <agent name>_mem}, as the toolkit names it
 */
public record MemorySettings(MemoryMode mode, String memoryId, int eventExpiryDays, String memoryName) {

    /** The toolkit's default event expiry. */
    public static final int DEFAULT_EVENT_EXPIRY_DAYS = 30;
    /** CreateMemory's bounds on {@code eventExpiryDuration}. */
    static final int MIN_EVENT_EXPIRY_DAYS = 3;
    static final int MAX_EVENT_EXPIRY_DAYS = 365;
    /** The suffix the toolkit appends to the agent name to name its memory. */
    static final String NAME_SUFFIX = "_mem";
    /** CreateMemory's {@code name}: a letter, then at most 47 letters, digits or underscores. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");
    /** A memory id: the memory's name, a dash and ten letters or digits (the service model's MemoryId). */
    static final Pattern ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9-_]{0,99}-[a-zA-Z0-9]{10}");

    /** No memory. */
    public static MemorySettings none(String agentName) {
        return new MemorySettings(MemoryMode.NO_MEMORY, null, DEFAULT_EVENT_EXPIRY_DAYS, agentName + NAME_SUFFIX);
    }

    /**
     * Validates the raw settings.
     *
     * @param mode {@code NO_MEMORY}, {@code STM_ONLY} or {@code STM_AND_LTM}; {@code null} for NO_MEMORY
     * @param memoryId an existing memory's id, or {@code null}
     * @param eventExpiryDays {@code null} for 30
     * @param agentName the validated agent name, from which the memory name is derived
     * @throws InvalidSettingException for the first setting AWS would refuse, naming it, the rule and the fix
     */
    public static MemorySettings of(String mode, String memoryId, Integer eventExpiryDays, String agentName) {
        MemoryMode checkedMode = MemoryMode.fromSetting(mode);
        String id = memoryId == null || memoryId.isBlank() ? null : memoryId.trim();
        if (id != null && !ID.matcher(id).matches()) {
            throw new InvalidSettingException(PropertyNames.MEMORY_ID, "'" + id + "' is not a memory id (a memory id is the "
                    + "memory's name, a dash and ten letters or digits, e.g. my_agent_mem-a1B2c3D4e5)",
                    "copy the id of an existing memory from the AgentCore console or ListMemories, or unset memoryId"
                            + " so that deploy creates one");
        }
        int days = eventExpiryDays == null ? DEFAULT_EVENT_EXPIRY_DAYS : eventExpiryDays;
        if (days < MIN_EVENT_EXPIRY_DAYS || days > MAX_EVENT_EXPIRY_DAYS) {
            throw new InvalidSettingException(PropertyNames.MEMORY_EVENT_EXPIRY_DAYS, days + " days is outside the "
                    + MIN_EVENT_EXPIRY_DAYS + ".." + MAX_EVENT_EXPIRY_DAYS + " AgentCore Memory accepts",
                    "set a number of days between " + MIN_EVENT_EXPIRY_DAYS + " and " + MAX_EVENT_EXPIRY_DAYS);
        }
        String name = agentName + NAME_SUFFIX;
        if (id == null && checkedMode != MemoryMode.NO_MEMORY && !NAME.matcher(name).matches()) {
            throw new InvalidSettingException(PropertyNames.MEMORY_MODE, "the memory deploy creates is named " + name
                    + " (the agent name and " + NAME_SUFFIX + ", as the AWS starter toolkit names it), which is "
                    + "longer than the 48 characters AgentCore Memory accepts", "shorten agentName to at most "
                    + (48 - NAME_SUFFIX.length()) + " characters, or set memoryId to use an existing memory");
        }
        return new MemorySettings(checkedMode, id, days, name);
    }

    /** Whether the agent has a memory: one deploy creates, or an existing one. */
    public boolean enabled() {
        return memoryId != null || mode != MemoryMode.NO_MEMORY;
    }
}
