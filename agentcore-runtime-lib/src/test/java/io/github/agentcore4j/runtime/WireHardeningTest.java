package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a hostile or broken caller can send on the wire, and what it gets back. */
class WireHardeningTest {

    private static final String SECRET = "skLiveDoNotLogMe";

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger libraryLog = Logger.getLogger(AgentCoreApp.LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        libraryLog.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        libraryLog.removeHandler(capture);
    }

    private static RunningAgent echoLength() {
        return new RunningAgent(AgentCoreApp.create().entrypoint(Map.class, payload -> payload.size()));
    }

    @Test
    void aJsonNullBodyIsTheCallersFault() throws Exception {
        try (RunningAgent agent = echoLength()) {
            HttpResponse<String> response = agent.invoke("null");
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("JSON null"), response.body());
        }
    }

    @Test
    void contentLengthMustBeDigitsOnly() throws Exception {
        try (RunningAgent agent = echoLength();
                Socket socket = agent.raw("POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Length: +14\r\n\r\n",
                        "{\"a\":1,\"b\":22}".getBytes(StandardCharsets.US_ASCII))) {
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("Invalid Content-Length"), answer);
        }
    }

    @Test
    void oversizedHeadsGet431Or414InsteadOfAReset() throws Exception {
        StringBuilder manyHeaders = new StringBuilder("POST /invocations HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 1000; i++) {
            manyHeaders.append("X-Header-").append(i).append(": v\r\n");
        }
        try (RunningAgent agent = echoLength()) {
            try (Socket socket = agent.raw(manyHeaders + "Content-Length: 2\r\n\r\n{}", new byte[0])) {
                assertTrue(RunningAgent.readHead(socket.getInputStream()).startsWith("HTTP/1.1 431"));
            }
            try (Socket socket = agent.raw("POST /invocations?q=" + "a".repeat(1 << 20) + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 2\r\n\r\n{}", new byte[0])) {
                assertTrue(RunningAgent.readHead(socket.getInputStream()).startsWith("HTTP/1.1 414"));
            }
        }
    }

    /** On Jetty (agents with a WebSocket handler) a too-large declared body is refused without "100 Continue". */
    @Test
    void aTooLargeExpectContinueBodyGets413WithoutContinueOnJetty() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().entrypoint(Map.class, payload -> payload.size())
                .websocket(new WebSocketHandler() {
                });
        try (RunningAgent agent = new RunningAgent(app);
                Socket socket = agent.raw("POST /invocations HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                        + "Content-Length: 200000000\r\n\r\n", new byte[0])) {
            String head = RunningAgent.readHead(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
        }
    }

    @Test
    void headerValuesWithControlCharactersAreRefused() throws Exception {
        try (RunningAgent agent = echoLength();
                Socket socket = agent.raw("POST /invocations HTTP/1.1\r\nHost: x\r\n" + RequestContext.SESSION_ID_HEADER
                        + ": abc\u0000def\r\nContent-Length: 2\r\n\r\n", "{}".getBytes(StandardCharsets.US_ASCII))) {
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("control character"), answer);
        }
    }

    @Test
    void malformedChunkedFramingIs400WithoutAStackTraceOrTheBodyInTheLog() throws Exception {
        try (RunningAgent agent = echoLength();
                Socket socket = agent.raw("POST /invocations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\n{\"k\":\r\n" + "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" + SECRET + "\r\n",
                        new byte[0])) {
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("Malformed request body"), answer);
        }
        assertTrue(logged.stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()),
                "no ERROR line for a caller's framing");
        assertTrue(logged.stream().noneMatch(r -> r.getThrown() != null), "no stack trace");
        assertTrue(logged.stream().noneMatch(r -> String.valueOf(r.getMessage()).contains(SECRET)));
    }

    @Test
    void invalidJsonIsLoggedWithoutTheBody() throws Exception {
        try (RunningAgent agent = echoLength()) {
            HttpResponse<String> response = agent.invoke("{\"token\": " + SECRET + "}");
            assertEquals(400, response.statusCode());
        }
        assertFalse(logged.isEmpty());
        assertTrue(logged.stream().noneMatch(r -> String.valueOf(r.getMessage()).contains(SECRET)),
                () -> logged.stream().map(LogRecord::getMessage).toList().toString());
    }

    /** JDK 17's server kept one socket open for good per caller that left mid-upload. */
    @Test
    void abandonedUploadsGetNoAnswerAndLeaveNoSocketOpen() throws Exception {
        try (RunningAgent agent = echoLength()) {
            agent.invoke("{}"); // the server's own descriptors are open before counting
            long before = openDescriptors();
            for (int i = 0; i < 100; i++) {
                try (Socket chunked = agent.raw("POST /invocations HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"a\":", new byte[0])) {
                    chunked.getOutputStream().flush();
                }
                try (Socket shortBody = agent.raw("POST /invocations HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"a\":", new byte[0])) {
                    shortBody.getOutputStream().flush();
                }
            }
            ConcurrencyAndShutdownTest.awaitTrue(() -> uploadFailures().size() >= 200, RunningAgent.TIMEOUT);
            ConcurrencyAndShutdownTest.awaitTrue(() -> openDescriptors() <= before + 10, RunningAgent.TIMEOUT);
            assertTrue(openDescriptors() <= before + 10, "descriptors: " + before + " before, "
                    + openDescriptors() + " after 200 abandoned uploads");
            assertEquals(200, agent.ping().statusCode());
        }
        List<LogRecord> uploadLines = uploadFailures();
        assertTrue(uploadLines.size() >= 200, "one WARN line per failed upload");
        assertTrue(uploadLines.stream().allMatch(r -> r.getLevel() == Level.WARNING && r.getThrown() == null));
        assertTrue(uploadLines.stream().noneMatch(r -> r.getMessage().contains("{\"a\"")), "no body content");
    }

    @Test
    void mcpTakesStringsAsLongAsTheBodyLimitAllows() throws Exception {
        AgentCoreApp app = AgentCoreApp.create().mcpServer(transport -> McpServer.sync(transport)
                .serverInfo("lengths", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(McpStatelessServerFeatures.SyncToolSpecification.builder()
                        .tool(McpSchema.Tool.builder().name("length").inputSchema(Map.of("type", "object")).build())
                        .callHandler((context, request) -> McpSchema.CallToolResult.builder()
                                .addTextContent(String.valueOf(((String) request.arguments().get("text")).length()))
                                .build())
                        .build())
                .build());
        int length = 25_000_000;
        try (RunningAgent agent = new RunningAgent(app)) {
            String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"length\","
                    + "\"arguments\":{\"text\":\"" + "x".repeat(length) + "\"}}}";
            HttpResponse<String> response = agent.send(HttpRequest.newBuilder(agent.uri("/mcp"))
                    .timeout(RunningAgent.TIMEOUT).header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(call)).build());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"text\":\"" + length + "\""), response.body());
        }
    }

    private List<LogRecord> uploadFailures() {
        return logged.stream().filter(r -> String.valueOf(r.getMessage()).startsWith("Upload failed")).toList();
    }

    static long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
