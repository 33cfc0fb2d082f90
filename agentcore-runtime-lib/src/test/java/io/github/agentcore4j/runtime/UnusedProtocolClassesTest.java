package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An HTTP-only agent pays for no protocol it does not serve: up to its first answered invocation its JVM loads no
 * class of MCP, A2A, AG-UI, WebSocket or Jetty (each would add to the cold start of every V1 session), although all
 * of them are on its class path here. (OpenTelemetry is loaded when its API is on the class path: spans are wanted
 * whenever an OpenTelemetry agent or SDK may be listening.)
 */
class UnusedProtocolClassesTest {

    private static final Pattern UNUSED = Pattern.compile(
            "io\\.github\\.agentcore4j\\.runtime\\.(Mcp|A2a|AgUi|WebSocket|Jetty).*"
                    + "|org\\.eclipse\\.jetty\\..*");

    @Test
    void anHttpOnlyAgentLoadsNoClassOfAnotherProtocolUpToItsFirstAnswer() throws Exception {
        Path classLog = Files.createTempFile("classes", ".log");
        try (AgentProcess agent = new AgentProcess(List.of("-Xlog:class+load=info:file=" + classLog),
                Map.of(), AgentProcess.PortSetting.PROPERTY, SigtermFixture.class)) {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(agent.uri("/invocations"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"sleep_ms\":0}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), agent.log());

            List<String> loaded = Files.readAllLines(classLog, StandardCharsets.UTF_8).stream()
                    .map(line -> line.split(" ")[1])
                    .collect(Collectors.toList());
            assertTrue(loaded.contains(InvocationEndpoint.class.getName()), "the class log lists the agent's classes");
            List<String> unused = loaded.stream().filter(name -> UNUSED.matcher(name).matches())
                    .collect(Collectors.toList());
            assertEquals(List.of(), unused, "loaded for nothing");
        } finally {
            Files.deleteIfExists(classLog);
        }
    }
}
