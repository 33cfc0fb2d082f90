package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A caller that sends half a request loses its connection after the request read timeout (2 s here), on the JDK
 * engine and on Jetty; without it, each such caller held a connection and a thread for good.
 */
class ReadTimeoutTest {

    @Test
    void halfAHeadOrHalfABodyIsCutAfterTheReadTimeout() throws Exception {
        for (String engine : new String[] {"jdk", "jetty"}) {
            try (AgentProcess agent = new AgentProcess(List.of("-Dagentcore.requestReadTimeout=2",
                    "-D" + RunningAgent.ENGINE_PROPERTY + "=" + engine), "echo")) {
                if (engine.equals("jdk")) {
                    assertCut(agent, "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Le");
                }
                assertCut(agent, "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"text\":");
            }
        }
    }

    /** The server closes the connection (end of stream or reset) well before the socket's own 30 s timeout. */
    private static void assertCut(AgentProcess agent, String partial) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", agent.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(partial.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            try {
                in.readAllBytes();
            } catch (java.net.SocketException reset) {
                // Also a cut.
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertEquals(true, seconds < 15, "cut after " + seconds + " s");
        }
    }
}
