package io.github.agentcore4j.maven.core.memory;

import io.github.agentcore4j.maven.core.config.AgentEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's memory as {@code .bedrock_agentcore.yaml} records it, in the AWS starter toolkit's {@code memory}
 * section and field names, so that either tool reads what the other wrote.
 *
 * @param mode the memory mode
 * @param memoryId the memory's id
 * @param memoryArn the memory's ARN
 * @param memoryName the memory's name
 * @param eventExpiryDays how long the memory keeps events
 * @param createdByDeploy whether deploy created the memory ({@code was_created_by_toolkit}): only then may destroy
 *     delete it
 */
public record MemoryRecord(MemoryMode mode, String memoryId, String memoryArn, String memoryName, int eventExpiryDays,
        boolean createdByDeploy) {

    static final String SECTION = "memory";
    /** The toolkit's {@code MemoryConfig} fields, in its order. */
    private static final List<String> FIELDS = List.of("mode", "memory_id", "memory_arn", "memory_name",
            "event_expiry_days", "first_invoke_memory_check_done", "was_created_by_toolkit");
    /** The runtime environment variables that name the memory, as the toolkit injects them (CONTRACTS.md). */
    public static final String MEMORY_ID_VARIABLE = "BEDROCK_AGENTCORE_MEMORY_ID";
    public static final String MEMORY_NAME_VARIABLE = "BEDROCK_AGENTCORE_MEMORY_NAME";

    /** The memory the YAML records for the agent, when it records one with an id. */
    public static Optional<MemoryRecord> read(AgentEntry entry) {
        Optional<Map<String, Object>> section = entry.existingSection(SECTION);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> memory = section.get();
        if (!(memory.get("memory_id") instanceof String id) || id.isBlank()) {
            return Optional.empty();
        }
        Object days = memory.get("event_expiry_days");
        return Optional.of(new MemoryRecord(MemoryMode.fromSetting(text(memory.get("mode"))), id,
                text(memory.get("memory_arn")), text(memory.get("memory_name")),
                days instanceof Number number ? number.intValue() : MemorySettings.DEFAULT_EVENT_EXPIRY_DAYS,
                Boolean.TRUE.equals(memory.get("was_created_by_toolkit"))));
    }

    /**
     * Writes what configure knows (mode, event expiry and a given memory id) into the agent's {@code memory} section,
     * keeping a memory deploy recorded. Settings without memory leave the section as it is (the toolkit's, if any).
     * The agent must exist.
     */
    public static void configure(AgentEntry entry, MemorySettings settings) {
        if (!settings.enabled()) {
            return;
        }
        Map<String, Object> memory = entry.section(SECTION);
        memory.put("mode", settings.mode().name());
        memory.put("event_expiry_days", settings.eventExpiryDays());
        if (settings.memoryId() != null && !settings.memoryId().equals(memory.get("memory_id"))) {
            memory.put("memory_id", settings.memoryId());
            memory.put("memory_arn", null);
            memory.put("memory_name", null);
            memory.put("was_created_by_toolkit", false);
        }
        memory.putIfAbsent("was_created_by_toolkit", false);
        inToolkitOrder(memory);
    }

    /** Records this memory in the agent's {@code memory} section. The agent must exist. */
    public void writeTo(AgentEntry entry) {
        Map<String, Object> memory = entry.section(SECTION);
        memory.put("mode", mode.name());
        memory.put("memory_id", memoryId);
        memory.put("memory_arn", memoryArn);
        memory.put("memory_name", memoryName);
        memory.put("event_expiry_days", eventExpiryDays);
        memory.putIfAbsent("first_invoke_memory_check_done", false);
        memory.put("was_created_by_toolkit", createdByDeploy);
        inToolkitOrder(memory);
    }

    /** Puts the toolkit's fields first and in its order, other fields after them, so the file reads like its own. */
    private static void inToolkitOrder(Map<String, Object> memory) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        FIELDS.stream().filter(memory::containsKey).forEach(field -> ordered.put(field, memory.get(field)));
        ordered.putAll(memory);
        memory.clear();
        memory.putAll(ordered);
    }

    /** The variables that tell the agent its memory: {@code BEDROCK_AGENTCORE_MEMORY_ID} and {@code _NAME}. */
    public Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(MEMORY_ID_VARIABLE, memoryId);
        if (memoryName != null) {
            variables.put(MEMORY_NAME_VARIABLE, memoryName);
        }
        return variables;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
