package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AWS SDK stays optional: an agent that uses neither {@link AgentMemory} nor {@link AgentIdentity} serves an
 * invocation without loading a single SDK class, though the SDK is on its class path here.
 */
class OptionalSdkTest {

    @Test
    void anAgentWithoutMemoryOrIdentityLoadsNoAwsSdkClass() throws Exception {
        Path classLoads = Files.createTempFile("class-loads", ".log");
        try (AgentProcess agent = new AgentProcess(List.of("-Xlog:class+load=info:file=" + classLoads), "echo")) {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(agent.uri("/invocations")).timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"abc\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals("3", response.body());

            String loaded = Files.readString(classLoads);
            assertTrue(loaded.contains(InvocationEndpoint.class.getName()), "the log lists the classes loaded");
            assertFalse(loaded.contains("software.amazon.awssdk."), "an AWS SDK class was loaded");
            assertFalse(loaded.contains(AgentMemory.class.getName()) || loaded.contains(AgentIdentity.class.getName()));
        } finally {
            Files.deleteIfExists(classLoads);
        }
    }
}
