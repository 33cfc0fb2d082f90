package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Calls the agent that agentcore:start launched from the build (as AgentCore Runtime will call the image) at
 * {@code agentcore.local.url}, which start sets and Failsafe passes on.
 */
class AgentIT {

    @Test
    void theStartedAgentAnswers() throws Exception {
        String url = System.getProperty("agentcore.local.url");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/invocations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Hello\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("{\"response\":\"You said: Hello\"}", response.body());
    }
}
