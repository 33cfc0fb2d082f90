package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An MCP server and an A2A agent whose port and invocation path are set outside the code, as a deployment sets them
 * ({@code AGENTCORE_PORT}, {@code AGENTCORE_INVOCATION_PATH}) or as {@code -Dagentcore.port} and
 * {@code -Dagentcore.invocationPath}: {@code /ping}, {@code /warmup} and the protocol's own calls all answer on that
 * port, the protocol on that path only. Each agent runs in its own JVM, since environment variables are per process.
 */
class CustomPortAndPathTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(RunningAgent.TIMEOUT).build();

    @ParameterizedTest
    @EnumSource(AgentProcess.PortSetting.class)
    void anMcpServerServesPingWarmupAndToolsOnItsCustomPortAndPath(AgentProcess.PortSetting setting)
            throws Exception {
        try (AgentProcess agent = startHealthyAndWarmed("mcp", "/tools/mcp", setting)) {
            try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                            .builder("http://127.0.0.1:" + agent.port).endpoint("/tools/mcp").build())
                    .requestTimeout(RunningAgent.TIMEOUT).build()) {
                assertEquals("custom-serving", client.initialize().serverInfo().name());
                McpSchema.CallToolResult shouted = client.callTool(
                        new McpSchema.CallToolRequest("shout", Map.of("text", "on a custom path")));
                assertEquals("ON A CUSTOM PATH", ((McpSchema.TextContent) shouted.content().get(0)).text());
            }
            assertEquals(404, post(agent, McpEndpoint.PATH, "{}").statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(AgentProcess.PortSetting.class)
    void anA2aAgentServesPingWarmupMessagesAndItsCardOnItsCustomPortAndPath(AgentProcess.PortSetting setting)
            throws Exception {
        try (AgentProcess agent = startHealthyAndWarmed("a2a", "/agents/a2a", setting)) {
            HttpResponse<String> reply = post(agent, "/agents/a2a", CustomServingFixture.A2A_WARMUP.replace(
                    "\"text\":\"warm\"", "\"text\":\"hello\""));
            assertEquals(200, reply.statusCode());
            Map<?, ?> message = (Map<?, ?>) ((Map<?, ?>) Json.read(reply.body(), Map.class)).get("result");
            assertEquals("heard: hello", ((Map<?, ?>) ((List<?>) message.get("parts")).get(0)).get("text"));

            Map<?, ?> card = (Map<?, ?>) Json.read(get(agent, A2aEndpoint.CARD_PATH).body(), Map.class);
            assertEquals("http://127.0.0.1:" + agent.port + "/agents/a2a", card.get("url"));
            assertEquals(404, post(agent, "/", "{}").statusCode());
            // Off AgentCore's A2A port, only a deployment's AGENTCORE_PORT (which the runtime's protocol
            // configuration goes with) spares the warning.
            assertEquals(setting == AgentProcess.PortSetting.PROPERTY,
                    agent.log().contains("A2A agent on port " + agent.port + ", not 9000"), agent.log());
        }
    }

    /**
     * Starts the fixture with its port and path set one way or the other, then checks that {@code /ping} answers on
     * that port and that {@code /warmup} ran its three calls, which it sends to the custom path: a call that missed
     * it would count as a failure.
     */
    private AgentProcess startHealthyAndWarmed(String protocol, String path, AgentProcess.PortSetting setting)
            throws IOException, InterruptedException {
        AgentProcess agent = setting == AgentProcess.PortSetting.PROPERTY
                ? new AgentProcess(List.of("-D" + AgentCoreApp.INVOCATION_PATH_PROPERTY + "=" + path), Map.of(),
                        setting, CustomServingFixture.class, protocol)
                : new AgentProcess(List.of(), Map.of(AgentCoreApp.INVOCATION_PATH_VARIABLE, path), setting,
                        CustomServingFixture.class, protocol);
        try {
            HttpResponse<String> ping = get(agent, "/ping");
            assertEquals(200, ping.statusCode());
            assertEquals("Healthy", ((Map<?, ?>) Json.read(ping.body(), Map.class)).get("status"));
            HttpResponse<String> warmed = post(agent, Warmup.DEFAULT_PATH, "");
            assertEquals(200, warmed.statusCode(), warmed.body());
            assertTrue(warmed.body().startsWith("{\"rounds\":3,\"calls\":3,\"failures\":0,"), warmed.body());
            return agent;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            agent.close();
            throw e;
        }
    }

    private HttpResponse<String> get(AgentProcess agent, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(agent.uri(path)).timeout(RunningAgent.TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(AgentProcess agent, String path, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(agent.uri(path)).timeout(RunningAgent.TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
