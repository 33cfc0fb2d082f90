package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmupTest {

    record Question(String prompt) {
    }

    static HttpRequest warmup(RunningAgent agent) {
        return HttpRequest.newBuilder(agent.uri(Warmup.DEFAULT_PATH)).timeout(RunningAgent.TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    @Test
    void runsTheEntrypointWithTheWarmupPayloadsForTheRoundsAsked() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        AgentCoreApp app = AgentCoreApp.create()
                .entrypoint(Question.class, (question, context) -> {
                    seen.add(question.prompt() + " " + context.requestId());
                    return Map.of("answer", question.prompt());
                })
                .warmup(new Question("one"), "{\"prompt\":\"two\"}")
                .warmupLimits(2, Duration.ofSeconds(30));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> warmed = agent.send(warmup(agent));
            assertEquals(200, warmed.statusCode());
            assertTrue(warmed.body().matches("\\{\"rounds\":2,\"calls\":4,\"failures\":0,\"seconds\":\"\\d+\\.\\d{3}\"}"),
                    warmed.body());
            // Each call's id is drawn afresh, as a real invocation's: warmup-<round>-<uuid>.
            String uuid = "-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
            List<String> expected = List.of("one warmup-1", "two warmup-1", "one warmup-2", "two warmup-2");
            assertEquals(expected.size(), seen.size(), seen.toString());
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(seen.get(i).matches(expected.get(i) + uuid), seen.get(i));
            }
            assertEquals(4, seen.stream().distinct().count(), "every warmup call has its own request id");
        }
    }

    @Test
    void warmsAgentsOnJettyToo() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AgentCoreApp app = AgentCoreApp.create()
                .entrypoint(String.class, payload -> "seen " + calls.incrementAndGet())
                .websocket(new WebSocketHandler() {
                })
                .warmup("one")
                .warmupLimits(9, Duration.ofSeconds(30));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> warmed = agent.send(warmup(agent));
            assertEquals(200, warmed.statusCode());
            assertTrue(warmed.body().startsWith("{\"rounds\":9,\"calls\":9,\"failures\":0,"), warmed.body());
            assertEquals(9, calls.get());
        }
    }

    @Test
    void stopsWhenItsTimeBudgetIsSpentAndCountsFailures() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AgentCoreApp app = AgentCoreApp.create()
                .entrypoint(String.class, payload -> {
                    calls.incrementAndGet();
                    Thread.sleep(20);
                    throw new InvocationException(503, "model stubbed out");
                })
                .warmup(() -> "fresh")
                .warmupLimits(1_000_000, Duration.ofMillis(200));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> warmed = agent.send(warmup(agent));
            assertEquals(200, warmed.statusCode());
            Map<?, ?> done = (Map<?, ?>) Json.read(warmed.body(), Map.class);
            int rounds = ((Number) done.get("rounds")).intValue();
            assertTrue(rounds >= 1 && rounds < 1_000_000, warmed.body());
            assertEquals(calls.get(), ((Number) done.get("failures")).intValue());
            assertEquals(rounds, calls.get());
        }
    }

    @Test
    void answers200WithoutPayloadsAndIsRefusedOnceASessionHasStarted() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(String.class, payload -> payload);
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> nothing = agent.send(warmup(agent));
            assertEquals(200, nothing.statusCode());
            assertTrue(nothing.body().startsWith("{\"rounds\":1,\"calls\":0,\"failures\":0,"), nothing.body());

            assertEquals(200, agent.invoke("real").statusCode());

            HttpResponse<String> refused = agent.send(warmup(agent));
            assertEquals(409, refused.statusCode());
            assertEquals("{\"error\":\"Warmup refused\",\"details\":\"A session has started; warmup runs only before "
                    + "the first session, when the snapshot is taken\"}", refused.body());
        }
    }

    @Test
    void mcpServersWarmToolsListByDefault() throws Exception {
        AtomicInteger listed = new AtomicInteger();
        AgentCoreApp app = AgentCoreApp.create().mcpServer(transport -> McpServer.sync(transport)
                        .serverInfo("warm-tools", "1.0.0")
                        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                        .build())
                .warmupLimits(5, Duration.ofSeconds(30));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> warmed = agent.send(warmup(agent));
            assertEquals(200, warmed.statusCode());
            assertTrue(warmed.body().startsWith("{\"rounds\":5,\"calls\":5,\"failures\":0,"), warmed.body());
        }
    }

    @Test
    void a2aAgentsWarmWithTheirPayloads() throws Exception {
        AtomicInteger messages = new AtomicInteger();
        AgentCoreApp app = AgentCoreApp.create()
                .a2aAgent(A2aAgent.named("warm").onMessage((message, context) -> {
                    messages.incrementAndGet();
                    return "hi " + message.text();
                }))
                .warmup("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{"
                        + "\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"warm\"}],\"messageId\":\"m\"}}}")
                .warmupLimits(3, Duration.ofSeconds(30));
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> warmed = agent.send(warmup(agent));
            assertEquals(200, warmed.statusCode());
            assertTrue(warmed.body().startsWith("{\"rounds\":3,\"calls\":3,\"failures\":0,"), warmed.body());
            assertEquals(3, messages.get());
        }
    }
}
