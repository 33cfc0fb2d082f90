package io.github.agentcore4j.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An A2A agent: what its agent card says and how it answers messages. Serve it with
 * {@link AgentCoreApp#a2aAgent(A2aAgent)}:
 *
 * <pre>{@code
 * AgentCoreApp.create()
 *     .a2aAgent(A2aAgent.named("greeter")
 *         .description("Greets whoever writes to it")
 *         .skill("greet", "Greeting", "Answers with a greeting")
 *         .onMessage((message, context) -> "Hello, " + message.text()))
 *     .run();
 * }</pre>
 */
public final class A2aAgent {

    private final String name;
    private String description;
    private String version = "0.1.0";
    private final List<Map<String, Object>> skills = new ArrayList<>();
    private A2aHandler handler;
    private A2aStreamingHandler streamingHandler;

    private A2aAgent(String name) {
        this.name = name;
        this.description = name;
    }

    /** An agent with this card name. */
    public static A2aAgent named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An A2A agent needs a name for its card");
        }
        return new A2aAgent(name);
    }

    /** The card's description (default: the name). */
    public A2aAgent description(String description) {
        this.description = Objects.requireNonNull(description, "description");
        return this;
    }

    /** The card's agent version (default {@code 0.1.0}). */
    public A2aAgent version(String version) {
        this.version = Objects.requireNonNull(version, "version");
        return this;
    }

    /** Adds a skill to the card; without any, the card lists one skill {@code main}, as the Python SDK's does. */
    public A2aAgent skill(String id, String skillName, String skillDescription, String... tags) {
        Map<String, Object> skill = new LinkedHashMap<>();
        skill.put("id", Objects.requireNonNull(id, "id"));
        skill.put("name", Objects.requireNonNull(skillName, "skillName"));
        skill.put("description", Objects.requireNonNull(skillDescription, "skillDescription"));
        skill.put("tags", List.of(tags));
        skills.add(skill);
        return this;
    }

    /** Answers each message with one reply. */
    public A2aAgent onMessage(A2aHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.streamingHandler = null;
        return this;
    }

    /** Answers each message in chunks, streamed by {@code message/stream}. */
    public A2aAgent onMessage(A2aStreamingHandler handler) {
        this.streamingHandler = Objects.requireNonNull(handler, "handler");
        this.handler = null;
        return this;
    }

    String name() {
        return name;
    }

    A2aHandler handler() {
        return handler;
    }

    A2aStreamingHandler streamingHandler() {
        return streamingHandler;
    }

    /**
     * The card for an agent reachable at {@code url}, in the A2A 0.3 {@code AgentCard} shape: what a caller gets
     * that sends no {@code A2A-Version} header (0.3 clients send none). Like the A2A JS SDK's compatible cards, it
     * also lists the 1.0 {@code supportedInterfaces}, which 0.3 clients ignore, so a 1.0 client still finds its
     * interface should the header not reach the agent.
     */
    Map<String, Object> card(String url) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("protocolVersion", "0.3.0");
        card.put("name", name);
        card.put("description", description);
        card.put("url", url);
        card.put("version", version);
        card.put("preferredTransport", "JSONRPC");
        card.put("capabilities", Map.of("streaming", true));
        putModesAndSkills(card);
        card.put("supportedInterfaces", interfaces(url));
        return card;
    }

    /**
     * The card in the A2A 1.0 shape, for callers sending {@code A2A-Version: 1.0}: one JSON-RPC interface per
     * version served, both at {@code url}, 1.0 first.
     */
    Map<String, Object> cardV1(String url) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", name);
        card.put("description", description);
        card.put("supportedInterfaces", interfaces(url));
        card.put("version", version);
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("streaming", true);
        capabilities.put("pushNotifications", false);
        card.put("capabilities", capabilities);
        putModesAndSkills(card);
        return card;
    }

    private static List<Map<String, Object>> interfaces(String url) {
        return List.of(jsonRpcInterface(url, "1.0"), jsonRpcInterface(url, "0.3"));
    }

    private static Map<String, Object> jsonRpcInterface(String url, String protocolVersion) {
        Map<String, Object> jsonRpc = new LinkedHashMap<>();
        jsonRpc.put("url", url);
        jsonRpc.put("protocolBinding", "JSONRPC");
        jsonRpc.put("protocolVersion", protocolVersion);
        return jsonRpc;
    }

    private void putModesAndSkills(Map<String, Object> card) {
        card.put("defaultInputModes", List.of("text"));
        card.put("defaultOutputModes", List.of("text"));
        if (skills.isEmpty()) {
            Map<String, Object> main = new LinkedHashMap<>();
            main.put("id", "main");
            main.put("name", name);
            main.put("description", description);
            main.put("tags", List.of());
            card.put("skills", List.of(main));
        } else {
            card.put("skills", List.copyOf(skills));
        }
    }
}
