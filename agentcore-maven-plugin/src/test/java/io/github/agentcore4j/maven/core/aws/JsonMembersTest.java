package io.github.agentcore4j.maven.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;

/**
 * The real SDK client, with the interceptor, against a local HTTP server that records what arrives: the bytes
 * sent, the Content-Length that goes with them, and the raw answer kept for the members the SDK drops.
 */
class JsonMembersTest {

    private record Received(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> answer = new AtomicReference<>("{}");
    private HttpServer server;
    private BedrockAgentCoreControlClient control;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body));
            byte[] reply = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        control = BedrockAgentCoreControlClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE",
                        "secret")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new JsonMembers()))
                .build();
    }

    @AfterEach
    void stop() {
        control.close();
        server.stop(0);
    }

    @Test
    void mergesTheExtraMembersIntoTheSignedBody() {
        answer.set("{\"agentRuntimeArn\":\"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/a-0123456789\","
                + "\"agentRuntimeId\":\"a-0123456789\",\"agentRuntimeVersion\":\"2\",\"status\":\"UPDATING\"}");
        ObjectNode extra = JsonMembers.object();
        extra.put("platformVersion", "V2");
        extra.putObject("protocolConfiguration").put("serverProtocol", "HTTP").put("port", 9090).put("path", "/run");
        extra.putObject("hooksConfiguration").putObject("build").putObject("warmup").putObject("action")
                .putObject("httpPost").put("path", "/warmup").put("port", 9090);

        String version = control.updateAgentRuntime(request -> request.agentRuntimeId("a-0123456789")
                .clientToken("c".repeat(33)).overrideConfiguration(JsonMembers.adding(extra))).agentRuntimeVersion();

        assertEquals("2", version);
        Received update = received.get(0);
        assertEquals("PUT", update.method());
        assertEquals("/runtimes/a-0123456789/", update.path());
        assertEquals("{\"clientToken\":\"" + "c".repeat(33) + "\",\"platformVersion\":\"V2\","
                + "\"protocolConfiguration\":{\"serverProtocol\":\"HTTP\",\"port\":9090,\"path\":\"/run\"},"
                + "\"hooksConfiguration\":{\"build\":{\"warmup\":{\"action\":{\"httpPost\":{\"path\":\"/warmup\","
                + "\"port\":9090}}}}}}", update.body());
        assertEquals(List.of(Integer.toString(update.body().getBytes(StandardCharsets.UTF_8).length)),
                update.headers().get("Content-length"));
        assertTrue(update.headers().get("Authorization").get(0).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
                update.headers().toString());
    }

    @Test
    void mergesNestedObjectsMemberByMember() {
        ObjectNode extra = JsonMembers.object();
        extra.putObject("protocolConfiguration").put("port", 9090);
        byte[] merged = JsonMembers.merged("{\"protocolConfiguration\":{\"serverProtocol\":\"MCP\"},\"a\":1}"
                .getBytes(StandardCharsets.UTF_8), extra);
        assertEquals("{\"protocolConfiguration\":{\"serverProtocol\":\"MCP\",\"port\":9090},\"a\":1}",
                new String(merged, StandardCharsets.UTF_8));
    }

    @Test
    void leavesRequestsWithoutExtraMembersAsTheSdkMadeThem() {
        answer.set("{\"agentRuntimeArn\":\"arn\",\"agentRuntimeId\":\"a-0123456789\",\"agentRuntimeVersion\":\"1\","
                + "\"status\":\"READY\"}");
        control.updateAgentRuntime(request -> request.agentRuntimeId("a-0123456789").clientToken("d".repeat(33))
                .roleArn("arn:aws:iam::123456789012:role/r"));
        assertEquals("{\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"clientToken\":\"" + "d".repeat(33) + "\"}",
                received.get(0).body());
    }

    @Test
    void keepsTheRawAnswerWithTheMembersTheSdkDoesNotKnow() {
        answer.set("{\"agentRuntimeId\":\"a-0123456789\",\"agentRuntimeVersion\":\"3\",\"status\":\"READY\","
                + "\"platformVersion\":\"V2\",\"metadataConfiguration\":{\"requireMMDSV2\":true}}");
        AtomicReference<JsonNode> raw = new AtomicReference<>();

        GetAgentRuntimeResponse response = control.getAgentRuntime(request -> request.agentRuntimeId("a-0123456789")
                .overrideConfiguration(JsonMembers.keepingAnswer(raw)));

        assertEquals("3", response.agentRuntimeVersion());
        assertEquals("V2", raw.get().get("platformVersion").asText());
        assertTrue(raw.get().get("metadataConfiguration").get("requireMMDSV2").asBoolean());
        assertEquals("GET", received.get(0).method());
    }
}
