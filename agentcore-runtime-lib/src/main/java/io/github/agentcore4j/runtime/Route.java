package io.github.agentcore4j.runtime;

import java.io.IOException;

/**
 * One method on one path of an agent's server. Work routes (invocations, MCP and A2A calls) count as in flight,
 * so a stopping server lets them finish and refuses new ones; the others (ping, agent card) always answer.
 */
record Route(String method, String path, Handler handler, boolean work) {

    @FunctionalInterface
    interface Handler {
        void handle(HttpCall call) throws IOException;
    }

    static Route work(String method, String path, Handler handler) {
        return new Route(method, path, handler, true);
    }

    static Route info(String method, String path, Handler handler) {
        return new Route(method, path, handler, false);
    }
}
