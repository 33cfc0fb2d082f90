package io.github.agentcore4j.examples.agui;

import io.github.agentcore4j.runtime.AgUiEvents;
import io.github.agentcore4j.runtime.AgUiHandler;
import io.github.agentcore4j.runtime.AgUiInput;
import io.github.agentcore4j.runtime.AgentCoreApp;
import io.github.agentcore4j.runtime.Ids;
import io.github.agentcore4j.runtime.RequestContext;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An AG-UI agent for AgentCore Runtime's AGUI protocol: it reads the user's last message, streams its answer word by
 * word, and calls the front end's {@code highlight} tool on the longest word, so the page can mark it. The run's
 * state counts the texts read so far in the thread. {@code POST /invocations} streams the events as SSE; {@code /ws}
 * carries the same runs.
 */
public final class ReadingCoachAgent implements AgUiHandler {

    /** The front-end tool this agent calls: the client declares it in {@code RunAgentInput.tools} and runs it. */
    static final String HIGHLIGHT_TOOL = "highlight";

    private ReadingCoachAgent() {
    }

    public static void main(String[] args) {
        create().run();
    }

    /** The agent, ready to {@code run()} or {@code start()}. */
    public static AgentCoreApp create() {
        return AgentCoreApp.create().agUi(new ReadingCoachAgent());
    }

    @Override
    public void run(AgUiInput input, RequestContext context, AgUiEvents events) throws IOException {
        int textsRead = input.state() instanceof Map<?, ?> state && state.get("textsRead") instanceof Number count
                ? count.intValue() : 0;
        String text = input.lastUserText().trim();
        List<String> words = Arrays.stream(text.split("[^\\p{L}\\p{N}']+")).filter(word -> !word.isEmpty()).toList();
        String messageId = Ids.uuid();
        events.textMessageStart(messageId);
        if (words.isEmpty()) {
            events.textMessageContent(messageId, "Send me a text and I will read it with you.");
            events.textMessageEnd(messageId);
            return;
        }
        String longest = words.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        String answer = "Your text has " + words.size() + (words.size() == 1 ? " word" : " words")
                + "; the longest is \"" + longest + "\".";
        // One event per word, as a model's tokens would arrive.
        for (String piece : answer.split("(?<= )")) {
            events.textMessageContent(messageId, piece);
        }
        events.textMessageEnd(messageId);
        if (input.tools().stream().anyMatch(tool -> HIGHLIGHT_TOOL.equals(tool.get("name")))) {
            String toolCallId = Ids.uuid();
            events.toolCallStart(toolCallId, HIGHLIGHT_TOOL, messageId);
            events.toolCallArgs(toolCallId, "{\"word\":\"" + longest.toLowerCase(Locale.ROOT) + "\"}");
            events.toolCallEnd(toolCallId);
        }
        events.stateSnapshot(new TreeMap<>(Map.of("textsRead", textsRead + 1, "lastWordCount", words.size())));
    }
}
