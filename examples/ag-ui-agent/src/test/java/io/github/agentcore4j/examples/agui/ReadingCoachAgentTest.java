package io.github.agentcore4j.examples.agui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.runtime.AgentServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RunAgentInput in, AG-UI events out, as an AG-UI client sends and reads them through AgentCore. */
class ReadingCoachAgentTest {

    private static final Pattern TYPE = Pattern.compile("^data: \\{\"type\":\"([A-Z_]+)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AgentServer agent;

    @BeforeEach
    void start() {
        agent = ReadingCoachAgent.create().host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        agent.stop();
    }

    private HttpResponse<String> run(String input) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/invocations"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(input)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String input(String text, String tools) {
        return "{\"threadId\":\"t-1\",\"runId\":\"r-1\",\"state\":{\"textsRead\":2},\"messages\":[{\"id\":\"m-1\","
                + "\"role\":\"user\",\"content\":\"" + text + "\"}],\"tools\":" + tools + ",\"context\":[]}";
    }

    private static List<String> types(String stream) {
        List<String> types = new ArrayList<>();
        for (String event : stream.split("\n\n")) {
            Matcher type = TYPE.matcher(event);
            assertTrue(type.find(), event);
            types.add(type.group(1));
        }
        return types;
    }

    @Test
    void streamsTheAnswerCallsHighlightAndCountsTheText() throws Exception {
        HttpResponse<String> response = run(input("Read this wonderful sentence",
                "[{\"name\":\"highlight\",\"description\":\"Highlights a word\",\"parameters\":{}}]"));
        assertEquals(200, response.statusCode());
        String stream = response.body();
        // "Your text has 4 words; the longest is "wonderful"." streams as nine pieces, one per word.
        List<String> expected = new ArrayList<>(List.of("RUN_STARTED", "TEXT_MESSAGE_START"));
        expected.addAll(java.util.Collections.nCopies(9, "TEXT_MESSAGE_CONTENT"));
        expected.addAll(List.of("TEXT_MESSAGE_END", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END",
                "STATE_SNAPSHOT", "RUN_FINISHED"));
        assertEquals(expected, types(stream));
        assertTrue(stream.contains("\"delta\":\"\\\"wonderful\\\".\""), stream);
        assertTrue(stream.contains("\"toolCallName\":\"highlight\""), stream);
        assertTrue(stream.contains("\"delta\":\"{\\\"word\\\":\\\"wonderful\\\"}\""), stream);
        assertTrue(stream.contains("\"snapshot\":{"), stream);
        assertTrue(stream.contains("\"textsRead\":3"), stream);
    }

    @Test
    void callsNoToolTheClientDidNotOffer() throws Exception {
        List<String> types = types(run(input("Short one", "[]")).body());
        assertTrue(!types.contains("TOOL_CALL_START"), String.valueOf(types));
        assertEquals("RUN_FINISHED", types.get(types.size() - 1));
    }

    @Test
    void refusesAnInputThatIsNotARunAgentInput() throws Exception {
        HttpResponse<String> response = run("{\"prompt\":\"hi\"}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Invalid RunAgentInput"), response.body());
    }
}
