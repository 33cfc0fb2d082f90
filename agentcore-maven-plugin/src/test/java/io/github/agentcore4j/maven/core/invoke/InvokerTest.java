package io.github.agentcore4j.maven.core.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.agentcore4j.maven.core.MemoryBuildLog;
import io.github.agentcore4j.maven.core.config.AgentEntry;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.Configurator;
import io.github.agentcore4j.maven.core.config.Protocol;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invokes a real HTTP server on 127.0.0.1 that records what it receives, as a local agent would. */
class InvokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AnswerTimeouts TIMEOUTS = new AnswerTimeouts(TIMEOUT, TIMEOUT);

    @TempDir
    Path directory;

    private HttpServer agent;
    private final List<Headers> receivedHeaders = new CopyOnWriteArrayList<>();
    private final List<String> receivedBodies = new CopyOnWriteArrayList<>();
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private final MemoryBuildLog log = new MemoryBuildLog();

    @BeforeEach
    void startAgent() throws IOException {
        agent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        agent.start();
    }

    @AfterEach
    void stopAgent() {
        agent.stop(0);
    }

    private Path configFile() {
        return directory.resolve(".bedrock_agentcore.yaml");
    }

    private void configure() {
        Configurator.configure(configFile(), AgentSettings.builder().agentName(null, "demo").build(), "demo.Main",
                new MemoryBuildLog());
    }

    private Invoker httpInvoker() {
        return new Invoker(configFile(), "demo", Protocol.HTTP, log, TIMEOUTS);
    }

    private LocalAgentEndpoint endpoint() {
        return new LocalAgentEndpoint(Protocol.HTTP, agent.getAddress().getPort(), TIMEOUT);
    }

    private void answerJson(String json) {
        agent.createContext("/invocations", exchange -> {
            record(exchange);
            respond(exchange, 200, "application/json", json);
        });
    }

    private void record(HttpExchange exchange) throws IOException {
        receivedHeaders.add(exchange.getRequestHeaders());
        receivedBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void sendsThePayloadWithSessionAcceptAndCustomHeaders() throws Exception {
        configure();
        answerJson("{\"response\":\"echo: Hello\"}");

        httpInvoker().invoke(endpoint(), "{\"prompt\":\"Hello\"}", null, false,
                Map.of("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme"), printed::add, null);

        Headers headers = receivedHeaders.get(0);
        assertEquals("{\"prompt\":\"Hello\"}", receivedBodies.get(0));
        assertEquals("application/json", headers.getFirst("Content-Type"));
        assertEquals("text/event-stream, application/json", headers.getFirst("Accept"));
        assertEquals("acme", headers.getFirst("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant"));
        String sessionId = headers.getFirst("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id");
        assertEquals(36, sessionId.length());
        assertEquals(List.of("{", "  \"response\": \"echo: Hello\"", "}"), printed);
        assertTrue(log.lines().contains("INFO Invoking http://127.0.0.1:" + agent.getAddress().getPort()
                + "/invocations (session " + sessionId + ")"), log.text());
    }

    @Test
    void givesAnMcpServerTheSessionIdAsItsMcpSessionIdToo() throws Exception {
        agent.createContext("/mcp", exchange -> {
            record(exchange);
            respond(exchange, 200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        });
        LocalAgentEndpoint mcp = new LocalAgentEndpoint(Protocol.MCP, agent.getAddress().getPort(), TIMEOUT);

        new Invoker(configFile(), "demo", Protocol.MCP, log, TIMEOUTS).invoke(mcp,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", null, false, Map.of(), printed::add, null);

        Headers headers = receivedHeaders.get(0);
        assertEquals(headers.getFirst(InvocationRequest.SESSION_HEADER), headers.getFirst("Mcp-Session-Id"));
        assertEquals(36, headers.getFirst("Mcp-Session-Id").length());
    }

    @Test
    void keepsTheSessionInTheConfigurationAndReusesIt() throws Exception {
        configure();
        answerJson("{}");
        Invoker invoker = httpInvoker();

        invoker.invoke(endpoint(), "{}", null, false, Map.of(), printed::add, null);
        byte[] afterFirst = Files.readAllBytes(configFile());
        invoker.invoke(endpoint(), "{}", null, false, Map.of(), printed::add, null);
        invoker.invoke(endpoint(), "{}", null, true, Map.of(), printed::add, null);

        String first = receivedHeaders.get(0).getFirst(InvocationRequest.SESSION_HEADER);
        assertEquals(first, receivedHeaders.get(1).getFirst(InvocationRequest.SESSION_HEADER));
        String renewed = receivedHeaders.get(2).getFirst(InvocationRequest.SESSION_HEADER);
        assertNotEquals(first, renewed);
        assertEquals(renewed, AgentEntry.read(configFile(), "demo").sessionId().orElseThrow());
        assertTrue(new String(afterFirst, StandardCharsets.UTF_8).contains("agent_session_id: " + first));
    }

    @Test
    void withoutAConfiguredAgentTheSessionIsNotKept() throws Exception {
        answerJson("{}");

        httpInvoker().invoke(endpoint(), "{}", null, false, Map.of(), printed::add, null);

        assertTrue(Files.notExists(configFile()));
        assertTrue(log.text().contains("The session id is not kept: " + configFile() + " has no agent demo"),
                log.text());
    }

    @Test
    void printsEachEventAsItArrives() throws Exception {
        CountDownLatch firstEventPrinted = new CountDownLatch(1);
        AtomicBoolean secondSentAfterFirstPrinted = new AtomicBoolean();
        agent.createContext("/invocations", exchange -> {
            record(exchange);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("data: \"one\"\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    secondSentAfterFirstPrinted.set(firstEventPrinted.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.write("data: \"two\"\n\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        Path output = directory.resolve("out/answer.txt");

        httpInvoker().invoke(endpoint(), "{}", null, false, Map.of(), line -> {
            printed.add(line);
            firstEventPrinted.countDown();
        }, output);

        assertEquals(List.of("\"one\"", "\"two\""), printed);
        assertTrue(secondSentAfterFirstPrinted.get(), "the first event was printed before the second was sent");
        assertEquals("\"one\"\n\"two\"\n", Files.readString(output).replace(System.lineSeparator(), "\n"));
        assertTrue(log.lines().contains("INFO Wrote the answer to " + output), log.text());
    }

    @Test
    void anErrorAnswerFailsWithStatusAndBody() {
        agent.createContext("/invocations", exchange -> {
            record(exchange);
            respond(exchange, 500, "application/json", "{\"error\":\"boom\"}");
        });

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> httpInvoker().invoke(endpoint(), "{\"fail\":\"boom\"}", null, false,
                        Map.of(), printed::add, null));

        assertEquals("The agent answered 500: {\"error\":\"boom\"}", e.getMessage());
        assertEquals(List.of(), printed);
    }

    @Test
    void aFailedInvocationKeepsTheSessionIdAsItWas() throws Exception {
        configure();
        answerJson("{}");
        httpInvoker().invoke(endpoint(), "{}", null, false, Map.of(), printed::add, null);
        String kept = AgentEntry.read(configFile(), "demo").sessionId().orElseThrow();
        agent.removeContext("/invocations");
        agent.createContext("/invocations", exchange -> respond(exchange, 500, "application/json", "{}"));

        assertThrows(InvocationFailedException.class, () -> httpInvoker().invoke(endpoint(), "{}", null, true,
                Map.of(), printed::add, null));

        assertEquals(kept, AgentEntry.read(configFile(), "demo").sessionId().orElseThrow());
    }

    @Test
    void aLargeErrorBodyIsCut() {
        String huge = "{\"error\":\"" + "e".repeat(1_000_000) + "\"}";
        agent.createContext("/invocations", exchange -> respond(exchange, 500, "application/json", huge));

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> httpInvoker().invoke(endpoint(), "{}", null, false, Map.of(), printed::add, null));

        assertTrue(e.getMessage().length() < 2200, "message of " + e.getMessage().length() + " characters");
        assertTrue(e.getMessage().endsWith("(998012 more characters not shown; the agent's log has the details)"),
                e.getMessage().substring(2000));
    }

    @Test
    void aStreamThatStallsEndsAfterTheIdleTimeout() {
        streamEvents(1);
        Invoker invoker = new Invoker(configFile(), "demo", Protocol.HTTP, log,
                new AnswerTimeouts(Duration.ofSeconds(1), TIMEOUT));

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> invoker.invoke(endpoint(), "{}", null, false, Map.of(), printed::add, null));

        assertEquals(List.of("0"), printed);
        assertTrue(e.getMessage().contains("-Dagentcore.invoke.idleTimeout=<seconds>"), e.getMessage());
        assertTrue(!Thread.currentThread().isInterrupted(), "the build thread is not left interrupted");
    }

    @Test
    void aStreamThatNeverEndsEndsAfterTheOverallTimeout() {
        streamEvents(Integer.MAX_VALUE);
        Invoker invoker = new Invoker(configFile(), "demo", Protocol.HTTP, log,
                new AnswerTimeouts(TIMEOUT, Duration.ofSeconds(2)));

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> invoker.invoke(endpoint(), "{}", null, false, Map.of(), printed::add, null));

        assertTrue(printed.size() >= 2, "events printed before the timeout: " + printed);
        assertTrue(e.getMessage().contains("-Dagentcore.invoke.timeout=<seconds>"), e.getMessage());
    }

    /** Sends {@code count} events 100 ms apart, then holds the stream open for 5 s without sending more. */
    private void streamEvents(int count) {
        agent.createContext("/invocations", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int n = 0; n < count; n++) {
                    out.write(("data: " + n + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(100);
                }
                Thread.sleep(5000);
            } catch (IOException | InterruptedException callerGone) {
                exchange.close();
            }
        });
    }

    @Test
    void saysHowToStartTheAgentWhenNoneAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        LocalAgentEndpoint nobody = new LocalAgentEndpoint(Protocol.HTTP, closedPort, TIMEOUT);

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> httpInvoker().invoke(nobody, "{}", null, false, Map.of(),
                        printed::add, null));

        assertEquals("No agent answers at http://127.0.0.1:" + closedPort + "/invocations: start it with "
                + "`mvn agentcore:run-local` (or agentcore:start), or point -Dagentcore.port at it", e.getMessage());
    }

    @Test
    void callsTheRouteOfEachProtocol() {
        assertEquals("http://127.0.0.1:8000/mcp", new LocalAgentEndpoint(Protocol.MCP, 8000, TIMEOUT).describe());
        assertEquals("http://127.0.0.1:9000/", new LocalAgentEndpoint(Protocol.A2A, 9000, TIMEOUT).describe());
    }
}
