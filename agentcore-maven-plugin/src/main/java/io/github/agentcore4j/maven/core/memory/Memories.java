package io.github.agentcore4j.maven.core.memory;

import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeadlineWait;
import io.github.agentcore4j.maven.core.deploy.DeployFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListMemoriesResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.Memory;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.MemoryStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.MemoryStrategy;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.MemoryStrategyInput;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.MemorySummary;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.SemanticMemoryStrategyInput;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.SummaryMemoryStrategyInput;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UserPreferenceMemoryStrategyInput;

/**
 * The agent's AgentCore Memory, provisioned as the AWS starter toolkit does: a given memory is used as it is; else the
 * one the YAML records (if deploy created it), else one named {@code <agent>_mem} found by ListMemories, else a new
 * one (with the toolkit's three long-term strategies for STM_AND_LTM); each waited for until ACTIVE.
 */
public final class Memories {

    /** The toolkit's long-term strategies: names and namespaces exactly as it creates them. */
    static final List<MemoryStrategyInput> LONG_TERM_STRATEGIES = List.of(
            MemoryStrategyInput.builder().userPreferenceMemoryStrategy(UserPreferenceMemoryStrategyInput.builder()
                    .name("UserPreferences").namespaces("/users/{actorId}/preferences").build()).build(),
            MemoryStrategyInput.builder().semanticMemoryStrategy(SemanticMemoryStrategyInput.builder()
                    .name("SemanticFacts").namespaces("/users/{actorId}/facts").build()).build(),
            MemoryStrategyInput.builder().summaryMemoryStrategy(SummaryMemoryStrategyInput.builder()
                    .name("SessionSummaries").namespaces("/summaries/{actorId}/{sessionId}").build()).build());

    private static final String WAIT_HINT = "It may still become ACTIVE: deploy again later (it reuses the memory), "
            + "or wait longer with -Dagentcore.waitTimeout=<seconds>";

    private final BedrockAgentCoreControlClient control;
    private final BuildLog log;

    public Memories(BedrockAgentCoreControlClient control, BuildLog log) {
        this.control = control;
        this.log = log;
    }

    /**
     * Finds or creates the memory the settings ask for and waits until it is ACTIVE; in a dry run, says what it
     * would create or use and changes nothing.
     *
     * @param recorded the memory the YAML records for the agent, if any
     * @param created receives a memory as soon as CreateMemory made it, before the wait, so the YAML records it
     *     (and destroy can delete it) even if the wait fails
     * @return the memory the runtime uses, or empty when the settings ask for none (or in a dry run that would
     *     create one)
     * @throws InvalidSettingException naming memoryId when the given memory does not exist
     * @throws DeployFailedException when the memory FAILED or does not become ACTIVE in time
     */
    public Optional<MemoryRecord> ensure(MemorySettings settings, Optional<MemoryRecord> recorded, Duration timeout,
            boolean dryRun, Consumer<MemoryRecord> created) throws InterruptedException {
        String prefix = dryRun ? "[dry run] " : "";
        if (!settings.enabled()) {
            recorded.ifPresent(memory -> log.info(prefix + "memoryMode is NO_MEMORY, so the runtime is not told "
                    + "about memory " + memory.memoryId() + (memory.createdByDeploy() ? " (kept until "
                    + "agentcore:destroy deletes it)" : "")));
            return Optional.empty();
        }
        if (settings.memoryId() != null) {
            Memory memory = find(settings.memoryId()).orElseThrow(() -> new InvalidSettingException(PropertyNames.MEMORY_ID,
                    "memory " + settings.memoryId() + " does not exist in this account and region",
                    "set the id of an existing memory, or unset memoryId so that deploy creates one"));
            boolean ours = recorded.filter(r -> r.memoryId().equals(memory.id())).map(MemoryRecord::createdByDeploy)
                    .orElse(false);
            log.info(prefix + "Using the configured memory " + memory.id() + " (" + describe(memory) + ")");
            return Optional.of(dryRun ? record(memory, ours, settings) : record(awaitActive(memory, timeout), ours,
                    settings));
        }
        Optional<Memory> reused = recorded.filter(MemoryRecord::createdByDeploy).flatMap(r -> reusable(r.memoryId()));
        boolean ours = reused.isPresent();
        if (reused.isEmpty()) {
            reused = findByName(settings.memoryName());
        }
        if (reused.isPresent()) {
            Memory memory = reused.get();
            log.info(prefix + "Using memory " + memory.id() + " (" + describe(memory) + ")"
                    + (ours ? "" : ", found by its name " + settings.memoryName()
                    + "; not created by this deploy, so agentcore:destroy keeps it"));
            if (settings.mode().longTerm() && !memory.hasStrategies()) {
                log.warn("memoryMode is STM_AND_LTM but memory " + memory.id() + " has no long-term strategies: "
                        + "the agent gets short-term memory only. Fix: add strategies in the AgentCore console, or "
                        + "run agentcore:destroy and deploy again to create the memory with them");
            }
            return Optional.of(dryRun ? record(memory, ours, settings) : record(awaitActive(memory, timeout), ours,
                    settings));
        }
        List<MemoryStrategyInput> strategies = settings.mode().longTerm() ? LONG_TERM_STRATEGIES : List.of();
        String what = "memory " + settings.memoryName() + " (" + settings.mode() + ", events kept "
                + settings.eventExpiryDays() + " days" + (strategies.isEmpty() ? "" : ", strategies "
                + String.join(", ", strategyNames())) + ")";
        if (dryRun) {
            log.info("[dry run] would create " + what + " and pass " + MemoryRecord.MEMORY_ID_VARIABLE + " and "
                    + MemoryRecord.MEMORY_NAME_VARIABLE + " to the runtime");
            return Optional.empty();
        }
        Memory memory = control.createMemory(call -> call.name(settings.memoryName())
                .description("Memory for agent " + settings.memoryName().substring(0,
                        settings.memoryName().length() - MemorySettings.NAME_SUFFIX.length()) + " with "
                        + (strategies.isEmpty() ? "STM only" : "STM+LTM"))
                .eventExpiryDuration(settings.eventExpiryDays()).memoryStrategies(strategies)).memory();
        MemoryRecord made = record(memory, true, settings);
        created.accept(made);
        log.info("Created " + what + ": " + memory.id() + "; waiting until it is ACTIVE");
        return Optional.of(record(awaitActive(memory, timeout), true, settings));
    }

    /** Deletes a memory and waits until it is gone; one already gone is reported, not an error. */
    public void delete(String memoryId, Duration timeout, boolean dryRun) throws InterruptedException {
        Optional<Memory> memory = find(memoryId);
        if (memory.isEmpty()) {
            log.info("Memory " + memoryId + " is already gone");
            return;
        }
        if (dryRun) {
            log.info("[dry run] would delete memory " + memoryId + " (created by deploy) with its events and records");
            return;
        }
        if (memory.get().status() != MemoryStatus.DELETING) {
            try {
                control.deleteMemory(call -> call.memoryId(memoryId));
            } catch (ResourceNotFoundException gone) {
                log.info("Memory " + memoryId + " is already gone");
                return;
            }
        }
        DeadlineWait wait = new DeadlineWait(timeout, log, "AgentCore goes on deleting it; check with "
                + "mvn agentcore:status");
        while (find(memoryId).isPresent()) {
            wait.pause("Memory " + memoryId + " is DELETING");
        }
        log.info("Deleted memory " + memoryId + " (created by deploy) with its events and records");
    }

    /** The memory with this id, or empty when it does not exist. */
    public Optional<Memory> find(String memoryId) {
        try {
            return Optional.of(control.getMemory(call -> call.memoryId(memoryId)).memory());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** One line for people: status, event expiry and strategies. */
    public static String describe(Memory memory) {
        StringBuilder line = new StringBuilder(memory.statusAsString()).append(", events kept ")
                .append(memory.eventExpiryDuration()).append(" days, ");
        if (!memory.hasStrategies() || memory.strategies().isEmpty()) {
            return line.append("short-term only").toString();
        }
        List<String> strategies = new ArrayList<>();
        for (MemoryStrategy strategy : memory.strategies()) {
            strategies.add(strategy.name() + " " + strategy.typeAsString() + " " + strategy.namespaces());
        }
        return line.append("strategies ").append(String.join(", ", strategies)).toString();
    }

    private Optional<Memory> reusable(String memoryId) {
        Optional<Memory> memory = find(memoryId).filter(m -> m.status() != MemoryStatus.DELETING
                && m.status() != MemoryStatus.FAILED);
        if (memory.isEmpty()) {
            log.warn("Memory " + memoryId + " recorded in the YAML no longer exists (or is failed or deleting); "
                    + "looking for another one, else creating one");
        }
        return memory;
    }

    /** The toolkit's rule: a memory whose id starts with the name (ids are {@code <name>-<10 characters>}). */
    private Optional<Memory> findByName(String name) {
        String token = null;
        do {
            String page = token;
            ListMemoriesResponse response = control.listMemories(call -> call.maxResults(100).nextToken(page));
            for (MemorySummary summary : response.memories()) {
                if (summary.id() != null && summary.id().startsWith(name + "-")
                        && summary.status() != MemoryStatus.DELETING && summary.status() != MemoryStatus.FAILED) {
                    return find(summary.id());
                }
            }
            token = response.nextToken();
        } while (token != null);
        return Optional.empty();
    }

    private Memory awaitActive(Memory memory, Duration timeout) throws InterruptedException {
        DeadlineWait wait = new DeadlineWait(timeout, log, WAIT_HINT);
        Memory current = memory;
        while (true) {
            switch (current.status()) {
                case ACTIVE:
                    return current;
                case FAILED:
                    throw new DeployFailedException("Memory " + current.id() + " FAILED: " + (current.failureReason()
                            == null ? "the service gave no reason" : current.failureReason()) + ". Fix: see the "
                            + "reason, then delete the memory (mvn agentcore:destroy deletes one deploy created) "
                            + "and deploy again");
                case DELETING:
                    throw new DeployFailedException("Memory " + current.id() + " is being deleted. Fix: deploy "
                            + "again once it is gone, and deploy creates a new one");
                default:
                    wait.pause("Memory " + current.id() + " is " + current.statusAsString());
                    String id = current.id();
                    current = find(id).orElseThrow(() -> new DeployFailedException("Memory " + id
                            + " disappeared while deploy waited for it to become ACTIVE. Fix: deploy again"));
            }
        }
    }

    private static MemoryRecord record(Memory memory, boolean createdByDeploy, MemorySettings settings) {
        MemoryMode mode = memory.hasStrategies() && !memory.strategies().isEmpty() ? MemoryMode.STM_AND_LTM
                : MemoryMode.STM_ONLY;
        return new MemoryRecord(settings.mode() == MemoryMode.NO_MEMORY ? mode : settings.mode(), memory.id(),
                memory.arn(), memory.name(), memory.eventExpiryDuration() == null ? settings.eventExpiryDays()
                : memory.eventExpiryDuration(), createdByDeploy);
    }

    private static List<String> strategyNames() {
        List<String> names = new ArrayList<>();
        for (MemoryStrategyInput input : LONG_TERM_STRATEGIES) {
            if (input.userPreferenceMemoryStrategy() != null) {
                names.add(input.userPreferenceMemoryStrategy().name());
            } else if (input.semanticMemoryStrategy() != null) {
                names.add(input.semanticMemoryStrategy().name());
            } else {
                names.add(input.summaryMemoryStrategy().name());
            }
        }
        return names;
    }
}
