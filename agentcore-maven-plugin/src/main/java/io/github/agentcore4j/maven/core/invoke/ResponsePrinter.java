package io.github.agentcore4j.maven.core.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns the agent's answer into lines for a person: a JSON document pretty-printed, a stream of server-sent events
 * one event per line as each arrives (an AG-UI run as {@link AgUiEventLines} tells it), anything else as it came.
 */
public final class ResponsePrinter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_CHARS = 2000;
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private ResponsePrinter() {
    }

    /**
     * Prints a successful answer line by line.
     *
     * @throws InvocationFailedException with the status and body when the agent answered 4xx or 5xx
     */
    public static void print(InvocationResponse response, Consumer<String> out) throws IOException {
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() >= 400) {
                throw new InvocationFailedException("The agent answered " + response.statusCode() + ": "
                        + errorBody(body));
            }
            String contentType = response.contentType().toLowerCase(Locale.ROOT);
            if (contentType.startsWith("text/event-stream")) {
                printEvents(body, out);
            } else if (contentType.contains("json")) {
                prettyJson(readAll(body)).lines().forEach(out);
            } else {
                body.lines().forEach(out);
            }
        }
    }

    /** The text pretty-printed when it is JSON, else unchanged. */
    static String prettyJson(String text) {
        if (text.isBlank()) {
            return "";
        }
        try {
            return PRETTY.writeValueAsString(JSON.readTree(text));
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }

    /**
     * Server-sent events: {@code data:} lines make up an event, a blank line ends it; comments ({@code :}) and other
     * fields ({@code event:}, {@code id:}) carry nothing to print.
     */
    private static void printEvents(BufferedReader body, Consumer<String> out) throws IOException {
        List<String> data = new ArrayList<>();
        EventPrinter events = new EventPrinter(out);
        String line;
        while ((line = body.readLine()) != null) {
            if (line.isEmpty()) {
                events.emit(data);
            } else if (line.startsWith("data:")) {
                String value = line.substring("data:".length());
                data.add(value.startsWith(" ") ? value.substring(1) : value);
            }
        }
        events.emit(data);
    }

    /** Prints each event as it came, unless the first one opens an AG-UI run: then as AG-UI lines. */
    private static final class EventPrinter {

        private final Consumer<String> out;
        private boolean first = true;
        private AgUiEventLines agUi;

        EventPrinter(Consumer<String> out) {
            this.out = out;
        }

        void emit(List<String> data) {
            if (data.isEmpty()) {
                return;
            }
            String event = String.join("\n", data);
            data.clear();
            JsonNode json = first || agUi != null ? jsonOrNull(event) : null;
            if (first && AgUiEventLines.opensRun(json)) {
                agUi = new AgUiEventLines();
            }
            first = false;
            if (agUi == null || json == null) {
                out.accept(event);
                return;
            }
            String line = agUi.lineFor(json);
            if (line != null) {
                out.accept(line);
            }
        }

        private static JsonNode jsonOrNull(String text) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException notJson) {
                return null;
            }
        }
    }

    /** An error answer's body, cut after {@value #MAX_ERROR_CHARS} characters: a build log is no place for 1 MB. */
    private static String errorBody(BufferedReader body) throws IOException {
        char[] shown = new char[MAX_ERROR_CHARS];
        int length = 0;
        int read;
        while (length < shown.length && (read = body.read(shown, length, shown.length - length)) != -1) {
            length += read;
        }
        long more = 0;
        while (length == shown.length && (read = (int) body.skip(8192)) > 0) {
            more += read;
        }
        String text = new String(shown, 0, length).strip();
        return more == 0 ? text : text + "… (" + more + " more characters not shown; the agent's log has the "
                + "details)";
    }

    private static String readAll(BufferedReader body) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int read;
        while ((read = body.read(buffer)) != -1) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }
}
