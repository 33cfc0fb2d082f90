package io.github.agentcore4j.runtime;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stops the agent on SIGTERM (how AgentCore ends a session) and SIGINT (Ctrl-C) before the JVM starts shutting down,
 * then exits. A shutdown hook would race {@code java.util.logging}'s own, which removes every log handler, so the lines
 * logged while in-flight invocations finish would be lost. Where signals cannot be handled, a shutdown hook does it.
 */
final class StopSignals {

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);

    private StopSignals() {
    }

    static void onStop(Runnable stop) {
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    LOG.info(() -> "SIG" + signal.getName() + " received; stopping");
                    stop.run();
                    System.exit(0);
                });
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError signalsUnavailable) {
            LOG.log(Level.FINE, "Signals cannot be handled here; stopping from a shutdown hook", signalsUnavailable);
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "agentcore-shutdown"));
        }
    }
}
