package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.UnaryOperator;

/** The HTTP server under an {@link AgentServer}: it accepts connections and hands each request over as an {@link HttpCall}. */
interface ServerEngine {

    /** Connections the kernel may queue while the accept loop catches up with a burst of new callers. */
    int BACKLOG = 4096;

    InetSocketAddress address();

    /** Where handlers run, for the start-up line: the engine decides, and the two differ. */
    String handlerThreads();

    /** Closes the listener and every connection at once; draining is the {@link AgentServer}'s job. */
    void stop();

    /** Which engine serves an agent without a WebSocket handler: {@code jdk} (the default) or {@code jetty}. */
    String ENGINE_PROPERTY = "agentcore.engine";
    String ENGINE_VARIABLE = "AGENTCORE_ENGINE";

    /**
     * Whether the user chose Jetty for plain HTTP: it costs about half the JDK server's CPU per request, but adds
     * about 180 ms of CPU to the cold start, which every new session pays on platform V1 (see the Performance page).
     */
    static boolean jettyChosen(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String fromProperty = properties.apply(ENGINE_PROPERTY);
        String value = fromProperty != null ? fromProperty : environment.apply(ENGINE_VARIABLE);
        String setting = fromProperty != null ? "-D" + ENGINE_PROPERTY : "the environment variable " + ENGINE_VARIABLE;
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("jdk")) {
            return false;
        }
        if (!value.trim().equalsIgnoreCase("jetty")) {
            throw new IllegalArgumentException(setting + " is '" + value + "': it must be jdk or jetty; remove it "
                    + "to use the JDK's HTTP server");
        }
        try {
            Class.forName("org.eclipse.jetty.server.Server", false, ServerEngine.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException(setting + " is jetty, but Jetty is not on the classpath: add the "
                    + "dependency org.eclipse.jetty:jetty-server, or remove the setting", missing);
        }
        return true;
    }

    /** @param portSettings how the user chooses the port, e.g. {@code -Dagentcore.port=<port>} */
    static IllegalStateException cannotListen(String host, int port, String portSettings, IOException cause) {
        return new IllegalStateException("Cannot listen on " + host + ":" + port + " (" + cause.getMessage()
                + "); is another agent running there? Stop it, or choose another port with " + portSettings, cause);
    }
}
