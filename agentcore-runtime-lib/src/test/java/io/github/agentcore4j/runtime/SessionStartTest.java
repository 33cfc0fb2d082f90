package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionStartTest {

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private AgentCoreApp app() {
        return AgentCoreApp.create()
                .onSessionStart(context -> events.add("start " + context.sessionId()))
                .entrypoint(String.class, (payload, context) -> {
                    events.add("invoke " + context.sessionId() + " " + payload);
                    return "ok";
                })
                .warmup("{\"prompt\":\"warm\"}")
                .warmupLimits(3, java.time.Duration.ofSeconds(30));
    }

    private static HttpResponse<String> invoke(RunningAgent agent, String session, String body) throws Exception {
        return agent.send(agent.invocation(body).header(RequestContext.SESSION_ID_HEADER, session).build());
    }

    @Test
    void runsOncePerSessionBeforeItsFirstInvocationAndNeverForWarmup() throws Exception {
        try (RunningAgent agent = new RunningAgent(app())) {
            assertEquals(200, agent.send(WarmupTest.warmup(agent)).statusCode());
            assertEquals(List.of("invoke null {\"prompt\":\"warm\"}", "invoke null {\"prompt\":\"warm\"}",
                    "invoke null {\"prompt\":\"warm\"}"), events);
            events.clear();

            assertEquals(200, invoke(agent, "s-1", "a").statusCode());
            assertEquals(200, invoke(agent, "s-1", "b").statusCode());
            assertEquals(200, invoke(agent, "s-2", "c").statusCode());
            assertEquals(200, invoke(agent, "s-1", "d").statusCode());

            assertEquals(List.of("start s-1", "invoke s-1 a", "invoke s-1 b", "start s-2", "invoke s-2 c",
                    "invoke s-1 d"), events);
        }
    }

    @Test
    void concurrentFirstInvocationsOfASessionWaitForItsOneStart() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        CountDownLatch startEntered = new CountDownLatch(1);
        CountDownLatch releaseStart = new CountDownLatch(1);
        List<Integer> startsSeenByHandler = Collections.synchronizedList(new ArrayList<>());
        AgentCoreApp app = AgentCoreApp.create()
                .onSessionStart(context -> {
                    startEntered.countDown();
                    releaseStart.await(30, TimeUnit.SECONDS);
                    starts.incrementAndGet();
                })
                .entrypoint(String.class, payload -> {
                    startsSeenByHandler.add(starts.get());
                    return payload;
                });
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (RunningAgent agent = new RunningAgent(app)) {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(callers.submit(() -> invoke(agent, "s-1", "x")));
            }
            startEntered.await(30, TimeUnit.SECONDS);
            releaseStart.countDown();
            for (Future<HttpResponse<String>> call : calls) {
                assertEquals(200, call.get(30, TimeUnit.SECONDS).statusCode());
            }
            assertEquals(1, starts.get());
            assertEquals(List.of(1, 1, 1, 1), startsSeenByHandler);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedStartAnswers500AndIsTriedAgainOnTheSessionsNextInvocation() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AgentCoreApp app = AgentCoreApp.create()
                .onSessionStart(context -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("credentials not ready");
                    }
                })
                .entrypoint(String.class, payload -> "handled " + payload);
        try (RunningAgent agent = new RunningAgent(app)) {
            HttpResponse<String> failed = invoke(agent, "s-1", "a");
            assertEquals(500, failed.statusCode());
            assertEquals("{\"error\":\"Session start failed\",\"details\":\"credentials not ready\"}", failed.body());
            HttpResponse<String> retried = invoke(agent, "s-1", "b");
            assertEquals(200, retried.statusCode());
            assertEquals("\"handled b\"", retried.body());
            assertEquals(2, attempts.get());
        }
    }

    @Test
    void aCallerCannotPassForAWarmupCall() throws Exception {
        try (RunningAgent agent = new RunningAgent(app())) {
            HttpResponse<String> forged = agent.send(agent.invocation("x")
                    .header(RequestContext.SESSION_ID_HEADER, "s-9").header(Warmup.TOKEN_HEADER, "guess").build());
            assertEquals(200, forged.statusCode());
            assertEquals(List.of("start s-9", "invoke s-9 x"), events);
            assertEquals(409, agent.send(WarmupTest.warmup(agent)).statusCode());
        }
    }
}
