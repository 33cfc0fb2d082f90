package com.example.localagent;

import io.github.agentcore4j.runtime.AgentCoreApp;
import io.github.agentcore4j.runtime.RequestContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Echoes prompts with the greeting from greeting.txt on the classpath (so a changed target/classes shows in its
 * answers). Environment variables make it misbehave on purpose: LOCAL_AGENT_REFUSE makes it exit with code 3 before
 * listening, LOCAL_AGENT_HANG makes it never listen.
 */
public final class LocalEchoAgent {

    private LocalEchoAgent() {
    }

    public static void main(String[] args) throws Exception {
        String refusal = System.getenv("LOCAL_AGENT_REFUSE");
        if (refusal != null) {
            System.err.println("refusing to start: " + refusal);
            System.exit(3);
        }
        if (System.getenv("LOCAL_AGENT_HANG") != null) {
            System.out.println("hanging without listening");
            Thread.sleep(Long.MAX_VALUE);
        }
        String greeting = greeting();
        AgentCoreApp.create()
                .entrypoint(Map.class, (payload, context) -> answer(greeting, payload, context))
                .run();
    }

    private static Object answer(String greeting, Map<?, ?> payload, RequestContext context) {
        if (payload.get("fail") != null) {
            throw new IllegalStateException(String.valueOf(payload.get("fail")));
        }
        String prompt = String.valueOf(payload.get("prompt"));
        if (Boolean.TRUE.equals(payload.get("stream"))) {
            return Arrays.stream(prompt.split(" "));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("response", greeting + ": " + prompt);
        response.put("sessionId", context.sessionId());
        response.put("tenant", context.requestHeaders().get("x-amzn-bedrock-agentcore-runtime-custom-tenant"));
        response.put("modelId", System.getenv("MODEL_ID"));
        response.put("memoryId", System.getenv("BEDROCK_AGENTCORE_MEMORY_ID"));
        return response;
    }

    private static String greeting() throws IOException {
        try (InputStream in = LocalEchoAgent.class.getResourceAsStream("/greeting.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
