package io.github.agentcore4j.maven.core.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsePrinterTest {

    private static List<String> print(int status, String contentType, String body) throws IOException {
        List<String> lines = new ArrayList<>();
        ResponsePrinter.print(new InvocationResponse(status, contentType,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))), lines::add);
        return lines;
    }

    @Test
    void printsJsonPretty() throws IOException {
        assertEquals(List.of(
                "{",
                "  \"response\": \"echo: Hello\",",
                "  \"sessionId\": null,",
                "  \"tags\": [ \"a\", \"b\" ]",
                "}"), print(200, "application/json", "{\"response\":\"echo: Hello\",\"sessionId\":null,"
                        + "\"tags\":[\"a\",\"b\"]}"));
    }

    @Test
    void printsAJsonScalarAndNonJsonTextAsTheyAre() throws IOException {
        assertEquals(List.of("\"just a string\""), print(200, "application/json; charset=utf-8", "\"just a string\""));
        assertEquals(List.of("not { json"), print(200, "application/json", "not { json"));
        assertEquals(List.of(), print(200, "application/json", ""));
        assertEquals(List.of("plain", "text"), print(200, "text/plain", "plain\ntext\n"));
    }

    @Test
    void printsOneLinePerEvent() throws IOException {
        assertEquals(List.of("\"one\"", "{\"word\":\"two\"}", "line1\nline2", "last"),
                print(200, "text/event-stream; charset=utf-8", String.join("\n",
                        ": a comment, ignored",
                        "data: \"one\"",
                        "",
                        "event: message",
                        "id: 2",
                        "data: {\"word\":\"two\"}",
                        "",
                        "data: line1",
                        "data:line2",
                        "",
                        "",
                        "data: last")));
    }

    @Test
    void printsAnAgUiRunAsMessagesToolCallsAndState() throws IOException {
        assertEquals(List.of(
                "[run r-1 started]",
                "assistant: Hello there.",
                "tool call highlight {\"word\":\"there\"}",
                "state {\"textsRead\":1}",
                "state delta [{\"op\":\"replace\",\"path\":\"/textsRead\",\"value\":2}]",
                "STEP_STARTED {\"type\":\"STEP_STARTED\",\"stepName\":\"plan\"}",
                "[run error] the model is down (IllegalStateException)"),
                print(200, "text/event-stream", String.join("\n\n",
                        "data: {\"type\":\"RUN_STARTED\",\"threadId\":\"t-1\",\"runId\":\"r-1\"}",
                        "data: {\"type\":\"TEXT_MESSAGE_START\",\"messageId\":\"m\",\"role\":\"assistant\"}",
                        "data: {\"type\":\"TEXT_MESSAGE_CONTENT\",\"messageId\":\"m\",\"delta\":\"Hello \"}",
                        "data: {\"type\":\"TOOL_CALL_START\",\"toolCallId\":\"c\",\"toolCallName\":\"highlight\"}",
                        "data: {\"type\":\"TEXT_MESSAGE_CONTENT\",\"messageId\":\"m\",\"delta\":\"there.\"}",
                        "data: {\"type\":\"TEXT_MESSAGE_END\",\"messageId\":\"m\"}",
                        "data: {\"type\":\"TOOL_CALL_ARGS\",\"toolCallId\":\"c\",\"delta\":\"{\\\"word\\\":\\\"there\\\"}\"}",
                        "data: {\"type\":\"TOOL_CALL_END\",\"toolCallId\":\"c\"}",
                        "data: {\"type\":\"STATE_SNAPSHOT\",\"snapshot\":{\"textsRead\":1}}",
                        "data: {\"type\":\"STATE_DELTA\",\"delta\":[{\"op\":\"replace\",\"path\":\"/textsRead\","
                                + "\"value\":2}]}",
                        "data: {\"type\":\"STEP_STARTED\",\"stepName\":\"plan\"}",
                        "data: {\"type\":\"RUN_ERROR\",\"message\":\"the model is down\","
                                + "\"code\":\"IllegalStateException\"}")));
    }

    @Test
    void anErrorStatusFailsWithTheStatusAndBody() {
        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> print(500, "application/json", "{\"error\":\"boom\"}\n"));

        assertEquals("The agent answered 500: {\"error\":\"boom\"}", e.getMessage());
        assertEquals("The agent answered 404: Not Found", assertThrows(InvocationFailedException.class,
                () -> print(404, "text/plain", "Not Found")).getMessage());
    }
}
