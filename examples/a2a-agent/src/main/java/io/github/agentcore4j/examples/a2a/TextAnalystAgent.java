package io.github.agentcore4j.examples.a2a;

import io.github.agentcore4j.runtime.A2aAgent;
import io.github.agentcore4j.runtime.A2aMessage;
import io.github.agentcore4j.runtime.A2aStreamingHandler;
import io.github.agentcore4j.runtime.AgentCoreApp;
import io.github.agentcore4j.runtime.EventEmitter;
import io.github.agentcore4j.runtime.RequestContext;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An A2A agent that analyses the text it is sent, for AgentCore Runtime's A2A protocol: JSON-RPC 2.0 on
 * {@code POST /} at port 9000, its card at {@code /.well-known/agent-card.json}. It answers in chunks, one finding
 * at a time, so {@code message/stream} shows them as they come and {@code message/send} gets them in one message.
 */
public final class TextAnalystAgent implements A2aStreamingHandler {

    private TextAnalystAgent() {
    }

    public static void main(String[] args) {
        create().run();
    }

    /** The agent, ready to {@code run()} or {@code start()}. */
    public static AgentCoreApp create() {
        return AgentCoreApp.create().a2aAgent(A2aAgent.named("text-analyst")
                .description("Counts the words, sentences and most frequent words of a text")
                .version("1.0.0")
                .skill("analyze", "Text analysis", "Word and sentence counts and the most frequent words",
                        "text", "statistics")
                .onMessage(new TextAnalystAgent()));
    }

    @Override
    public void reply(A2aMessage message, RequestContext context, EventEmitter chunks) throws IOException {
        String text = message.text().trim();
        if (text.isEmpty()) {
            chunks.send("Send me some text to analyse.");
            return;
        }
        String[] words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
                .filter(word -> !word.isEmpty()).toArray(String[]::new);
        long sentences = Arrays.stream(text.split("[.!?]+")).filter(sentence -> !sentence.isBlank()).count();
        chunks.send(words.length + (words.length == 1 ? " word" : " words") + ", " + sentences
                + (sentences == 1 ? " sentence" : " sentences") + ". ");
        chunks.send("Most frequent: " + mostFrequent(words) + ".");
        chunks.send(Map.of("words", words.length, "sentences", sentences));
    }

    /** Up to three words with their counts, most frequent first, ties in alphabetical order. */
    private static String mostFrequent(String[] words) {
        Map<String, Long> counts = Arrays.stream(words)
                .collect(Collectors.groupingBy(word -> word, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(3)
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
