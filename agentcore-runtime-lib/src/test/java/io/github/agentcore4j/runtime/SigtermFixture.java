package io.github.agentcore4j.runtime;

import java.util.Map;
import java.util.logging.Logger;

/** An agent in its own JVM for {@link ProcessShutdownTest}: sleeps as asked, logging through the agent's logger. */
public final class SigtermFixture {

    private SigtermFixture() {
    }

    public static void main(String[] args) {
        Logger agentLog = Logger.getLogger("fixture.agent");
        AgentCoreApp.create()
                .host("127.0.0.1")
                .entrypoint(Map.class, payload -> {
                    agentLog.info("sleeping");
                    Thread.sleep(((Number) payload.get("sleep_ms")).longValue());
                    return "slept";
                })
                .run();
    }
}
