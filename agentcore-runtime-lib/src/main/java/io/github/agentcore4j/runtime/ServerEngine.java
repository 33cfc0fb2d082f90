package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The HTTP server under an {@link AgentServer}: it accepts connections and hands each request over as an {@link HttpCall}. */
interface ServerEngine {

    /** Connections the kernel may queue while the accept loop catches up with a burst of new callers. */
    int BACKLOG = 4096;

    InetSocketAddress address();

    /** Closes the listener and every connection at once; draining is the {@link AgentServer}'s job. */
    void stop();

    /** @param portSettings how the user chooses the port, e.g. {@code -Dagentcore.port=<port>} */
    static IllegalStateException cannotListen(String host, int port, String portSettings, IOException cause) {
        return new IllegalStateException("Cannot listen on " + host + ":" + port + " (" + cause.getMessage()
                + "); is another agent running there? Stop it, or choose another port with " + portSettings, cause);
    }
}
