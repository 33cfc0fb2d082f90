package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ConcurrencyAndShutdownTest {

    @Test
    void aThousandBlockedInvocationsEachRunOnTheirOwnThreadWhilePingKeepsAnswering() throws Exception {
        int invocations = 1000;
        AtomicInteger inside = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> {
            inside.incrementAndGet();
            return release.await(120, TimeUnit.SECONDS) ? "done" : "never released";
        });
        try (RunningAgent agent = new RunningAgent(app)) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < invocations; i++) {
                responses.add(agent.client.sendAsync(agent.invocation("{}").build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // Every one of them is inside the handler at once: none waits for a free thread.
            awaitTrue(() -> inside.get() == invocations, Duration.ofSeconds(120));

            HttpResponse<String> ping = agent.ping();
            assertEquals(200, ping.statusCode());
            assertTrue(ping.body().contains("\"Healthy\""), "ordinary invocations do not make the agent busy");

            release.countDown();
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                HttpResponse<String> done = response.get(120, TimeUnit.SECONDS);
                assertEquals(200, done.statusCode());
                assertEquals("\"done\"", done.body());
            }
        } finally {
            release.countDown();
        }
    }

    @Test
    void stoppingRefusesNewInvocationsAndLetsThoseInFlightFinish() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> {
            if (payload.containsKey("slow")) {
                started.countDown();
                release.await(60, TimeUnit.SECONDS);
                return "finished";
            }
            return "quick";
        });
        RunningAgent agent = new RunningAgent(app);
        try {
            CompletableFuture<HttpResponse<String>> inFlight = agent.client.sendAsync(
                    agent.invocation("{\"slow\":true}").build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(started.await(30, TimeUnit.SECONDS));

            Thread stopper = new Thread(() -> agent.server.stop(Duration.ofSeconds(60)));
            stopper.start();
            awaitTrue(() -> statusOf(agent) == 503, Duration.ofSeconds(30));
            assertTrue(stopper.isAlive(), "stop waits for the invocation in flight");

            release.countDown();
            HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, finished.statusCode());
            assertEquals("\"finished\"", finished.body());
            stopper.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(stopper.isAlive(), "stop returns once nothing is in flight");
            assertThrows(IOException.class, agent::ping, "the server no longer listens");
        } finally {
            release.countDown();
            agent.close();
        }
    }

    @Test
    void stoppingGivesUpOnInvocationsThatOutliveTheGrace() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "cut short";
        });
        RunningAgent agent = new RunningAgent(app);
        agent.client.sendAsync(agent.invocation("{}").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(started.await(30, TimeUnit.SECONDS));

        agent.server.stop(Duration.ofMillis(100));

        assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the stuck invocation was interrupted");
    }

    private static int statusOf(RunningAgent agent) {
        try {
            return agent.invoke("{}").statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(10);
        }
    }
}
