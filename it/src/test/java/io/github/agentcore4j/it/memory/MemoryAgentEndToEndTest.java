package io.github.agentcore4j.it.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.examples.memory.MemoryAgent;
import io.github.agentcore4j.it.aws.AwsStandIn;
import io.github.agentcore4j.it.aws.StoredEvent;
import io.github.agentcore4j.it.aws.WorkloadAccessToken;
import io.github.agentcore4j.it.support.FreePort;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.MemoryStatus;

/**
 * The memory example end to end: the agent in its own JVM, configured only by the environment deploy gives it
 * ({@code BEDROCK_AGENTCORE_MEMORY_ID}, the SDK's standard endpoint, region and credential variables), invoked through
 * the AWS stand-in's InvokeAgentRuntime, calling the stand-in's AgentCore Memory on the wire.
 */
class MemoryAgentEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST_SESSION = "memory-agent-session-0001-0123456789abcdef";
    private static final String SECOND_SESSION = "memory-agent-session-0002-0123456789abcdef";
    private static final Duration AGENT_START = Duration.ofSeconds(60);
    private static final Duration EXTRACTION = Duration.ofMinutes(1);
    private static final String API_KEY = "weather-key-123";

    private StandInRuntime standIn;
    private AwsStandIn aws;
    private BedrockAgentCoreControlClient control;
    private String memoryId;
    private Process agent;
    private Path agentLog;
    private String runtimeArn;

    @BeforeEach
    void start() throws Exception {
        standIn = new StandInRuntime();
        aws = standIn.aws;
        control = standIn.control;
        // AgentCore extracts long-term records a while after the turns; the tests move the stand-in's clock past it.
        aws.pace().memoryExtraction(EXTRACTION);
        memoryId = createMemoryAsDeployDoes();
        int port = FreePort.pick();
        startAgent(port);
        runtimeArn = standIn.deploy("memory_agent", URI.create("http://127.0.0.1:" + port),
                Map.of("BEDROCK_AGENTCORE_MEMORY_ID", memoryId));
    }

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.destroy();
            if (!agent.waitFor(30, TimeUnit.SECONDS)) {
                agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (agentLog != null) {
            Files.deleteIfExists(agentLog);
        }
        standIn.close();
    }

    @Test
    void theSecondTurnOfASessionSeesTheFirst() throws Exception {
        JsonNode first = invoke(FIRST_SESSION, "alice", "{\"prompt\":\"I like green tea\",\"user\":\"alice\"}");
        assertEquals("You said: I like green tea. This is the start of our conversation.",
                first.path("response").asText(), first.toString());

        JsonNode second = invoke(FIRST_SESSION, "alice", "{\"prompt\":\"What do I like?\",\"user\":\"alice\"}");

        assertEquals("You said: What do I like?. Before that you said: I like green tea.",
                second.path("response").asText(), second.toString());
        assertEquals(2, second.path("turnsRemembered").asInt());
        assertEquals("[]", second.path("preferences").toString(), "nothing extracted yet");
        List<String> stored = new ArrayList<>();
        for (StoredEvent event : aws.memory().events(memoryId)) {
            assertEquals("alice", event.actorId());
            assertEquals(FIRST_SESSION, event.sessionId());
            JsonNode turn = event.payload().get(0).path("conversational");
            stored.add(turn.path("role").asText() + ": " + turn.path("content").path("text").asText());
        }
        assertEquals(List.of("USER: I like green tea",
                "ASSISTANT: You said: I like green tea. This is the start of our conversation.",
                "USER: What do I like?",
                "ASSISTANT: You said: What do I like?. Before that you said: I like green tea."), stored);
        assertEquals(4, aws.requests("CreateEvent").size());
        assertNoSecretLogged();
    }

    @Test
    void aNewSessionOfTheSameUserGetsTheLongTermRecord() throws Exception {
        invoke(FIRST_SESSION, "alice", "{\"prompt\":\"I like green tea\",\"user\":\"alice\"}");
        aws.clock().advance(EXTRACTION);

        JsonNode later = invoke(SECOND_SESSION, "alice", "{\"prompt\":\"Which tea do I like?\",\"user\":\"alice\"}");

        assertEquals(0, later.path("turnsRemembered").asInt(), "a new session has no turns yet");
        assertEquals("[\"I like green tea\"]", later.path("preferences").toString(), later.toString());
        assertTrue(later.path("response").asText().endsWith("I remember that: I like green tea."), later.toString());
        JsonNode retrieve = aws.requests("RetrieveMemoryRecords").get(1).request().json();
        assertEquals("/users/alice/preferences", retrieve.path("namespace").asText());
        assertNoSecretLogged();
    }

    @Test
    void fetchesAnApiKeyWithTheWorkloadTokenTheRuntimeHandsIt() throws Exception {
        aws.identity().seedApiKeyProvider("weather", API_KEY);

        JsonNode answer = invoke(FIRST_SESSION, "alice",
                "{\"prompt\":\"Weather?\",\"user\":\"alice\",\"apiKeyProvider\":\"weather\"}");

        // printf weather-key-123 | sha256sum | cut -c1-12
        assertEquals("b707f6998b3b", answer.path("apiKeyFingerprint").asText(), answer.toString());
        WorkloadAccessToken minted = aws.identity().tokens().stream()
                .filter(token -> token.issuedBy().equals("InvokeAgentRuntime")).findFirst().orElseThrow();
        assertEquals("alice", minted.userId(), "minted for the caller's user");
        JsonNode getKey = aws.requests("GetResourceApiKey").get(0).request().json();
        assertEquals(minted.token(), getKey.path("workloadIdentityToken").asText());
        assertEquals("weather", getKey.path("resourceCredentialProviderName").asText());
        String log = agentLog();
        assertFalse(log.contains(API_KEY), "the API key was logged:\n" + log);
        assertFalse(log.contains(minted.token()), "the workload access token was logged:\n" + log);
        assertNoSecretLogged();
    }

    /** As deploy creates it for {@code STM_AND_LTM}: the toolkit's strategies and namespaces, then ACTIVE. */
    private String createMemoryAsDeployDoes() {
        String id = control.createMemory(request -> request.name("memory_agent_mem").eventExpiryDuration(30)
                .memoryStrategies(
                        strategy -> strategy.userPreferenceMemoryStrategy(preference -> preference
                                .name("UserPreferences").namespaces("/users/{actorId}/preferences")),
                        strategy -> strategy.semanticMemoryStrategy(semantic -> semantic
                                .name("SemanticFacts").namespaces("/users/{actorId}/facts")),
                        strategy -> strategy.summaryMemoryStrategy(summary -> summary
                                .name("SessionSummaries").namespaces("/summaries/{actorId}/{sessionId}"))))
                .memory().id();
        for (int read = 0; read < 20; read++) {
            if (control.getMemory(request -> request.memoryId(id)).memory().status() == MemoryStatus.ACTIVE) {
                return id;
            }
        }
        throw new AssertionError("Memory " + id + " did not become ACTIVE within 20 reads");
    }

    /** The agent's JVM with the environment a deployed runtime has, and nothing else. */
    private void startAgent(int port) throws IOException, InterruptedException {
        agentLog = Files.createTempFile("memory-agent", ".log");
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dagentcore.host=127.0.0.1", "-Dagentcore.port=" + port,
                MemoryAgent.class.getName())
                .redirectErrorStream(true).redirectOutput(agentLog.toFile());
        process.environment().putAll(aws.environment());
        process.environment().put("BEDROCK_AGENTCORE_MEMORY_ID", memoryId);
        process.environment().put("BEDROCK_AGENTCORE_MEMORY_NAME", "memory_agent_mem");
        agent = process.start();
        long deadline = System.nanoTime() + AGENT_START.toNanos();
        while (!agentLog().contains("Agent listening")) {
            if (!agent.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("The memory agent did not start:\n" + agentLog());
            }
            Thread.sleep(50);
        }
    }

    private JsonNode invoke(String session, String user, String payload) throws IOException {
        try (ResponseInputStream<InvokeAgentRuntimeResponse> response = standIn.data.invokeAgentRuntime(
                request -> request.agentRuntimeArn(runtimeArn).qualifier("DEFAULT").runtimeSessionId(session).runtimeUserId(user)
                .contentType("application/json").accept("application/json")
                .payload(SdkBytes.fromUtf8String(payload)))) {
            return JSON.readTree(response);
        }
    }

    private void assertNoSecretLogged() throws IOException, InterruptedException {
        // The agent logs an invocation's end just after answering it.
        long deadline = System.nanoTime() + AGENT_START.toNanos();
        while (!agentLog().contains("Invocation completed successfully") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String log = agentLog();
        assertTrue(log.contains("Invocation completed successfully"), log);
        assertFalse(log.contains(AwsStandIn.SECRET_ACCESS_KEY), "the AWS secret key was logged:\n" + log);
    }

    private String agentLog() throws IOException {
        return Files.readString(agentLog, StandardCharsets.UTF_8);
    }
}
