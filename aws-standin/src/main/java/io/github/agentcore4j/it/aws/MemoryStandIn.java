package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * AgentCore Memory, control plane (CreateMemory, GetMemory, ListMemories, UpdateMemory, DeleteMemory) and data plane
 * (events, sessions, actors, long-term records), as state, on the wire protocol of the service models:
 * <ul>
 *   <li>a new memory reads {@code CREATING} until {@link Pace#memoryCreation} has passed in {@link StandInClock} time,
 *       then {@code ACTIVE}, or {@code FAILED} with a {@code failureReason} after {@link #failNextCreate}; its
 *       strategies get ids ({@code <name>-<10 characters>}) and follow it; DeleteMemory answers {@code DELETING} and the
 *       memory reads so for {@link Pace#deletion}, then is gone (404);</li>
 *   <li>CreateMemory and UpdateMemory are idempotent by {@code clientToken}; a second memory with a name in use is a
 *       ValidationException ("already exists"); UpdateMemory adds strategies ({@code CREATING} for
 *       {@link Pace#memoryCreation}) and deletes them ({@code DELETING} for {@link Pace#deletion}), and refuses a memory
 *       that is not {@code ACTIVE} with a ConflictException;</li>
 *   <li>the data plane answers only for an {@code ACTIVE} memory (a ValidationException otherwise), named by id or
 *       ARN; ListEvents lists newest first, with payloads unless {@code includePayloads} is {@code false}, filtered by
 *       branch name and metadata; events older than the memory's {@code eventExpiryDuration} days are gone;
 *       ListSessions lists an actor's sessions newest first, ListActors the actors in order of first event;</li>
 *   <li>long-term records (a stand-in approximation of AWS's model-driven extraction): each {@code USER}
 *       conversational turn of an event (unless {@code extractionMode} is {@code SKIP}) becomes one record per
 *       {@code ACTIVE} strategy, its text the turn's text, in the strategy's namespace with {@code {actorId}},
 *       {@code {sessionId}} and {@code {memoryStrategyId}} filled in, visible {@link Pace#memoryExtraction} after the
 *       event; RetrieveMemoryRecords filters by namespace prefix (and strategy) and ranks by term overlap (the share
 *       of the query's distinct words found in the record, as {@code score}), dropping records that share no word,
 *       keeping {@code topK} (default 10); ListMemoryRecords lists newest first.</li>
 * </ul>
 * A strategy without namespaces gets {@code /strategies/{memoryStrategyId}/actors/{actorId}} (summaries:
 * {@code .../sessions/{sessionId}}).
 */
public final class MemoryStandIn {

    /** The model's strategy input members and the {@code MemoryStrategyType} each creates. */
    private static final Map<String, String> STRATEGY_TYPES = Map.of("semanticMemoryStrategy", "SEMANTIC",
            "summaryMemoryStrategy", "SUMMARIZATION", "userPreferenceMemoryStrategy", "USER_PREFERENCE",
            "customMemoryStrategy", "CUSTOM", "episodicMemoryStrategy", "EPISODIC");
    private static final int DEFAULT_TOP_K = 10;

    private final String region;
    private final String accountId;
    private final Pace pace;
    private final StandInClock clock;
    private final Map<String, MutableMemory> memories = new LinkedHashMap<>();
    private final Map<String, JsonNode> idempotentResponses = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private String createFailure;
    /** The route table: each operation Memory serves, control plane then data plane, by its model name. */
    private final Map<String, Operation> operations = Map.ofEntries(
            Map.entry("CreateMemory", (input, labels) -> Reply.json(202, idempotent("CreateMemory", input,
                    () -> createMemory(input)))),
            Map.entry("GetMemory", (input, labels) -> Reply.json(200,
                    memoryResponse(existing(labels.get("memoryId"))))),
            Map.entry("ListMemories", (input, labels) -> Reply.json(200, BodyPaging.page(input, 100, "memories",
                    memories.values().stream().map(this::summary).toList()))),
            Map.entry("UpdateMemory", (input, labels) -> Reply.json(202, idempotent("UpdateMemory"
                    + labels.get("memoryId"), input, () -> updateMemory(existing(labels.get("memoryId")), input)))),
            Map.entry("DeleteMemory", (input, labels) -> Reply.json(202,
                    deleteMemory(existing(labels.get("memoryId"))))),
            Map.entry("CreateEvent", onActiveMemory(201, (memory, input, labels) -> Json.object()
                    .set("event", eventJson(createEvent(memory, input), true)))),
            Map.entry("GetEvent", onActiveMemory(200, (memory, input, labels) -> Json.object()
                    .set("event", eventJson(existingEvent(memory, labels), true)))),
            Map.entry("ListEvents", onActiveMemory(200, (memory, input, labels) -> listEvents(memory, input, labels))),
            Map.entry("DeleteEvent", onActiveMemory(200, (memory, input, labels) -> deleteEvent(memory, labels))),
            Map.entry("ListSessions", onActiveMemory(200, (memory, input, labels) -> listSessions(memory, input,
                    labels.get("actorId")))),
            Map.entry("ListActors", onActiveMemory(200, (memory, input, labels) -> listActors(memory, input))),
            Map.entry("RetrieveMemoryRecords", onActiveMemory(200, (memory, input, labels) -> retrieve(memory, input))),
            Map.entry("ListMemoryRecords", onActiveMemory(200, (memory, input, labels) -> listRecords(memory, input))),
            Map.entry("GetMemoryRecord", onActiveMemory(200, (memory, input, labels) -> Json.object()
                    .set("memoryRecord", recordJson(existingRecord(memory, labels.get("memoryRecordId")), null)))),
            Map.entry("DeleteMemoryRecord", onActiveMemory(200, (memory, input, labels) -> deleteRecord(memory,
                    labels))));

    MemoryStandIn(String region, String accountId, Pace pace, StandInClock clock) {
        this.region = region;
        this.accountId = accountId;
        this.pace = pace;
        this.clock = clock;
    }

    /** The memories, in creation order, as GetMemory would answer now. */
    public synchronized List<StoredMemory> memories() {
        settle();
        return memories.values().stream().map(MutableMemory::snapshot).toList();
    }

    public synchronized Optional<StoredMemory> memory(String id) {
        settle();
        return Optional.ofNullable(memories.get(id)).map(MutableMemory::snapshot);
    }

    public synchronized Optional<StoredMemory> memoryNamed(String name) {
        settle();
        return memories.values().stream().filter(memory -> memory.name.equals(name)).findFirst()
                .map(MutableMemory::snapshot);
    }

    /**
     * Seeds an {@code ACTIVE} memory someone else created (30-day event expiry), with one strategy of each given
     * {@code MemoryStrategyType} ({@code SEMANTIC}, {@code SUMMARIZATION}, {@code USER_PREFERENCE}) under the default
     * namespaces; none for short-term memory only.
     */
    public synchronized StoredMemory seedMemory(String name, String... strategyTypes) {
        Instant now = clock.now();
        MutableMemory memory = new MutableMemory(name, 30, null, Map.of(), now, now, null);
        for (String type : strategyTypes) {
            if (!STRATEGY_TYPES.containsValue(type)) {
                throw new IllegalArgumentException("Not a MemoryStrategyType: " + type + " (one of "
                        + STRATEGY_TYPES.values() + ")");
            }
            memory.strategies.add(new MutableStrategy(type.toLowerCase(Locale.ROOT) + "_strategy", type,
                    defaultNamespace(type), now));
        }
        memories.put(memory.id, memory);
        return memory.snapshot();
    }

    /** Every event of a memory, oldest first, expired ones excluded. */
    public synchronized List<StoredEvent> events(String memoryId) {
        settle();
        return existingForTest(memoryId).events.stream().toList();
    }

    /** The events of one actor's session, oldest first, expired ones excluded. */
    public synchronized List<StoredEvent> events(String memoryId, String actorId, String sessionId) {
        return events(memoryId).stream().filter(event -> event.actorId().equals(actorId)
                && event.sessionId().equals(sessionId)).toList();
    }

    /** The long-term records extracted so far (visible now), oldest first. */
    public synchronized List<StoredRecord> records(String memoryId) {
        settle();
        Instant now = clock.now();
        return existingForTest(memoryId).records.stream().filter(record -> !record.createdAt().isAfter(now)).toList();
    }

    /** The next memory created ends {@code FAILED} with this {@code failureReason}. */
    public synchronized MemoryStandIn failNextCreate(String failureReason) {
        createFailure = failureReason;
        return this;
    }

    /** Deletes a memory behind the caller's back, as someone using the console would: later calls get a 404. */
    public synchronized void deleteBehindOurBack(String memoryId) {
        if (memories.remove(memoryId) == null) {
            throw new IllegalArgumentException("No memory " + memoryId + " in " + memories.keySet());
        }
    }

    /** Whether Memory has an operation of this name, on either plane (its route table, {@link #operations}). */
    boolean serves(String operation) {
        return operations.containsKey(operation);
    }

    synchronized Reply handle(String operation, AwsRequest request, Map<String, String> labels) {
        settle();
        return operations.get(operation).answer(request.json(), labels);
    }

    /** A data-plane operation: it answers {@code status} with what it does to the ACTIVE memory the call names. */
    private Operation onActiveMemory(int status, MemoryOperation operation) {
        return (input, labels) -> Reply.json(status, operation.answer(active(labels.get("memoryId")), input, labels));
    }

    private ObjectNode deleteEvent(MutableMemory memory, Map<String, String> labels) {
        StoredEvent event = existingEvent(memory, labels);
        memory.events.remove(event);
        return Json.object().put("eventId", event.eventId());
    }

    private ObjectNode deleteRecord(MutableMemory memory, Map<String, String> labels) {
        StoredRecord record = existingRecord(memory, labels.get("memoryRecordId"));
        memory.records.remove(record);
        return Json.object().put("memoryRecordId", record.memoryRecordId());
    }

    private static ObjectNode listActors(MutableMemory memory, JsonNode input) {
        return BodyPaging.page(input, 20, "actorSummaries", memory.events.stream().map(StoredEvent::actorId)
                .distinct().map(actor -> Json.object().put("actorId", actor)).toList());
    }

    private JsonNode idempotent(String scope, JsonNode input, Supplier<ObjectNode> call) {
        String token = input.path("clientToken").asText("");
        String key = scope + "|" + token;
        if (!token.isEmpty() && idempotentResponses.containsKey(key)) {
            return idempotentResponses.get(key);
        }
        ObjectNode response = call.get();
        if (!token.isEmpty()) {
            idempotentResponses.put(key, response);
        }
        return response;
    }

    private ObjectNode createMemory(JsonNode input) {
        String name = input.path("name").asText();
        if (memories.values().stream().anyMatch(memory -> memory.name.equals(name))) {
            throw ServiceError.validation("Memory with name " + name + " already exists");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        input.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        Instant now = clock.now();
        MutableMemory memory = new MutableMemory(name, input.path("eventExpiryDuration").asInt(),
                input.path("memoryExecutionRoleArn").asText(null), tags, now, now.plus(pace.memoryCreation()),
                createFailure);
        createFailure = null;
        memory.description = input.path("description").asText(null);
        addStrategies(memory, input.path("memoryStrategies"), now);
        memories.put(memory.id, memory);
        return memoryResponse(memory);
    }

    private ObjectNode updateMemory(MutableMemory memory, JsonNode input) {
        if (memory.status() != MemoryStatus.ACTIVE) {
            throw ServiceError.conflict("Memory " + memory.id + " is in " + memory.status()
                    + " state and cannot be updated until it is ACTIVE");
        }
        Instant now = clock.now();
        if (input.has("description")) {
            memory.description = input.get("description").asText();
        }
        if (input.has("eventExpiryDuration")) {
            memory.eventExpiryDays = input.get("eventExpiryDuration").asInt();
        }
        if (input.has("memoryExecutionRoleArn")) {
            memory.executionRoleArn = input.get("memoryExecutionRoleArn").asText();
        }
        JsonNode changes = input.path("memoryStrategies");
        for (JsonNode deletion : changes.path("deleteMemoryStrategies")) {
            String strategyId = deletion.path("memoryStrategyId").asText();
            MutableStrategy strategy = memory.strategies.stream().filter(s -> s.id.equals(strategyId)).findFirst()
                    .orElseThrow(() -> ServiceError.validation("Memory strategy " + strategyId
                            + " does not exist in memory " + memory.id));
            strategy.deleteAt = now.plus(pace.deletion());
        }
        addStrategies(memory, changes.path("addMemoryStrategies"), now.plus(pace.memoryCreation()));
        memory.updatedAt = now;
        return memoryResponse(memory);
    }

    private void addStrategies(MutableMemory memory, JsonNode inputs, Instant activeAt) {
        for (JsonNode input : inputs) {
            String member = input.fieldNames().next();
            JsonNode strategy = input.get(member);
            String name = strategy.path("name").asText();
            if (memory.strategies.stream().anyMatch(existing -> existing.name.equals(name))) {
                throw ServiceError.validation("Memory strategy name " + name + " is already used in memory "
                        + memory.id);
            }
            String type = STRATEGY_TYPES.get(member);
            JsonNode namespaces = strategy.has("namespaceTemplates") ? strategy.get("namespaceTemplates")
                    : strategy.path("namespaces");
            MutableStrategy created = new MutableStrategy(name, type,
                    namespaces.isEmpty() ? defaultNamespace(type) : namespaces.get(0).asText(), activeAt);
            created.description = strategy.path("description").asText(null);
            memory.strategies.add(created);
        }
    }

    private static String defaultNamespace(String type) {
        return type.equals("SUMMARIZATION") ? "/strategies/{memoryStrategyId}/actors/{actorId}/sessions/{sessionId}"
                : "/strategies/{memoryStrategyId}/actors/{actorId}";
    }

    private ObjectNode deleteMemory(MutableMemory memory) {
        if (memory.deleteAt == null) {
            memory.deleteAt = clock.now().plus(pace.deletion());
        }
        return Json.object().put("memoryId", memory.id).put("status", MemoryStatus.DELETING.name());
    }

    private StoredEvent createEvent(MutableMemory memory, JsonNode input) {
        Instant timestamp = EpochSeconds.read(input.path("eventTimestamp"));
        String actorId = input.path("actorId").asText();
        if (!input.hasNonNull("sessionId")) {
            throw ServiceError.validation("sessionId is required to create a conversational event");
        }
        String sessionId = input.path("sessionId").asText();
        String eventId = String.format("%016d#%s", timestamp.toEpochMilli() * 1000 + sequence.incrementAndGet() % 1000,
                RandomIds.hex(4));
        StoredEvent event = new StoredEvent(memory.id, actorId, sessionId, eventId, timestamp,
                input.path("payload").deepCopy(), input.has("metadata") ? input.get("metadata").deepCopy()
                : Json.object(), input.path("branch").path("name").asText(null));
        memory.events.add(event);
        if (!input.path("extractionMode").asText().equals("SKIP")) {
            extract(memory, event);
        }
        return event;
    }

    /** One record per USER turn and ACTIVE strategy, visible once the extraction delay has passed. */
    private void extract(MutableMemory memory, StoredEvent event) {
        Instant visibleAt = clock.now().plus(pace.memoryExtraction());
        for (JsonNode item : event.payload()) {
            JsonNode turn = item.path("conversational");
            if (!turn.path("role").asText().equals("USER")) {
                continue;
            }
            for (MutableStrategy strategy : memory.strategies) {
                if (strategy.status(clock.now(), MemoryStatus.ACTIVE) == MemoryStatus.ACTIVE) {
                    String namespace = strategy.namespace.replace("{actorId}", event.actorId())
                            .replace("{sessionId}", event.sessionId()).replace("{memoryStrategyId}", strategy.id);
                    memory.records.add(new StoredRecord("mem-" + UUID.randomUUID(), memory.id, strategy.id,
                            namespace, turn.path("content").path("text").asText(), visibleAt));
                }
            }
        }
    }

    private ObjectNode listEvents(MutableMemory memory, JsonNode input, Map<String, String> labels) {
        boolean payloads = input.path("includePayloads").asBoolean(true);
        String branch = input.path("filter").path("branch").path("name").asText(null);
        JsonNode metadataFilters = input.path("filter").path("eventMetadata");
        List<StoredEvent> matching = new ArrayList<>(memory.events.stream()
                .filter(event -> event.actorId().equals(labels.get("actorId"))
                        && event.sessionId().equals(labels.get("sessionId")))
                .filter(event -> branch == null || branch.equals(Optional.ofNullable(event.branch()).orElse("main")))
                .filter(event -> matchesMetadata(event.metadata(), metadataFilters))
                .toList());
        matching.sort(Comparator.comparing(StoredEvent::eventTimestamp).thenComparing(StoredEvent::eventId).reversed());
        return BodyPaging.page(input, 20, "events", matching.stream().map(event -> eventJson(event, payloads)).toList());
    }

    private static boolean matchesMetadata(JsonNode metadata, JsonNode filters) {
        for (JsonNode filter : filters) {
            JsonNode value = metadata.path(filter.path("left").path("metadataKey").asText());
            boolean matches = switch (filter.path("operator").asText()) {
                case "EXISTS" -> !value.isMissingNode();
                case "NOT_EXISTS" -> value.isMissingNode();
                default -> value.equals(filter.path("right").path("metadataValue"));
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode listSessions(MutableMemory memory, JsonNode input, String actorId) {
        Map<String, Instant> started = new LinkedHashMap<>();
        memory.events.stream().filter(event -> event.actorId().equals(actorId))
                .forEach(event -> started.merge(event.sessionId(), event.eventTimestamp(),
                        (first, next) -> first.isBefore(next) ? first : next));
        List<Map.Entry<String, Instant>> newestFirst = new ArrayList<>(started.entrySet());
        newestFirst.sort(Map.Entry.<String, Instant>comparingByValue().reversed());
        return BodyPaging.page(input, 20, "sessionSummaries", newestFirst.stream()
                .map(session -> Json.object().put("sessionId", session.getKey()).put("actorId", actorId)
                        .set("createdAt", EpochSeconds.of(session.getValue())))
                .map(ObjectNode.class::cast).toList());
    }

    private ObjectNode retrieve(MutableMemory memory, JsonNode input) {
        JsonNode criteria = input.path("searchCriteria");
        Set<String> query = terms(criteria.path("searchQuery").asText());
        int topK = criteria.path("topK").asInt(DEFAULT_TOP_K);
        List<ObjectNode> ranked = new ArrayList<>();
        visibleRecords(memory, namespacePrefix(input), criteria.path("memoryStrategyId").asText(null)).stream()
                .map(record -> Map.entry(record, overlap(query, record.text())))
                .filter(scored -> scored.getValue() > 0)
                .sorted(Map.Entry.<StoredRecord, Double>comparingByValue().reversed()
                        .thenComparing(scored -> scored.getKey().createdAt(), Comparator.reverseOrder()))
                .limit(topK)
                .forEach(scored -> ranked.add(recordJson(scored.getKey(), scored.getValue())));
        return BodyPaging.page(input, 100, "memoryRecordSummaries", ranked);
    }

    private ObjectNode listRecords(MutableMemory memory, JsonNode input) {
        List<StoredRecord> records = new ArrayList<>(visibleRecords(memory, namespacePrefix(input),
                input.path("memoryStrategyId").asText(null)));
        records.sort(Comparator.comparing(StoredRecord::createdAt).reversed());
        return BodyPaging.page(input, 20, "memoryRecordSummaries",
                records.stream().map(record -> recordJson(record, null)).toList());
    }

    private static String namespacePrefix(JsonNode input) {
        String namespace = input.has("namespace") ? input.get("namespace").asText()
                : input.path("namespacePath").asText(null);
        if (namespace == null) {
            throw ServiceError.validation("Either namespace or namespacePath is required");
        }
        return namespace;
    }

    private List<StoredRecord> visibleRecords(MutableMemory memory, String namespacePrefix, String strategyId) {
        Instant now = clock.now();
        return memory.records.stream().filter(record -> !record.createdAt().isAfter(now))
                .filter(record -> record.namespace().startsWith(namespacePrefix))
                .filter(record -> strategyId == null || record.strategyId().equals(strategyId)).toList();
    }

    /** The share of the query's distinct words that the text contains: the stand-in's stand-in for semantic search. */
    private static double overlap(Set<String> query, String text) {
        if (query.isEmpty()) {
            return 0;
        }
        Set<String> found = new LinkedHashSet<>(query);
        found.retainAll(terms(text));
        return (double) found.size() / query.size();
    }

    private static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        terms.remove("");
        return terms;
    }

    private ObjectNode eventJson(StoredEvent event, boolean withPayload) {
        ObjectNode json = Json.object().put("memoryId", event.memoryId()).put("actorId", event.actorId())
                .put("sessionId", event.sessionId()).put("eventId", event.eventId());
        json.set("eventTimestamp", EpochSeconds.of(event.eventTimestamp()));
        json.set("payload", withPayload ? event.payload().deepCopy() : Json.MAPPER.createArrayNode());
        if (event.branch() != null) {
            json.putObject("branch").put("name", event.branch());
        }
        if (!event.metadata().isEmpty()) {
            json.set("metadata", event.metadata().deepCopy());
        }
        return json;
    }

    private static ObjectNode recordJson(StoredRecord record, Double score) {
        ObjectNode json = Json.object().put("memoryRecordId", record.memoryRecordId());
        json.putObject("content").put("text", record.text());
        json.put("memoryStrategyId", record.strategyId());
        json.putArray("namespaces").add(record.namespace());
        json.set("createdAt", EpochSeconds.of(record.createdAt()));
        if (score != null) {
            json.put("score", score);
        }
        return json;
    }

    private ObjectNode memoryResponse(MutableMemory memory) {
        return Json.object().set("memory", memory.json());
    }

    private ObjectNode summary(MutableMemory memory) {
        ObjectNode json = Json.object().put("arn", memory.arn()).put("id", memory.id)
                .put("status", memory.status().name());
        json.set("createdAt", EpochSeconds.of(memory.createdAt));
        json.set("updatedAt", EpochSeconds.of(memory.updatedAt));
        return json;
    }

    private StoredEvent existingEvent(MutableMemory memory, Map<String, String> labels) {
        return memory.events.stream().filter(event -> event.eventId().equals(labels.get("eventId"))
                        && event.actorId().equals(labels.get("actorId"))
                        && event.sessionId().equals(labels.get("sessionId"))).findFirst()
                .orElseThrow(() -> ServiceError.notFound("Event " + labels.get("eventId") + " not found"));
    }

    private StoredRecord existingRecord(MutableMemory memory, String recordId) {
        Instant now = clock.now();
        return memory.records.stream().filter(record -> record.memoryRecordId().equals(recordId)
                        && !record.createdAt().isAfter(now)).findFirst()
                .orElseThrow(() -> ServiceError.notFound("Memory record " + recordId + " not found"));
    }

    /** The memory a data-plane call names (by id or ARN), which must be ACTIVE. */
    private MutableMemory active(String memoryIdOrArn) {
        String id = memoryIdOrArn.substring(memoryIdOrArn.lastIndexOf('/') + 1);
        MutableMemory memory = existing(id);
        if (memory.status() != MemoryStatus.ACTIVE) {
            throw ServiceError.validation("Memory " + id + " is in " + memory.status() + " state, not ACTIVE");
        }
        return memory;
    }

    private MutableMemory existing(String memoryId) {
        MutableMemory memory = memories.get(memoryId);
        if (memory == null) {
            throw ServiceError.notFound("Memory " + memoryId + " not found");
        }
        return memory;
    }

    private MutableMemory existingForTest(String memoryId) {
        MutableMemory memory = memories.get(memoryId);
        if (memory == null) {
            throw new IllegalArgumentException("No memory " + memoryId + " in " + memories.keySet());
        }
        return memory;
    }

    /** Lets time do its work: deleted memories and strategies go, events past their expiry go. */
    private void settle() {
        Instant now = clock.now();
        memories.values().removeIf(memory -> memory.deleteAt != null && !now.isBefore(memory.deleteAt));
        for (MutableMemory memory : memories.values()) {
            memory.strategies.removeIf(strategy -> strategy.deleteAt != null && !now.isBefore(strategy.deleteAt));
            Instant oldestKept = now.minus(Duration.ofDays(memory.eventExpiryDays));
            memory.events.removeIf(event -> event.eventTimestamp().isBefore(oldestKept));
        }
    }

    private final class MutableMemory {
        final String id;
        final String name;
        final Map<String, String> tags;
        final Instant createdAt;
        final Instant activeAt;
        final String failureReason;
        final List<MutableStrategy> strategies = new ArrayList<>();
        final List<StoredEvent> events = new ArrayList<>();
        final List<StoredRecord> records = new ArrayList<>();
        String description;
        int eventExpiryDays;
        String executionRoleArn;
        Instant updatedAt;
        Instant deleteAt;

        MutableMemory(String name, int eventExpiryDays, String executionRoleArn, Map<String, String> tags,
                      Instant createdAt, Instant activeAt, String failureReason) {
            this.id = name + "-" + RandomIds.alphanumeric(10);
            this.name = name;
            this.eventExpiryDays = eventExpiryDays;
            this.executionRoleArn = executionRoleArn;
            this.tags = tags;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.activeAt = activeAt;
            this.failureReason = failureReason;
        }

        String arn() {
            return "arn:aws:bedrock-agentcore:" + region + ":" + accountId + ":memory/" + id;
        }

        MemoryStatus status() {
            return MemoryStatus.at(clock.now(), activeAt, deleteAt,
                    failureReason == null ? MemoryStatus.ACTIVE : MemoryStatus.FAILED);
        }

        ObjectNode json() {
            MemoryStatus status = status();
            ObjectNode json = Json.object().put("arn", arn()).put("id", id).put("name", name);
            if (description != null) {
                json.put("description", description);
            }
            if (executionRoleArn != null) {
                json.put("memoryExecutionRoleArn", executionRoleArn);
            }
            json.put("eventExpiryDuration", eventExpiryDays).put("status", status.name());
            if (status == MemoryStatus.FAILED) {
                json.put("failureReason", failureReason);
            }
            json.set("createdAt", EpochSeconds.of(createdAt));
            json.set("updatedAt", EpochSeconds.of(updatedAt));
            ArrayNode array = json.putArray("strategies");
            strategies.forEach(strategy -> array.add(strategy.json(status)));
            return json;
        }

        StoredMemory snapshot() {
            MemoryStatus status = status();
            return new StoredMemory(id, name, arn(), status, status == MemoryStatus.FAILED ? failureReason : null,
                    eventExpiryDays, executionRoleArn, strategies.stream()
                    .map(strategy -> new StoredStrategy(strategy.id, strategy.name, strategy.type,
                            List.of(strategy.namespace), strategy.status(clock.now(), status))).toList(),
                    Map.copyOf(tags), createdAt);
        }
    }

    private final class MutableStrategy {
        final String id;
        final String name;
        final String type;
        final String namespace;
        final Instant activeAt;
        String description;
        Instant deleteAt;

        MutableStrategy(String name, String type, String namespace, Instant activeAt) {
            this.id = name + "-" + RandomIds.alphanumeric(10);
            this.name = name;
            this.type = type;
            this.namespace = namespace;
            this.activeAt = activeAt;
        }

        /** Its own status while it is being added or deleted; otherwise its memory's, which it follows. */
        MemoryStatus status(Instant now, MemoryStatus memoryStatus) {
            return MemoryStatus.at(now, activeAt, deleteAt, memoryStatus);
        }

        ObjectNode json(MemoryStatus memoryStatus) {
            ObjectNode json = Json.object().put("strategyId", id).put("name", name);
            if (description != null) {
                json.put("description", description);
            }
            json.put("type", type);
            json.putArray("namespaces").add(namespace);
            json.putArray("namespaceTemplates").add(namespace);
            json.put("status", status(clock.now(), memoryStatus).name());
            return json;
        }
    }

    /** One operation: its answer to a call's JSON input and URI labels. */
    private interface Operation {
        Reply answer(JsonNode input, Map<String, String> labels);
    }

    /** What a data-plane operation does to the ACTIVE memory its call names. */
    private interface MemoryOperation {
        ObjectNode answer(MutableMemory memory, JsonNode input, Map<String, String> labels);
    }
}
