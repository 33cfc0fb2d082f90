package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK's WebSocket client against {@code /ws}, which shares the port with {@code /invocations} and {@code /ping}. */
class WebSocketTest {

    private RunningAgent agent;

    @BeforeEach
    void start() {
        agent = new RunningAgent(AgentCoreApp.create()
                .entrypoint(Map.class, payload -> Map.of("via", "http"))
                .websocket(new WebSocketHandler() {
                    @Override
                    public void onOpen(WebSocketSession session) throws Exception {
                        session.sendText("hello " + session.context().sessionId());
                    }

                    @Override
                    public void onText(WebSocketSession session, String message) throws Exception {
                        switch (message) {
                            case "fail" -> throw new IllegalStateException("the handler failed");
                            case "context" -> {
                                RequestContext current = RequestContext.current().orElseThrow();
                                session.sendText(current.sessionId() + "|" + current.requestHeaders()
                                        .get("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Team") + "|"
                                        + current.requestHeaders().get("x-amzn-bedrock-agentcore-runtime-custom-env"));
                            }
                            case "bye" -> session.close(WebSocketSession.NORMAL, "bye");
                            default -> session.sendText("echo: " + message);
                        }
                    }

                    @Override
                    public void onBinary(WebSocketSession session, ByteBuffer message) throws Exception {
                        ByteBuffer reversed = ByteBuffer.allocate(message.remaining());
                        for (int i = message.limit() - 1; i >= message.position(); i--) {
                            reversed.put(message.get(i));
                        }
                        session.sendBinary(reversed.flip());
                    }
                }));
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    /** Records what the server sends: text and binary messages, and the close code with its reason. */
    private static final class Recorder implements WebSocket.Listener {

        final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            received.add(bytes);
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }

        Object next() throws InterruptedException {
            Object message = received.poll(RunningAgent.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("No message within " + RunningAgent.TIMEOUT);
            }
            return message;
        }

        String closeCode() throws Exception {
            return closed.get(RunningAgent.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private WebSocket connect(Recorder recorder, String query, String... headers) throws Exception {
        WebSocket.Builder builder = agent.client.newWebSocketBuilder().connectTimeout(RunningAgent.TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + agent.server.port() + "/ws" + query), recorder)
                .get(RunningAgent.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void echoesTextAndBinaryBesideHttpOnTheSamePort() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = connect(recorder, "", RequestContext.SESSION_ID_HEADER, "ws-session");
        assertEquals("hello ws-session", recorder.next());
        socket.sendText("hi", true).get(RunningAgent.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("echo: hi", recorder.next());
        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(RunningAgent.TIMEOUT.toSeconds(),
                TimeUnit.SECONDS);
        assertEquals("[3, 2, 1]", java.util.Arrays.toString((byte[]) recorder.next()));
        assertEquals("{\"via\":\"http\"}", agent.invoke("{}").body());
        assertEquals(200, agent.ping().statusCode());
        socket.sendText("bye", true);
        assertEquals("1000 bye", recorder.closeCode());
    }

    @Test
    void handlersSeeTheUpgradeRequestsContextWithCustomHeadersFromTheQuery() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = connect(recorder, "?X-Amzn-Bedrock-AgentCore-Runtime-Custom-Env=query-value&other=x",
                RequestContext.SESSION_ID_HEADER, "s-42", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Team", "blue");
        recorder.next();
        socket.sendText("context", true);
        assertEquals("s-42|blue|query-value", recorder.next());
        socket.abort();
    }

    @Test
    void aFailingHandlerClosesWith1011() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = connect(recorder, "");
        recorder.next();
        socket.sendText("fail", true);
        assertEquals("1011 Internal server error", recorder.closeCode());
    }

    @Test
    void aMessageOver32KilobytesClosesWith1009() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = connect(recorder, "");
        recorder.next();
        socket.sendText("x".repeat(32 * 1024), true);
        assertEquals("echo: " + "x".repeat(32 * 1024), recorder.next(), "32 KB is within the limit");
        socket.sendBinary(ByteBuffer.wrap("y".repeat(32 * 1024 + 1).getBytes(StandardCharsets.US_ASCII)), true);
        assertTrue(recorder.closeCode().startsWith("1009 "));
    }
}
