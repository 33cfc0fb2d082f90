#if( $springBoot == "true" )
package ${package};

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent as a Spring Boot web app serving the AgentCore Runtime contract: {@code POST /invocations} and
 * {@code GET /ping} on port 8080 (agentcore:run-local and start pass another as {@code server.port}).
 */
@SpringBootApplication
@RestController
public class Agent {

    /** What a caller sends: {@code {"prompt": "Hello", "stream": true}}. */
    public record Question(String prompt, Boolean stream) {
    }

    /** What the agent answers when it does not stream. */
    public record Answer(String response) {
    }

    private final JsonMapper json;

    public Agent(JsonMapper json) {
        this.json = json;
    }

    public static void main(String[] args) {
        SpringApplication.run(Agent.class, args);
    }

    @GetMapping(path = "/ping", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> ping() {
        return Map.of("status", "Healthy", "time_of_last_update", Instant.now().getEpochSecond());
    }

    /**
     * Answers an {@link Answer}, or streams the prompt's words as Server-Sent Events (one {@code data:} line each,
     * flushed as it is written) when {@code stream} is true. Replace the words with your model's tokens.
     */
    @PostMapping("/invocations")
    public ResponseEntity<StreamingResponseBody> invoke(@RequestBody Question question) {
        String prompt = question.prompt() == null ? "" : question.prompt();
        if (!Boolean.TRUE.equals(question.stream())) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(out -> json.writeValue(out, new Answer("You said: " + prompt)));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(out -> {
            for (String word : Arrays.stream(prompt.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList()) {
                out.write(("data: " + json.writeValueAsString(word) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        });
    }
}
#else
package ${package};

import io.github.agentcore4j.runtime.AgentCoreApp;
import java.util.Arrays;

/**
 * The agent: {@code POST /invocations} takes a {@link Question} and answers an {@link Answer}, or streams the
 * prompt's words as Server-Sent Events when {@code stream} is true. Replace {@link #answer} with your model calls.
 */
public final class Agent {

    /** What a caller sends: {@code {"prompt": "Hello", "stream": true}}. */
    public record Question(String prompt, boolean stream) {
    }

    /** What the agent answers when it does not stream. */
    public record Answer(String response) {
    }

    private Agent() {
    }

    public static void main(String[] args) {
        create().run();
    }

    /** The agent, ready to {@code run()} (blocking) or {@code start()} (for tests). */
    public static AgentCoreApp create() {
        return AgentCoreApp.create().entrypoint(Question.class, question -> answer(question));
    }

    /** An {@link Answer}, or a stream of words, which the library sends as one event each. */
    static Object answer(Question question) {
        String prompt = question.prompt() == null ? "" : question.prompt();
        if (question.stream()) {
            return Arrays.stream(prompt.trim().split("\\s+")).filter(word -> !word.isEmpty());
        }
        return new Answer("You said: " + prompt);
    }
}
#end
