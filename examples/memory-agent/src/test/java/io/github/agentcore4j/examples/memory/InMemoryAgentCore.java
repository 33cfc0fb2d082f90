package io.github.agentcore4j.examples.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.CreateEventRequest;
import software.amazon.awssdk.services.bedrockagentcore.model.CreateEventResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.Event;
import software.amazon.awssdk.services.bedrockagentcore.model.GetResourceApiKeyRequest;
import software.amazon.awssdk.services.bedrockagentcore.model.GetResourceApiKeyResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.ListEventsRequest;
import software.amazon.awssdk.services.bedrockagentcore.model.ListEventsResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.MemoryRecordSummary;
import software.amazon.awssdk.services.bedrockagentcore.model.RetrieveMemoryRecordsRequest;
import software.amazon.awssdk.services.bedrockagentcore.model.RetrieveMemoryRecordsResponse;

/**
 * AgentCore Memory and Identity kept in memory, for the agent's unit test: events per memory, actor and session
 * (listed newest first, as the service lists them), long-term records per namespace, and API keys that need a
 * workload access token. The integration test runs the same agent against the AWS stand-in on the wire.
 */
final class InMemoryAgentCore implements BedrockAgentCoreClient {

    private final Map<String, List<Event>> events = new ConcurrentHashMap<>();
    private final Map<String, List<MemoryRecordSummary>> records = new ConcurrentHashMap<>();
    private final Map<String, String> apiKeys = new ConcurrentHashMap<>();
    /** The workload access tokens API keys were asked with. */
    final List<String> workloadTokensSeen = new CopyOnWriteArrayList<>();

    /** Files a long-term record under a namespace, as a memory strategy would after extraction. */
    void addRecord(String namespace, String text) {
        records.computeIfAbsent(namespace, key -> new CopyOnWriteArrayList<>()).add(MemoryRecordSummary.builder()
                .memoryRecordId("r-" + text.hashCode()).content(content -> content.text(text))
                .namespaces(namespace).build());
    }

    void addApiKey(String provider, String key) {
        apiKeys.put(provider, key);
    }

    @Override
    public CreateEventResponse createEvent(Consumer<CreateEventRequest.Builder> build) {
        CreateEventRequest request = CreateEventRequest.builder().applyMutation(build).build();
        Event event = Event.builder().memoryId(request.memoryId()).actorId(request.actorId())
                .sessionId(request.sessionId()).eventId("e-" + System.nanoTime())
                .eventTimestamp(request.eventTimestamp()).payload(request.payload()).build();
        events.computeIfAbsent(key(request.memoryId(), request.actorId(), request.sessionId()),
                k -> new CopyOnWriteArrayList<>()).add(0, event);
        return CreateEventResponse.builder().event(event).build();
    }

    @Override
    public ListEventsResponse listEvents(Consumer<ListEventsRequest.Builder> build) {
        ListEventsRequest request = ListEventsRequest.builder().applyMutation(build).build();
        List<Event> session = events.getOrDefault(key(request.memoryId(), request.actorId(), request.sessionId()),
                List.of());
        return ListEventsResponse.builder()
                .events(new ArrayList<>(session.subList(0, Math.min(session.size(), request.maxResults())))).build();
    }

    @Override
    public RetrieveMemoryRecordsResponse retrieveMemoryRecords(Consumer<RetrieveMemoryRecordsRequest.Builder> build) {
        RetrieveMemoryRecordsRequest request = RetrieveMemoryRecordsRequest.builder().applyMutation(build).build();
        List<MemoryRecordSummary> filed = records.getOrDefault(request.namespace(), List.of());
        return RetrieveMemoryRecordsResponse.builder().memoryRecordSummaries(
                filed.subList(0, Math.min(filed.size(), request.searchCriteria().topK()))).build();
    }

    @Override
    public GetResourceApiKeyResponse getResourceApiKey(Consumer<GetResourceApiKeyRequest.Builder> build) {
        GetResourceApiKeyRequest request = GetResourceApiKeyRequest.builder().applyMutation(build).build();
        workloadTokensSeen.add(request.workloadIdentityToken());
        return GetResourceApiKeyResponse.builder().apiKey(apiKeys.get(request.resourceCredentialProviderName()))
                .build();
    }

    private static String key(String memoryId, String actorId, String sessionId) {
        return memoryId + "/" + actorId + "/" + sessionId;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
