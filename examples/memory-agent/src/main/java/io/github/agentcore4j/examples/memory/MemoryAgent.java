package io.github.agentcore4j.examples.memory;

import io.github.agentcore4j.runtime.AgentCoreApp;
import io.github.agentcore4j.runtime.AgentIdentity;
import io.github.agentcore4j.runtime.AgentMemory;
import io.github.agentcore4j.runtime.InvocationException;
import io.github.agentcore4j.runtime.RequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat agent with AgentCore Memory: within a session it remembers what was said (short-term memory, the session's
 * turns), and across sessions what AgentCore learnt about the user (long-term records in the user-preference
 * namespace). A model would get both in its prompt; this example, which needs no model, quotes them back.
 * <ul>
 *   <li>{@code {"prompt":"I like green tea","user":"alice"}} answers {@code {"response":…,"turnsRemembered":N,
 *       "preferences":[…]}};</li>
 *   <li>{@code "apiKeyProvider":"weather"} also fetches that provider's API key from AgentCore Identity with the
 *       invocation's workload access token, and answers its SHA-256 fingerprint (never the key).</li>
 * </ul>
 */
public final class MemoryAgent {

    /** How many earlier turns of the session the agent reads. */
    static final int HISTORY = 10;

    private final AgentMemory memory;
    private final AgentIdentity identity;

    private MemoryAgent(AgentMemory memory, AgentIdentity identity) {
        this.memory = memory;
        this.identity = identity;
    }

    public static void main(String[] args) {
        create().run();
    }

    /** The agent with the memory deploy configured ({@code BEDROCK_AGENTCORE_MEMORY_ID}) and the default clients. */
    public static AgentCoreApp create() {
        return create(AgentMemory.create(), AgentIdentity.create());
    }

    /** The agent with a memory and identity of your own, e.g. pointed at a test service. */
    public static AgentCoreApp create(AgentMemory memory, AgentIdentity identity) {
        return AgentCoreApp.create().entrypoint(Map.class, new MemoryAgent(memory, identity)::answer);
    }

    private Map<String, Object> answer(Map<?, ?> payload, RequestContext context) throws NoSuchAlgorithmException {
        if (!(payload.get("prompt") instanceof String prompt) || prompt.isBlank()) {
            throw new InvocationException(400, "prompt is required, e.g. {\"prompt\":\"Hello\",\"user\":\"alice\"}");
        }
        String user = payload.get("user") instanceof String name && !name.isBlank() ? name : "anonymous";

        List<AgentMemory.Turn> earlier = memory.lastTurns(user, HISTORY);
        List<String> preferences = memory.retrieve(user, AgentMemory.USER_PREFERENCES, prompt, 3).stream()
                .map(AgentMemory.Record::text).toList();
        String reply = reply(prompt, earlier, preferences);
        memory.addTurn(user, AgentMemory.Role.USER, prompt);
        memory.addTurn(user, AgentMemory.Role.ASSISTANT, reply);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("response", reply);
        answer.put("sessionId", context.sessionId());
        answer.put("turnsRemembered", earlier.size());
        answer.put("preferences", preferences);
        if (payload.get("apiKeyProvider") instanceof String provider) {
            answer.put("apiKeyFingerprint", fingerprint(identity.apiKey(provider)));
        }
        return answer;
    }

    private static String reply(String prompt, List<AgentMemory.Turn> earlier, List<String> preferences) {
        StringBuilder reply = new StringBuilder("You said: ").append(prompt).append('.');
        String lastUserTurn = null;
        for (AgentMemory.Turn turn : earlier) {
            if (turn.role() == AgentMemory.Role.USER) {
                lastUserTurn = turn.text();
            }
        }
        reply.append(lastUserTurn == null ? " This is the start of our conversation."
                : " Before that you said: " + lastUserTurn + ".");
        if (!preferences.isEmpty()) {
            reply.append(" I remember that: ").append(String.join("; ", preferences)).append('.');
        }
        return reply.toString();
    }

    /** The first 12 hex digits of the key's SHA-256: shows which key the agent got without revealing it. */
    private static String fingerprint(String secret) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 12);
    }
}
