package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MCP Java SDK's own client, over streamable HTTP, against an MCP server on the library's transport. */
class McpServerTest {

    private static final String ACCEPT_BOTH = "application/json, text/event-stream";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    private final ConcurrentLinkedQueue<RequestContext> seen = new ConcurrentLinkedQueue<>();
    private RunningAgent agent;

    @BeforeEach
    void start() {
        agent = new RunningAgent(AgentCoreApp.create().maxRequestBytes(64 * 1024).mcpServer(transport ->
                McpServer.sync(transport)
                        .serverInfo("test-tools", "1.0.0")
                        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).resources(false, false)
                                .prompts(false).build())
                        .tools(tool("add", (a, b) -> a + b), tool("divide", (a, b) -> a / b), contextTool())
                        .resources(new McpStatelessServerFeatures.SyncResourceSpecification(
                                McpSchema.Resource.builder().uri("notes://today").name("today").mimeType("text/plain")
                                        .build(),
                                (context, request) -> new McpSchema.ReadResourceResult(List.of(
                                        new McpSchema.TextResourceContents(request.uri(), "text/plain", "rest")))))
                        .prompts(new McpStatelessServerFeatures.SyncPromptSpecification(
                                new McpSchema.Prompt("greet", "Greets someone",
                                        List.of(new McpSchema.PromptArgument("name", "Who", true))),
                                (context, request) -> new McpSchema.GetPromptResult("greeting", List.of(
                                        new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(
                                                "Say hello to " + request.arguments().get("name")))))))
                        .build()));
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private static McpStatelessServerFeatures.SyncToolSpecification tool(String name, Arithmetic operation) {
        return McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name(name).description(name + " two numbers")
                        .inputSchema(Map.of("type", "object", "properties", Map.of(
                                "a", Map.of("type", "number"), "b", Map.of("type", "number")),
                                "required", List.of("a", "b")))
                        .build())
                .callHandler((context, request) -> {
                    double a = ((Number) request.arguments().get("a")).doubleValue();
                    double b = ((Number) request.arguments().get("b")).doubleValue();
                    double result = operation.apply(a, b);
                    // What the tool cannot do is a tool error, which the calling model gets to read.
                    return Double.isFinite(result)
                            ? McpSchema.CallToolResult.builder().addTextContent(String.valueOf(result)).build()
                            : McpSchema.CallToolResult.builder().addTextContent("No finite result for " + a + ", " + b)
                                    .isError(true).build();
                })
                .build();
    }

    /** Reports the session the tool saw through RequestContext.current(), on whatever thread the SDK ran it. */
    private McpStatelessServerFeatures.SyncToolSpecification contextTool() {
        return McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name("whoami").description("The caller's session")
                        .inputSchema(Map.of("type", "object")).build())
                .callHandler((transportContext, request) -> {
                    if (request.arguments().containsKey("fail")) {
                        throw new IllegalStateException("asked to fail");
                    }
                    RequestContext context = RequestContext.current().orElseThrow();
                    seen.add(context);
                    assertEquals(context, transportContext.get(McpEndpoint.REQUEST_CONTEXT_KEY));
                    return McpSchema.CallToolResult.builder().addTextContent(String.valueOf(context.sessionId()))
                            .build();
                })
                .build();
    }

    @FunctionalInterface
    private interface Arithmetic {
        double apply(double a, double b);
    }

    private McpSyncClient client(String platformSessionId) {
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + agent.server.port()).endpoint("/mcp");
        if (platformSessionId != null) {
            transport.httpRequestCustomizer((request, method, uri, body, context) -> request
                    .header("Mcp-Session-Id", platformSessionId)
                    .header(RequestContext.SESSION_ID_HEADER, platformSessionId));
        }
        return McpClient.sync(transport.build()).requestTimeout(RunningAgent.TIMEOUT).build();
    }

    @Test
    void theSdkClientInitializesListsAndCallsTools() {
        try (McpSyncClient client = client(null)) {
            McpSchema.InitializeResult initialized = client.initialize();
            assertEquals("test-tools", initialized.serverInfo().name());
            assertEquals(List.of("add", "divide", "whoami"),
                    client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList());
            McpSchema.CallToolResult sum = client.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3)));
            assertFalse(Boolean.TRUE.equals(sum.isError()));
            assertEquals("5.0", ((McpSchema.TextContent) sum.content().get(0)).text());
        }
    }

    @Test
    void thePlatformsSessionIdIsAcceptedAndReachesTools() {
        try (McpSyncClient client = client("platform-session-0123456789-0123456789")) {
            client.initialize();
            McpSchema.CallToolResult who = client.callTool(new McpSchema.CallToolRequest("whoami", Map.of()));
            assertEquals("platform-session-0123456789-0123456789",
                    ((McpSchema.TextContent) who.content().get(0)).text());
            assertEquals(1, seen.size());
        }
    }

    @Test
    void resourcesAndPromptsAreServed() {
        try (McpSyncClient client = client(null)) {
            client.initialize();
            assertEquals("today", client.listResources().resources().get(0).name());
            McpSchema.ReadResourceResult read = client.readResource(new McpSchema.ReadResourceRequest("notes://today"));
            assertEquals("rest", ((McpSchema.TextResourceContents) read.contents().get(0)).text());
            McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("greet",
                    Map.of("name", "Ada")));
            assertEquals("Say hello to Ada", ((McpSchema.TextContent) prompt.messages().get(0).content()).text());
        }
    }

    @Test
    void toolErrorsThrowingToolsAndUnknownToolsReachTheClient() {
        try (McpSyncClient client = client(null)) {
            client.initialize();
            McpSchema.CallToolResult failed = client.callTool(new McpSchema.CallToolRequest("divide",
                    Map.of("a", 1, "b", 0)));
            assertTrue(failed.isError());
            assertEquals("No finite result for 1.0, 0.0", ((McpSchema.TextContent) failed.content().get(0)).text());
            assertTrue(client.callTool(new McpSchema.CallToolRequest("divide", Map.of("a", "one", "b", 2))).isError(),
                    "arguments that do not match the input schema");
            McpError thrown = assertThrows(McpError.class, () -> client.callTool(
                    new McpSchema.CallToolRequest("whoami", Map.of("fail", true))));
            assertTrue(thrown.getMessage().contains("asked to fail"), thrown.getMessage());
            assertThrows(McpError.class, () -> client.callTool(new McpSchema.CallToolRequest("nope", Map.of())));
            assertEquals("5.0", ((McpSchema.TextContent) client.callTool(
                    new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3))).content().get(0)).text(),
                    "the server still answers after errors");
        }
    }

    private HttpResponse<String> post(String body, String accept, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(agent.uri("/mcp")).timeout(RunningAgent.TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return agent.send(request.build());
    }

    @Test
    void aRawInitializeWithThePlatformHeadersIsAnsweredWithJson() throws Exception {
        HttpResponse<String> response = post(INITIALIZE, ACCEPT_BOTH, "Mcp-Session-Id", "from-the-platform",
                RequestContext.SESSION_ID_HEADER, "runtime-session", "Mcp-Protocol-Version", "2025-06-18");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"serverInfo\":{\"name\":\"test-tools\""), response.body());
        assertTrue(response.headers().firstValue("Mcp-Session-Id").isEmpty(), "stateless: no session is created");
    }

    @Test
    void followsTheContractsAcceptRules() throws Exception {
        for (String accept : new String[] {null, "application/json", "text/event-stream", "*/*"}) {
            HttpResponse<String> refused = post(INITIALIZE, accept);
            assertEquals(406, refused.statusCode(), "Accept: " + accept);
            assertTrue(refused.body().contains("\"error\":{\"code\":-32600"), refused.body());
        }
    }

    @Test
    void answersNotificationsWith202AndBadMessagesWithJsonRpcErrors() throws Exception {
        assertEquals(202, post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", ACCEPT_BOTH)
                .statusCode());
        HttpResponse<String> notJson = post("{nope", ACCEPT_BOTH);
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("\"code\":-32700"), notJson.body());
        HttpResponse<String> unknown = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"no/such\"}", ACCEPT_BOTH);
        assertEquals(200, unknown.statusCode());
        assertTrue(unknown.body().contains("\"code\":-32601"), unknown.body());
    }

    @Test
    void followsJsonRpcRulesOnIdsNotificationsAndMissingParams() throws Exception {
        HttpResponse<String> notification = post("{\"jsonrpc\":\"2.0\",\"method\":\"tools/list\"}", ACCEPT_BOTH);
        assertEquals(202, notification.statusCode());
        assertEquals("", notification.body(), "a notification gets no answer");

        HttpResponse<String> stringId = post("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"tools/list\"}",
                ACCEPT_BOTH);
        assertEquals(200, stringId.statusCode());
        assertTrue(stringId.body().contains("\"id\":\"a-1\""), stringId.body());
        for (String badId : new String[] {"true", "{\"x\":1}", "[1]", "null"}) {
            HttpResponse<String> refused = post("{\"jsonrpc\":\"2.0\",\"id\":" + badId
                    + ",\"method\":\"tools/list\"}", ACCEPT_BOTH);
            assertEquals(400, refused.statusCode(), badId);
            assertTrue(refused.body().contains("\"code\":-32600"), refused.body());
        }

        HttpResponse<String> noParams = post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\"}", ACCEPT_BOTH);
        assertEquals(200, noParams.statusCode());
        assertTrue(noParams.body().contains("\"id\":9"), noParams.body());
        assertTrue(noParams.body().contains("\"code\":-32602"), noParams.body());
    }

    @Test
    void refusesOtherMethodsAndBodiesOverTheLimit() throws Exception {
        HttpResponse<String> get = agent.send(HttpRequest.newBuilder(agent.uri("/mcp")).GET().build());
        assertEquals(405, get.statusCode());
        try (Socket socket = agent.raw("POST /mcp HTTP/1.1\r\nHost: x\r\nAccept: " + ACCEPT_BOTH
                + "\r\nContent-Length: " + (64 * 1024 + 1) + "\r\n\r\n", new byte[0])) {
            assertTrue(RunningAgent.readHead(socket.getInputStream()).startsWith("HTTP/1.1 413"));
        }
        assertEquals(200, agent.ping().statusCode());
        assertEquals(404, agent.invoke("{}").statusCode(), "an MCP server has no /invocations");
    }
}
