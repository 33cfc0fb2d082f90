package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AgentMemory}'s calls as they reach the wire: method, path, JSON body and SigV4 headers. */
class AgentMemoryTest {

    private static final String SESSION = "session-0123456789-0123456789-0123";

    private FakeAgentCoreService service;
    private AgentMemory memory;

    @BeforeEach
    void start() throws Exception {
        service = new FakeAgentCoreService();
        memory = AgentMemory.builder().memoryId("mem-1").client(service.clientFactory()).build();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    /** Runs {@code work} as an invocation of {@link #SESSION} would. */
    private static <T> T inSession(java.util.function.Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        RequestContext.fromHeaders(Map.of(RequestContext.SESSION_ID_HEADER, SESSION))
                .runWith(() -> result.set(work.get()));
        return result.get();
    }

    @Test
    void addsATurnAsOneSignedCreateEventDatedAtCallTime() throws Exception {
        service.answer("/memories/mem-1/events", "{\"event\":{\"memoryId\":\"mem-1\",\"actorId\":\"user-1\","
                + "\"sessionId\":\"" + SESSION + "\",\"eventId\":\"e-1\",\"eventTimestamp\":1,\"payload\":[]}}");
        Instant before = Instant.now().minusSeconds(1);
        inSession(() -> {
            memory.addTurn("user-1", AgentMemory.Role.USER, "I like green tea");
            return null;
        });
        Instant after = Instant.now().plusSeconds(1);

        FakeAgentCoreService.Request request = service.requests.get(0);
        assertEquals("POST", request.method());
        assertEquals("/memories/mem-1/events", request.path());
        Map<String, Object> body = request.json();
        assertEquals("user-1", body.get("actorId"));
        assertEquals(SESSION, body.get("sessionId"));
        assertEquals(List.of(Map.of("conversational", Map.of("content", Map.of("text", "I like green tea"),
                "role", "USER"))), body.get("payload"));
        Instant stamped = Instant.ofEpochMilli(Math.round(((Number) body.get("eventTimestamp")).doubleValue() * 1000));
        assertTrue(!stamped.isBefore(before) && !stamped.isAfter(after), "eventTimestamp " + stamped);
        assertTrue(request.header("Authorization").startsWith("AWS4-HMAC-SHA256 Credential="
                + FakeAgentCoreService.ACCESS_KEY_ID + "/"), request.header("Authorization"));
        assertTrue(request.header("Authorization").contains("/" + FakeAgentCoreService.REGION
                + "/bedrock-agentcore/aws4_request"), request.header("Authorization"));
        assertTrue(request.header("X-Amz-Date") != null && request.header("Content-Type").startsWith(
                "application/json"), request.headers().toString());
    }

    @Test
    void readsTheLastTurnsNewestFirstPageByPageAndReturnsThemOldestFirst() throws Exception {
        service.answer("/memories/mem-1/actor/user-1/sessions/" + SESSION,
                "{\"events\":[" + event("e-4", 40, "ASSISTANT", "Green tea it is") + ","
                        + event("e-3", 30, "USER", "Something warm") + "],\"nextToken\":\"page-2\"}",
                "{\"events\":[" + event("e-2", 20, "ASSISTANT", "What would you like?") + ","
                        + event("e-1", 10, "USER", "Hello") + "],\"nextToken\":\"page-3\"}");

        List<AgentMemory.Turn> turns = inSession(() -> memory.lastTurns("user-1", 3));

        assertEquals(List.of(
                new AgentMemory.Turn(AgentMemory.Role.ASSISTANT, "What would you like?", Instant.ofEpochSecond(20)),
                new AgentMemory.Turn(AgentMemory.Role.USER, "Something warm", Instant.ofEpochSecond(30)),
                new AgentMemory.Turn(AgentMemory.Role.ASSISTANT, "Green tea it is", Instant.ofEpochSecond(40))),
                turns);
        assertEquals(2, service.requests.size(), "stops paging once it has the turns");
        FakeAgentCoreService.Request first = service.requests.get(0);
        assertEquals("POST", first.method());
        assertEquals(Map.of("includePayloads", true, "maxResults", 3), first.json());
        assertEquals(Map.of("includePayloads", true, "maxResults", 1, "nextToken", "page-2"),
                service.requests.get(1).json());
    }

    @Test
    void retrievesLongTermRecordsInTheActorsNamespace() throws Exception {
        service.answer("/memories/mem-1/retrieve", "{\"memoryRecordSummaries\":[{\"memoryRecordId\":\"r-1\","
                + "\"content\":{\"text\":\"Prefers green tea\"},\"memoryStrategyId\":\"pref-1\","
                + "\"namespaces\":[\"/users/user-1/preferences\"],\"createdAt\":5,\"score\":0.9}]}");

        List<AgentMemory.Record> records = memory.retrieve("user-1", AgentMemory.USER_PREFERENCES, "drinks", 3);

        assertEquals(List.of(new AgentMemory.Record("r-1", "Prefers green tea", 0.9,
                List.of("/users/user-1/preferences"))), records);
        FakeAgentCoreService.Request request = service.requests.get(0);
        assertEquals("/memories/mem-1/retrieve", request.path());
        assertEquals(Map.of("namespace", "/users/user-1/preferences",
                "searchCriteria", Map.of("searchQuery", "drinks", "topK", 3)), request.json());
    }

    @Test
    void makesItsClientOnFirstUseAndKeepsIt() {
        service.answer("/memories/mem-1/retrieve", "{\"memoryRecordSummaries\":[]}");
        assertEquals(0, service.clientsMade.get(), "no client at start-up");
        assertThrows(IllegalStateException.class, () -> memory.lastTurns("user-1", 1), "no session here");
        assertEquals(0, service.clientsMade.get(), "a refused call makes no client");

        memory.retrieve("user-1", "/facts", "q", 1);
        memory.retrieve("user-1", "/facts", "q", 1);

        assertEquals(1, service.clientsMade.get());
        assertEquals(2, service.requests.size());
    }

    @Test
    void readsTheMemoryIdFromTheVariableDeploySets() {
        AgentMemory fromEnvironment = AgentMemory.builder().client(service.clientFactory())
                .environment(Map.of(AgentMemory.MEMORY_ID_VARIABLE, "mem-env")::get).build();
        assertEquals("mem-env", fromEnvironment.memoryId());
        assertEquals("mem-1", memory.memoryId(), "a given id wins");
    }

    @Test
    void namesTheVariableWhenTheMemoryIdIsMissing() {
        AgentMemory unset = AgentMemory.builder().client(service.clientFactory()).environment(name -> null).build();
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> inSession(() -> unset.lastTurns("user-1", 5)));
        assertTrue(missing.getMessage().contains("BEDROCK_AGENTCORE_MEMORY_ID is not set"), missing.getMessage());
        assertTrue(missing.getMessage().contains("memoryId"), missing.getMessage());
        assertEquals(0, service.clientsMade.get());
    }

    @Test
    void namesTheSessionHeaderWhenTheInvocationHasNoSession() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        RequestContext.fromHeaders(Map.of()).runWith(() -> failure.set(assertThrows(IllegalStateException.class,
                () -> memory.addTurn("user-1", AgentMemory.Role.USER, "hi"))));
        assertTrue(failure.get().getMessage().contains("invocation has no "
                + RequestContext.SESSION_ID_HEADER + " header"), failure.get().getMessage());
        assertTrue(service.requests.isEmpty());
    }

    private static String event(String id, long epochSeconds, String role, String text) {
        return "{\"memoryId\":\"mem-1\",\"actorId\":\"user-1\",\"sessionId\":\"" + SESSION + "\",\"eventId\":\""
                + id + "\",\"eventTimestamp\":" + epochSeconds + ",\"payload\":[{\"conversational\":{\"content\":"
                + "{\"text\":\"" + text + "\"},\"role\":\"" + role + "\"}}]}";
    }
}
