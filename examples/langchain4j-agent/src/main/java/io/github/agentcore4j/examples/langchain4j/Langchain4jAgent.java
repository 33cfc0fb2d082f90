package io.github.agentcore4j.examples.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.github.agentcore4j.runtime.AgentCoreApp;
import java.util.Map;

/**
 * A LangChain4j {@link AiServices} agent with one tool, served by the runtime library: each
 * {@code POST /invocations} {@code {"prompt": "..."}} is one turn of the AgentCore session's conversation (the
 * session id is the chat memory id), and the model may call {@link Calculator#add} before it answers.
 */
public final class Langchain4jAgent {

    /** What a caller sends. */
    public record Question(String prompt) {
    }

    /** What the agent answers. */
    public record Answer(String response) {
    }

    /** The assistant LangChain4j implements: the model, the tool and the memory behind one method. */
    interface Assistant {
        @SystemMessage("You are a concise assistant. Use the tools for arithmetic.")
        String chat(@MemoryId String sessionId, @UserMessage String prompt);
    }

    /** The agent's tool; the model sees its description and parameters. */
    static final class Calculator {
        @Tool("Adds two integers")
        long add(@P("the first addend") long a, @P("the second addend") long b) {
            return a + b;
        }
    }

    private Langchain4jAgent() {
    }

    public static void main(String[] args) {
        create(modelFrom(System.getenv())).run();
    }

    /** The agent on the given model, ready to {@code run()} or {@code start()}. */
    public static AgentCoreApp create(ChatModel model) {
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(model)
                .tools(new Calculator())
                .chatMemoryProvider(sessionId -> MessageWindowChatMemory.withMaxMessages(20))
                .build();
        return AgentCoreApp.create().entrypoint(Question.class, (question, context) -> new Answer(
                assistant.chat(context.sessionId() == null ? "local" : context.sessionId(), question.prompt())));
    }

    /**
     * An OpenAI-compatible chat model: {@code OPENAI_BASE_URL} (default OpenAI's), {@code OPENAI_API_KEY},
     * {@code MODEL_NAME} (default {@code gpt-4o-mini}).
     */
    static ChatModel modelFrom(Map<String, String> environment) {
        OpenAiChatModel.OpenAiChatModelBuilder model = OpenAiChatModel.builder()
                .apiKey(environment.getOrDefault("OPENAI_API_KEY", "not-set"))
                .modelName(environment.getOrDefault("MODEL_NAME", "gpt-4o-mini"));
        String baseUrl = environment.get("OPENAI_BASE_URL");
        return (baseUrl == null ? model : model.baseUrl(baseUrl)).build();
    }
}
