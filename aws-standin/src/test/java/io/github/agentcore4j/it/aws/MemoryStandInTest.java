package io.github.agentcore4j.it.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.Content;
import software.amazon.awssdk.services.bedrockagentcore.model.Conversational;
import software.amazon.awssdk.services.bedrockagentcore.model.Event;
import software.amazon.awssdk.services.bedrockagentcore.model.ListEventsResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.MemoryRecordSummary;
import software.amazon.awssdk.services.bedrockagentcore.model.PayloadType;
import software.amazon.awssdk.services.bedrockagentcore.model.Role;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateMemoryResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.Memory;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.MemoryStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.MemoryStrategyInput;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.MemoryStrategyStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.MemoryStrategyType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

/** AgentCore Memory in the stand-in, driven by the real SDK clients: a memory's life and its events and records. */
class MemoryStandInTest {

    private final AwsStandIn aws = AwsStandIn.builder().start();
    private final BedrockAgentCoreControlClient control = SdkClients.of(aws).control();
    private final BedrockAgentCoreClient data = SdkClients.of(aws).data();

    @AfterEach
    void stop() {
        control.close();
        data.close();
        aws.close();
    }

    @Test
    void memoryIsCreatingUntilItsTimeHasPassedThenActiveWithItsStrategies() {
        aws.pace().memoryCreation(Duration.ofMinutes(3));
        CreateMemoryResponse created = control.createMemory(request -> request.name("chat_memory")
                .eventExpiryDuration(30).memoryStrategies(longTermStrategies()).clientToken("token-1"));
        Memory memory = created.memory();
        assertTrue(memory.id().matches("chat_memory-[a-zA-Z0-9]{10}"), memory.id());
        assertEquals("arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/" + memory.id(), memory.arn());
        assertEquals(MemoryStatus.CREATING, memory.status());
        assertEquals(List.of(MemoryStrategyType.USER_PREFERENCE, MemoryStrategyType.SEMANTIC,
                MemoryStrategyType.SUMMARIZATION), memory.strategies().stream().map(s -> s.type()).toList());
        assertEquals(List.of("/users/{actorId}/preferences"), memory.strategies().get(0).namespaces());
        assertTrue(memory.strategies().get(0).strategyId().matches("preferences-[a-zA-Z0-9]{10}"));

        assertEquals(MemoryStatus.CREATING, control.getMemory(request -> request.memoryId(memory.id())).memory()
                .status());
        aws.clock().advance(Duration.ofMinutes(3));
        Memory active = control.getMemory(request -> request.memoryId(memory.id())).memory();
        assertEquals(MemoryStatus.ACTIVE, active.status());
        assertTrue(active.strategies().stream().allMatch(s -> s.status() == MemoryStrategyStatus.ACTIVE));
        assertEquals(30, active.eventExpiryDuration());

        assertEquals(memory.id(), control.createMemory(request -> request.name("chat_memory").eventExpiryDuration(30)
                .memoryStrategies(longTermStrategies()).clientToken("token-1")).memory().id(), "same token, same memory");
        ValidationException duplicate = assertThrows(ValidationException.class, () -> control.createMemory(request ->
                request.name("chat_memory").eventExpiryDuration(30).clientToken("token-2")));
        assertTrue(duplicate.getMessage().contains("already exists"), duplicate.getMessage());
        assertEquals(List.of(memory.id()), control.listMemories(request -> { }).memories().stream()
                .map(summary -> summary.id()).toList());
        // the stand-in's own MemoryStatus, whose simple name the SDK's import takes in this file
        assertEquals(io.github.agentcore4j.it.aws.MemoryStatus.ACTIVE,
                aws.memory().memoryNamed("chat_memory").orElseThrow().status());
    }

    @Test
    void modelBoundsAndNamesAreEnforced() {
        ValidationException expiry = assertThrows(ValidationException.class, () -> control.createMemory(request ->
                request.name("short").eventExpiryDuration(2)));
        assertTrue(expiry.getMessage().contains("eventExpiryDuration"), expiry.getMessage());
        ValidationException name = assertThrows(ValidationException.class, () -> control.createMemory(request ->
                request.name("has-dash").eventExpiryDuration(30)));
        assertTrue(name.getMessage().contains("'name' failed to satisfy constraint"), name.getMessage());
        assertThrows(ResourceNotFoundException.class, () -> control.getMemory(request -> request
                .memoryId("missing_memory-abcdefghij")));
    }

    @Test
    void strategiesAreAddedAndRemovedAndADeletedMemoryIsDeletingThenGone() {
        aws.pace().memoryCreation(Duration.ofMinutes(1)).deletion(Duration.ofMinutes(1));
        String id = control.createMemory(request -> request.name("stm").eventExpiryDuration(7)).memory().id();
        assertThrows(ConflictException.class, () -> control.updateMemory(request -> request.memoryId(id)
                .memoryStrategies(strategies -> strategies.addMemoryStrategies(longTermStrategies()))));
        aws.clock().advance(Duration.ofMinutes(1));

        Memory updated = control.updateMemory(request -> request.memoryId(id)
                .memoryStrategies(strategies -> strategies.addMemoryStrategies(longTermStrategies()))).memory();
        assertEquals(3, updated.strategies().size());
        assertTrue(updated.strategies().stream().allMatch(s -> s.status() == MemoryStrategyStatus.CREATING));
        aws.clock().advance(Duration.ofMinutes(1));
        String semantic = aws.memory().memory(id).orElseThrow().strategyOfType("SEMANTIC").orElseThrow().strategyId();
        Memory removed = control.updateMemory(request -> request.memoryId(id).memoryStrategies(strategies ->
                strategies.deleteMemoryStrategies(delete -> delete.memoryStrategyId(semantic)))).memory();
        assertEquals(MemoryStrategyStatus.DELETING, removed.strategies().stream()
                .filter(s -> s.strategyId().equals(semantic)).findFirst().orElseThrow().status());
        aws.clock().advance(Duration.ofMinutes(1));
        assertEquals(List.of("USER_PREFERENCE", "SUMMARIZATION"), aws.memory().memory(id).orElseThrow().strategies()
                .stream().map(StoredStrategy::type).toList());

        assertEquals(MemoryStatus.DELETING, control.deleteMemory(request -> request.memoryId(id)).status());
        assertEquals(MemoryStatus.DELETING, control.getMemory(request -> request.memoryId(id)).memory().status());
        aws.clock().advance(Duration.ofMinutes(1));
        assertThrows(ResourceNotFoundException.class, () -> control.getMemory(request -> request.memoryId(id)));
        assertTrue(aws.memory().memories().isEmpty());
    }

    @Test
    void failedCreationReadsFailedWithItsReason() {
        aws.memory().failNextCreate("KMS key not accessible");
        String id = control.createMemory(request -> request.name("doomed").eventExpiryDuration(30)).memory().id();
        Memory failed = control.getMemory(request -> request.memoryId(id)).memory();
        assertEquals(MemoryStatus.FAILED, failed.status());
        assertEquals("KMS key not accessible", failed.failureReason());
    }

    @Test
    void eventsAreListedNewestFirstByActorAndSessionWithPaging() {
        String id = aws.memory().seedMemory("chat").id();
        Instant start = Instant.parse("2026-11-30T10:00:00Z");
        Event first = data.createEvent(request -> request.memoryId(id).actorId("user-1").sessionId("s1")
                .eventTimestamp(start).payload(turn("Hello, I like green tea", Role.USER),
                        turn("Noted!", Role.ASSISTANT))).event();
        assertTrue(first.eventId().matches("[0-9]+#[a-f0-9]+"), first.eventId());
        data.createEvent(request -> request.memoryId(id).actorId("user-1").sessionId("s1")
                .eventTimestamp(start.plusSeconds(5)).payload(turn("What do I like?", Role.USER)));
        data.createEvent(request -> request.memoryId(id).actorId("user-2").sessionId("s9")
                .eventTimestamp(start.plusSeconds(9)).payload(turn("Other user", Role.USER)));

        ListEventsResponse page1 = data.listEvents(request -> request.memoryId(id).actorId("user-1").sessionId("s1")
                .maxResults(1));
        assertEquals("What do I like?", page1.events().get(0).payload().get(0).conversational().content().text());
        assertEquals(start.plusSeconds(5), page1.events().get(0).eventTimestamp());
        ListEventsResponse page2 = data.listEvents(request -> request.memoryId(id).actorId("user-1").sessionId("s1")
                .maxResults(1).nextToken(page1.nextToken()));
        assertEquals(first.eventId(), page2.events().get(0).eventId());
        assertEquals(Role.ASSISTANT, page2.events().get(0).payload().get(1).conversational().role());
        assertNull(page2.nextToken());
        assertTrue(data.listEvents(request -> request.memoryId(id).actorId("user-1").sessionId("s1")
                .includePayloads(false)).events().stream().allMatch(event -> event.payload().isEmpty()));

        assertEquals("Hello, I like green tea", data.getEvent(request -> request.memoryId(id).actorId("user-1")
                .sessionId("s1").eventId(first.eventId())).event().payload().get(0).conversational().content().text());
        assertEquals(List.of("user-1", "user-2"), data.listActors(request -> request.memoryId(id)).actorSummaries()
                .stream().map(actor -> actor.actorId()).toList());
        assertEquals(List.of("s1"), data.listSessions(request -> request.memoryId(id).actorId("user-1"))
                .sessionSummaries().stream().map(session -> session.sessionId()).toList());

        data.deleteEvent(request -> request.memoryId(id).actorId("user-1").sessionId("s1").eventId(first.eventId()));
        assertEquals(2, aws.memory().events(id).size());
        assertThrows(software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException.class,
                () -> data.getEvent(request -> request.memoryId(id).actorId("user-1").sessionId("s1")
                        .eventId(first.eventId())));
    }

    @Test
    void blobPayloadsComeBackAsSentAndMakeNoRecords() {
        StoredMemory memory = aws.memory().seedMemory("blobs", "SEMANTIC");
        Document state = Document.mapBuilder().putString("cart", "3 items").putNumber("total", 42).build();
        data.createEvent(request -> request.memoryId(memory.id()).actorId("user-1").sessionId("s1")
                .eventTimestamp(Instant.now()).payload(PayloadType.fromBlob(state), PayloadType.fromBlob(
                        Document.fromString("just text"))));
        List<PayloadType> payload = data.listEvents(request -> request.memoryId(memory.id()).actorId("user-1")
                .sessionId("s1")).events().get(0).payload();
        assertEquals(state, payload.get(0).blob());
        assertEquals(Document.fromString("just text"), payload.get(1).blob());
        assertEquals("{\"cart\":\"3 items\",\"total\":42}", aws.memory().events(memory.id()).get(0).payload()
                .get(0).path("blob").toString());
        assertTrue(aws.memory().records(memory.id()).isEmpty());
    }

    @Test
    void userTurnsBecomeLongTermRecordsAfterExtractionRankedByTermOverlap() {
        StoredMemory memory = aws.memory().seedMemory("ltm", "USER_PREFERENCE", "SEMANTIC");
        String preferences = memory.strategyOfType("USER_PREFERENCE").orElseThrow().strategyId();
        aws.pace().memoryExtraction(Duration.ofSeconds(60));
        data.createEvent(request -> request.memoryId(memory.arn()).actorId("user-1").sessionId("s1")
                .eventTimestamp(Instant.now()).payload(turn("I prefer window seats on flights", Role.USER),
                        turn("Window seats, noted.", Role.ASSISTANT)));
        data.createEvent(request -> request.memoryId(memory.id()).actorId("user-1").sessionId("s1")
                .eventTimestamp(Instant.now()).payload(turn("My favourite colour is green", Role.USER)));
        String namespace = "/strategies/" + preferences + "/actors/user-1";
        assertTrue(data.retrieveMemoryRecords(request -> request.memoryId(memory.id()).namespace(namespace)
                .searchCriteria(criteria -> criteria.searchQuery("window seats"))).memoryRecordSummaries().isEmpty(),
                "extraction is asynchronous");

        aws.clock().advance(Duration.ofSeconds(60));
        assertEquals(4, aws.memory().records(memory.id()).size(), "two user turns times two strategies");
        List<MemoryRecordSummary> found = data.retrieveMemoryRecords(request -> request.memoryId(memory.id())
                .namespace(namespace).searchCriteria(criteria -> criteria.searchQuery("Which seats on flights?")
                        .topK(5))).memoryRecordSummaries();
        assertEquals(1, found.size());
        assertEquals("I prefer window seats on flights", found.get(0).content().text());
        assertEquals(List.of(namespace), found.get(0).namespaces());
        assertEquals(preferences, found.get(0).memoryStrategyId());
        assertEquals(0.75, found.get(0).score(), 1e-9);
        assertEquals(2, data.retrieveMemoryRecords(request -> request.memoryId(memory.id()).namespace("/strategies")
                .searchCriteria(criteria -> criteria.searchQuery("window").memoryStrategyId(null)))
                .memoryRecordSummaries().size(), "a namespace is a prefix");

        List<MemoryRecordSummary> listed = data.listMemoryRecords(request -> request.memoryId(memory.id())
                .namespace(namespace)).memoryRecordSummaries();
        assertEquals(2, listed.size());
        String recordId = listed.get(0).memoryRecordId();
        assertTrue(recordId.matches("mem-[a-zA-Z0-9-_]{36,46}"), recordId);
        assertEquals(listed.get(0).content().text(), data.getMemoryRecord(request -> request.memoryId(memory.id())
                .memoryRecordId(recordId)).memoryRecord().content().text());
        data.deleteMemoryRecord(request -> request.memoryId(memory.id()).memoryRecordId(recordId));
        assertEquals(3, aws.memory().records(memory.id()).size());
        assertFalse(aws.memory().records(memory.id()).stream()
                .anyMatch(record -> record.memoryRecordId().equals(recordId)));
    }

    @Test
    void dataPlaneChecksTheMemoryAndTheModel() {
        assertThrows(software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException.class,
                () -> data.listActors(request -> request.memoryId("nothing_here-abcdefghij")));
        String id = aws.memory().seedMemory("checked").id();
        var invalid = assertThrows(software.amazon.awssdk.services.bedrockagentcore.model.ValidationException.class,
                () -> data.createEvent(request -> request.memoryId(id).actorId("bad actor!").sessionId("s1")
                        .eventTimestamp(Instant.now()).payload(turn("hi", Role.USER))));
        assertTrue(invalid.getMessage().contains("'actorId' failed to satisfy constraint"), invalid.getMessage());
    }

    private static PayloadType turn(String text, Role role) {
        return PayloadType.fromConversational(Conversational.builder().content(Content.fromText(text)).role(role)
                .build());
    }

    /** The toolkit's long-term strategies: user preferences, semantic facts, session summaries. */
    private static List<MemoryStrategyInput> longTermStrategies() {
        return List.of(
                MemoryStrategyInput.fromUserPreferenceMemoryStrategy(strategy -> strategy.name("preferences")
                        .namespaces("/users/{actorId}/preferences")),
                MemoryStrategyInput.fromSemanticMemoryStrategy(strategy -> strategy.name("facts")
                        .namespaces("/users/{actorId}/facts")),
                MemoryStrategyInput.fromSummaryMemoryStrategy(strategy -> strategy.name("summaries")
                        .namespaces("/summaries/{actorId}/{sessionId}")));
    }
}
