package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A2A 0.3 over JSON-RPC 2.0: {@code POST /} takes {@code message/send} (one reply message) and
 * {@code message/stream} (Server-Sent Events of JSON-RPC responses), {@code GET /.well-known/agent-card.json} serves
 * the card. Errors are JSON-RPC errors with HTTP 200, as A2A and AgentCore expect. No tasks are stored, so
 * {@code tasks/get} and {@code tasks/cancel} answer "task not found".
 */
final class A2aEndpoint implements Route.Handler {

    /** Overrides the port, as in the Python SDK; the generic {@code PORT} does not apply to A2A. */
    static final String PORT_VARIABLE = "A2A_PORT";
    /** Set by AgentCore to the runtime's public URL (no trailing slash); the card then points there. */
    static final String RUNTIME_URL_VARIABLE = "AGENTCORE_RUNTIME_URL";
    static final String CARD_PATH = "/.well-known/agent-card.json";

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    static final int TASK_NOT_FOUND = -32001;

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);

    private final A2aAgent agent;
    private final long maxRequestBytes;
    private final UnaryOperator<String> environment;
    private volatile byte[] card;

    A2aEndpoint(A2aAgent agent, long maxRequestBytes) {
        this(agent, maxRequestBytes, System::getenv);
    }

    A2aEndpoint(A2aAgent agent, long maxRequestBytes, UnaryOperator<String> environment) {
        if (agent.handler() == null && agent.streamingHandler() == null) {
            throw new IllegalStateException("A2A agent '" + agent.name() + "' has no message handler; add one with "
                    + "onMessage((message, context) -> reply)");
        }
        this.agent = agent;
        this.maxRequestBytes = maxRequestBytes;
        this.environment = environment;
    }

    List<Route> routes(Route ping) {
        return List.of(Route.work("POST", "/", this), Route.info("GET", CARD_PATH, this::serveCard), ping);
    }

    /** Fixes the card's URL once the port is known: {@value #RUNTIME_URL_VARIABLE} when set, else this server. */
    void listeningOn(String host, int port) {
        String runtimeUrl = environment.apply(RUNTIME_URL_VARIABLE);
        String url = runtimeUrl != null && !runtimeUrl.isBlank()
                ? (runtimeUrl.endsWith("/") ? runtimeUrl : runtimeUrl + "/")
                : "http://" + host + ":" + port + "/";
        card = Json.writeMap(agent.card(url));
    }

    byte[] card() {
        return card;
    }

    private void serveCard(HttpCall call) throws IOException {
        Responses.json(call, 200, card);
    }

    @Override
    public void handle(HttpCall call) throws IOException {
        RequestContext context = RequestContext.fromHeaders(call.requestHeaders());
        RequestContext previous = context.makeCurrent();
        InvocationSpan span = InvocationSpan.start("A2A", "A2A", context, call.requestHeaders());
        InvocationSpan.Scope spanScope = span.attach();
        span.answerWithTraceparent(call);
        long started = System.nanoTime();
        try {
            Map<?, ?> request = parse(call);
            if (request == null) {
                return;
            }
            Object id = request.get("id");
            Object method = request.get("method");
            if (!"2.0".equals(request.get("jsonrpc")) || !(method instanceof String)) {
                answerError(call, id, INVALID_REQUEST, "Invalid Request: needs \"jsonrpc\":\"2.0\" and a method");
                return;
            }
            span.name("A2A " + method);
            switch ((String) method) {
                case "message/send", "message/stream" -> {
                    A2aMessage message = messageOf(request.get("params"));
                    if (message == null) {
                        answerError(call, id, INVALID_PARAMS,
                                "Invalid params: params.message with role and parts is required");
                        return;
                    }
                    if (method.equals("message/send")) {
                        send(call, id, message, context);
                    } else {
                        stream(call, id, message, context);
                    }
                    LOG.info(() -> "A2A " + method + " completed (" + InvocationEndpoint.seconds(started) + ")");
                }
                case "tasks/get", "tasks/cancel", "tasks/resubscribe" ->
                        answerError(call, id, TASK_NOT_FOUND, "Task not found: this agent keeps no tasks");
                default -> answerError(call, id, METHOD_NOT_FOUND, "Method not found: " + method);
            }
        } finally {
            spanScope.close();
            span.end();
            RequestContext.restore(previous);
        }
    }

    /** The JSON-RPC request object, or null when an error has been answered. */
    private Map<?, ?> parse(HttpCall call) throws IOException {
        Object parsed;
        try (RequestBody body = RequestBody.read(call, maxRequestBytes)) {
            parsed = Json.read(body.take(), Object.class);
        } catch (RequestBody.Refused e) {
            if (e.prepareAnswer(call)) {
                Responses.error(call, e.status(), e.getMessage(), e.details());
            }
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "A2A request is not JSON: " + e.getMessage());
            answerError(call, null, PARSE_ERROR, "Parse error: the body is not JSON");
            return null;
        }
        if (!(parsed instanceof Map<?, ?> request)) {
            answerError(call, null, INVALID_REQUEST, "Invalid Request: expected a JSON-RPC request object");
            return null;
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    private static A2aMessage messageOf(Object params) {
        if (!(params instanceof Map<?, ?> map) || !(map.get("message") instanceof Map<?, ?> message)
                || !(message.get("parts") instanceof List<?> parts) || !(message.get("role") instanceof String role)) {
            return null;
        }
        List<Map<String, Object>> typedParts = new ArrayList<>();
        for (Object part : parts) {
            if (!(part instanceof Map<?, ?>)) {
                return null;
            }
            typedParts.add((Map<String, Object>) part);
        }
        return new A2aMessage(role, typedParts, stringOrNull(message.get("messageId")),
                stringOrNull(message.get("contextId")), stringOrNull(message.get("taskId")));
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private void send(HttpCall call, Object id, A2aMessage message, RequestContext context) throws IOException {
        List<Map<String, Object>> parts;
        try {
            if (agent.handler() != null) {
                parts = partsOf(agent.handler().reply(message, context));
            } else {
                List<Object> chunks = new ArrayList<>();
                agent.streamingHandler().reply(message, context, chunks::add);
                parts = mergeText(chunks);
            }
        } catch (Exception e) {
            LOG.log(Level.SEVERE, e, () -> "A2A handler failed");
            answerError(call, id, INTERNAL_ERROR, "Internal error: " + messageOf(e));
            return;
        }
        Responses.json(call, 200, Json.writeMap(response(id, agentMessage(parts, message))));
    }

    private void stream(HttpCall call, Object id, A2aMessage message, RequestContext context) throws IOException {
        SseResponse events = new SseResponse(call);
        String taskId = Ids.uuid();
        String contextId = message.contextId() != null ? message.contextId() : Ids.uuid();
        try {
            if (agent.handler() != null) {
                Object reply = agent.handler().reply(message, context);
                events.send(response(id, agentMessage(partsOf(reply), message)));
            } else {
                events.send(response(id, task(taskId, contextId, "working", message)));
                int[] chunk = {0};
                agent.streamingHandler().reply(message, context, part -> events.send(response(id,
                        artifactUpdate(taskId, contextId, partOf(part), chunk[0]++ > 0))));
                events.send(response(id, statusUpdate(taskId, contextId, "completed", null)));
            }
            events.finish();
        } catch (EventEmitter.ClientDisconnectedException e) {
            LOG.info("The A2A caller disconnected; stream stopped");
        } catch (Exception e) {
            LOG.log(Level.SEVERE, e, () -> "A2A handler failed");
            if (events.committed()) {
                events.send(response(id, statusUpdate(taskId, contextId, "failed", agentMessage(
                        List.of(A2aMessage.textPart(messageOf(e))), message))));
                events.finish();
            } else {
                answerError(call, id, INTERNAL_ERROR, "Internal error: " + messageOf(e));
            }
        }
    }

    private static String messageOf(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static List<Map<String, Object>> partsOf(Object reply) {
        if (reply instanceof A2aMessage message) {
            return message.parts();
        }
        return List.of(partOf(reply));
    }

    private static Map<String, Object> partOf(Object value) {
        return value instanceof String text ? A2aMessage.textPart(text) : A2aMessage.dataPart(value);
    }

    /** Chunks as parts, consecutive text chunks joined into one text part. */
    private static List<Map<String, Object>> mergeText(List<Object> chunks) {
        List<Map<String, Object>> parts = new ArrayList<>();
        StringBuilder text = null;
        for (Object chunk : chunks) {
            if (chunk instanceof String piece) {
                text = text == null ? new StringBuilder(piece) : text.append(piece);
            } else {
                if (text != null) {
                    parts.add(A2aMessage.textPart(text.toString()));
                    text = null;
                }
                parts.add(A2aMessage.dataPart(chunk));
            }
        }
        if (text != null) {
            parts.add(A2aMessage.textPart(text.toString()));
        }
        return parts;
    }

    private static Map<String, Object> agentMessage(List<Map<String, Object>> parts, A2aMessage request) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", "message");
        message.put("messageId", Ids.uuid());
        message.put("role", "agent");
        message.put("parts", parts);
        if (request.contextId() != null) {
            message.put("contextId", request.contextId());
        }
        if (request.taskId() != null) {
            message.put("taskId", request.taskId());
        }
        return message;
    }

    private static Map<String, Object> task(String taskId, String contextId, String state, A2aMessage request) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("kind", "task");
        task.put("id", taskId);
        task.put("contextId", contextId);
        task.put("status", Map.of("state", state));
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("kind", "message");
        history.put("messageId", request.messageId());
        history.put("role", request.role());
        history.put("parts", request.parts());
        task.put("history", List.of(history));
        return task;
    }

    private static Map<String, Object> artifactUpdate(String taskId, String contextId, Map<String, Object> part,
            boolean append) {
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("artifactId", taskId + "-response");
        artifact.put("name", "response");
        artifact.put("parts", List.of(part));
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("kind", "artifact-update");
        update.put("taskId", taskId);
        update.put("contextId", contextId);
        update.put("artifact", artifact);
        update.put("append", append);
        update.put("lastChunk", false);
        return update;
    }

    private static Map<String, Object> statusUpdate(String taskId, String contextId, String state,
            Map<String, Object> message) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", state);
        if (message != null) {
            status.put("message", message);
        }
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("kind", "status-update");
        update.put("taskId", taskId);
        update.put("contextId", contextId);
        update.put("status", status);
        update.put("final", true);
        return update;
    }

    private static Map<String, Object> response(Object id, Object result) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", "2.0");
        response.put("id", id);
        response.put("result", result);
        return response;
    }

    private static void answerError(HttpCall call, Object id, int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", "2.0");
        response.put("id", id);
        response.put("error", error);
        Responses.json(call, 200, Json.writeMap(response));
    }
}
