package io.github.agentcore4j.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * An agent in its own JVM for the tests that need one (a small heap, JDK-wide server settings, SIGTERM):
 * {@code echo} binds each payload and answers the length of its {@code text}; {@code stream} sends an event every
 * 100 ms until the caller leaves or the agent stops. {@code -Dfixture.grace=<ms>} sets the shutdown grace;
 * {@code -Dagentcore.test.engine=jetty} runs it on Jetty.
 */
public final class HardeningFixture {

    private HardeningFixture() {
    }

    public static void main(String[] args) {
        AgentCoreApp app = AgentCoreApp.create().host("127.0.0.1")
                .shutdownGrace(Duration.ofMillis(Long.getLong("fixture.grace", 10_000)));
        if ("jetty".equals(System.getProperty(RunningAgent.ENGINE_PROPERTY))) {
            app.websocket(new WebSocketHandler() {
            });
        }
        if (args.length > 0 && args[0].equals("stream")) {
            app.entrypoint(Map.class, (StreamingHandler<Map>) (payload, context, events) -> {
                for (int n = 0; ; n++) {
                    events.send(Map.of("n", n));
                    Thread.sleep(100);
                }
            });
        } else {
            app.entrypoint(Map.class, payload -> ((String) payload.get("text")).length());
        }
        app.run();
    }
}
