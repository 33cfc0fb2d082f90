package io.github.agentcore4j.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.Conversational;
import software.amazon.awssdk.services.bedrockagentcore.model.Event;
import software.amazon.awssdk.services.bedrockagentcore.model.ListEventsResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.MemoryRecordSummary;
import software.amazon.awssdk.services.bedrockagentcore.model.PayloadType;

/**
 * AgentCore Memory for an agent: the turns of a conversation (short-term memory, one event per turn) and the
 * long-term records AgentCore extracts from them (user preferences, facts, summaries).
 *
 * <pre>{@code
 * AgentMemory memory = AgentMemory.create();   // the memory deploy configured: BEDROCK_AGENTCORE_MEMORY_ID
 * app.entrypoint(Map.class, (payload, context) -> {
 *     List<AgentMemory.Turn> history = memory.lastTurns("user-1", 10);     // this session's last 10 turns
 *     List<AgentMemory.Record> likes = memory.retrieve("user-1", AgentMemory.USER_PREFERENCES, prompt, 3);
 *     ...
 *     memory.addTurn("user-1", AgentMemory.Role.USER, prompt);
 *     memory.addTurn("user-1", AgentMemory.Role.ASSISTANT, answer);
 * });
 * }</pre>
 *
 * <p>The session is the invocation's runtime session ({@link RequestContext#sessionId()}) unless given. The AWS SDK
 * client is made on first use, never at start-up (see {@link LazyAgentCoreClient}), with the SDK's default region,
 * credentials and endpoint settings; every event is dated when it is added. Needs the SDK module
 * {@code software.amazon.awssdk:bedrockagentcore} on the class path.
 *
 * @since 0.2.0
 */
public final class AgentMemory {

    /** The variable deploy sets to the id of the agent's memory (the starter toolkit's name). */
    public static final String MEMORY_ID_VARIABLE = "BEDROCK_AGENTCORE_MEMORY_ID";

    /** The namespace of the user-preference strategy deploy creates for {@code STM_AND_LTM}. */
    public static final String USER_PREFERENCES = "/users/{actorId}/preferences";
    /** The namespace of the semantic (facts) strategy deploy creates for {@code STM_AND_LTM}. */
    public static final String FACTS = "/users/{actorId}/facts";
    /** The namespace of the session-summary strategy deploy creates for {@code STM_AND_LTM}. */
    public static final String SUMMARIES = "/summaries/{actorId}/{sessionId}";

    /** ListEvents answers at most 100 events a page. */
    private static final int PAGE_SIZE = 100;
    /** Bounds the paging of {@link #lastTurns}: a session's turns beyond 1,000 are never read. */
    private static final int MAX_PAGES = 10;

    /** Who said a turn; the values of the service's {@code Role}. */
    public enum Role {
        USER, ASSISTANT, TOOL, OTHER
    }

    /** One turn of a conversation: who said what, and when it was added. */
    public record Turn(Role role, String text, Instant timestamp) {
    }

    /**
     * A long-term memory record.
     *
     * @param id the record's id
     * @param text what AgentCore extracted, e.g. "The user prefers green tea"
     * @param score its relevance to the query; {@code null} when the service gave none
     * @param namespaces the namespaces it is filed under
     */
    public record Record(String id, String text, Double score, List<String> namespaces) {
    }

    private final String memoryId;
    private final Function<String, String> environment;
    private final LazyAgentCoreClient client;

    private AgentMemory(Builder builder) {
        this.memoryId = builder.memoryId;
        this.environment = builder.environment;
        this.client = new LazyAgentCoreClient(builder.clientFactory);
    }

    /** The memory deploy configured ({@value #MEMORY_ID_VARIABLE}), through the SDK's default client. */
    public static AgentMemory create() {
        return builder().build();
    }

    /** A memory of your choice or a client of your own. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The memory id: the one given to the builder, else {@value #MEMORY_ID_VARIABLE}.
     *
     * @throws IllegalStateException when neither is set
     */
    public String memoryId() {
        if (memoryId != null) {
            return memoryId;
        }
        String fromEnvironment = environment.apply(MEMORY_ID_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new IllegalStateException("AgentMemory has no memory id: " + MEMORY_ID_VARIABLE + " is not set. "
                    + "Deploy sets it when the agent has a memory (agentcore.memoryMode STM_ONLY or STM_AND_LTM, or "
                    + "agentcore.memoryId), "
                    + "and run-local/start pass it on once the memory exists; otherwise give one with "
                    + "AgentMemory.builder().memoryId(\"...\")");
        }
        return fromEnvironment;
    }

    /** Adds a turn to the current invocation's session. */
    public void addTurn(String actorId, Role role, String text) {
        addTurn(actorId, currentSessionId(), role, text);
    }

    /** Adds a turn to a session: one {@code CreateEvent} with a conversational payload, dated now. */
    public void addTurn(String actorId, String sessionId, Role role, String text) {
        String memory = memoryId();
        requireText("actorId", actorId);
        requireText("sessionId", sessionId);
        Objects.requireNonNull(role, "role");
        requireText("text", text);
        Conversational turn = Conversational.builder().role(role.name()).content(content -> content.text(text))
                .build();
        client.get().createEvent(request -> request.memoryId(memory).actorId(actorId).sessionId(sessionId)
                .eventTimestamp(Instant.now()).payload(PayloadType.builder().conversational(turn).build()));
    }

    /** The current invocation's session's last {@code count} turns of an actor, oldest first. */
    public List<Turn> lastTurns(String actorId, int count) {
        return lastTurns(actorId, currentSessionId(), count);
    }

    /**
     * A session's last {@code count} turns of an actor, oldest first, ready to put in a prompt. Reads
     * {@code ListEvents} (newest first) page by page until it has them, at most 1,000 events.
     */
    public List<Turn> lastTurns(String actorId, String sessionId, int count) {
        String memory = memoryId();
        requireText("actorId", actorId);
        requireText("sessionId", sessionId);
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        List<Event> events = new ArrayList<>();
        int turnsRead = 0;
        String nextToken = null;
        for (int page = 0; page < MAX_PAGES && turnsRead < count; page++) {
            String token = nextToken;
            int wanted = count - turnsRead;
            ListEventsResponse response = client.get().listEvents(request -> request.memoryId(memory)
                    .actorId(actorId).sessionId(sessionId).includePayloads(true)
                    .maxResults(Math.min(PAGE_SIZE, wanted)).nextToken(token));
            events.addAll(response.events());
            for (Event event : response.events()) {
                turnsRead += (int) event.payload().stream().filter(item -> item.conversational() != null).count();
            }
            nextToken = response.nextToken();
            if (nextToken == null) {
                break;
            }
        }
        // Newest first whatever order the pages came in (equal timestamps keep the service's order).
        events.sort(Comparator.comparing(Event::eventTimestamp, Comparator.nullsLast(Comparator.reverseOrder())));
        List<Turn> newestFirst = new ArrayList<>();
        for (Event event : events) {
            List<PayloadType> payload = event.payload();
            for (int i = payload.size() - 1; i >= 0 && newestFirst.size() < count; i--) {
                Conversational turn = payload.get(i).conversational();
                if (turn != null && turn.content() != null) {
                    newestFirst.add(new Turn(role(turn.roleAsString()), turn.content().text(),
                            event.eventTimestamp()));
                }
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * The long-term records of an actor most relevant to a query ({@code RetrieveMemoryRecords}), best first.
     *
     * @param namespace a namespace such as {@link #USER_PREFERENCES}; {@code {actorId}} and {@code {sessionId}} in
     *     it become the actor and the current invocation's session
     * @param topK how many records at most
     */
    public List<Record> retrieve(String actorId, String namespace, String query, int topK) {
        String memory = memoryId();
        requireText("actorId", actorId);
        requireText("namespace", namespace);
        requireText("query", query);
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, not " + topK);
        }
        String resolved = namespace.replace("{actorId}", actorId);
        if (resolved.contains("{sessionId}")) {
            resolved = resolved.replace("{sessionId}", currentSessionId());
        }
        String inNamespace = resolved;
        List<Record> records = new ArrayList<>();
        for (MemoryRecordSummary summary : client.get().retrieveMemoryRecords(request -> request.memoryId(memory)
                .namespace(inNamespace).searchCriteria(criteria -> criteria.searchQuery(query).topK(topK)))
                .memoryRecordSummaries()) {
            records.add(new Record(summary.memoryRecordId(),
                    summary.content() == null ? null : summary.content().text(), summary.score(),
                    summary.namespaces()));
        }
        return records;
    }

    private static String currentSessionId() {
        String sessionId = RequestContext.current().map(RequestContext::sessionId).orElse(null);
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalStateException("AgentMemory needs a session, and this "
                    + (RequestContext.current().isPresent() ? "invocation has no " + RequestContext.SESSION_ID_HEADER
                            + " header" : "thread runs no invocation")
                    + ". AgentCore Runtime sends one with every invocation (agentcore:invoke too: "
                    + "-Dagentcore.invoke.sessionId); warmup calls have none, so skip memory there, or pass a "
                    + "session id yourself");
        }
        return sessionId;
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    private static Role role(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return Role.OTHER;
    }

    /** Builds an {@link AgentMemory}. */
    public static final class Builder {

        private String memoryId;
        private Function<String, String> environment = System::getenv;
        private Supplier<BedrockAgentCoreClient> clientFactory;

        private Builder() {
        }

        /** The memory to use instead of {@value AgentMemory#MEMORY_ID_VARIABLE}. */
        public Builder memoryId(String memoryId) {
            this.memoryId = memoryId;
            return this;
        }

        /**
         * Makes the client on first use instead of {@code BedrockAgentCoreClient.create()}, e.g. with a region or
         * HTTP client of your own. Called once, lazily; never at start-up.
         */
        public Builder client(Supplier<BedrockAgentCoreClient> factory) {
            this.clientFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Where {@value AgentMemory#MEMORY_ID_VARIABLE} is read; the process environment unless set (tests). */
        Builder environment(Function<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public AgentMemory build() {
            return new AgentMemory(this);
        }
    }
}
