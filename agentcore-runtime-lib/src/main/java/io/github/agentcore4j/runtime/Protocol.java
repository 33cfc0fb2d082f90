package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.util.List;

/**
 * One AgentCore protocol as an app serves it: where AgentCore sends its requests, and the routes that answer them. An
 * app holds the one protocol registered ({@link InvocationEndpoint} for HTTP, {@link AgUiEndpoint},
 * {@link McpEndpoint} or {@link A2aEndpoint}) and knows nothing else of it: at each start the protocol wires itself
 * into the server through a {@link Wiring}. Adding a protocol is one class implementing this.
 */
interface Protocol {

    /** Where AgentCore sends the protocol's requests, unless the app is configured otherwise. */
    Defaults defaults();

    /** Registers the protocol's routes (and WebSocket handler) with a server about to start; runs at every start. */
    void wire(Wiring wiring);

    /** What {@code POST /warmup} sends when the app registered no warmup payloads. */
    default List<?> defaultWarmup() {
        return List.of();
    }

    /** Called once the server listens, with the port it got and the path the protocol's requests arrive on. */
    default void listeningOn(String host, int port, String path) {
    }

    /**
     * @param port the port AgentCore sends the protocol's requests to: 8080, 8000 or 9000
     * @param portVariable the protocol's own port environment variable, read after {@code AGENTCORE_PORT}
     *     ({@code PORT} for HTTP, {@code A2A_PORT} as in the Python SDK), or {@code null} when it has none
     * @param path the path the protocol's requests arrive on
     */
    record Defaults(int port, String portVariable, String path) {
    }

    /**
     * Serves one call of the protocol once it has entered: its {@link RequestContext} is current on this thread and its
     * span open (see {@link InvocationScope}); the span may be renamed or failed, and ends when the call does.
     */
    @FunctionalInterface
    interface Endpoint {
        void serve(HttpCall call, RequestContext context, InvocationSpan span) throws IOException;
    }
}
