package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A2A over JSON-RPC 2.0 on {@code POST /}, versions 1.0 and 0.3 side by side, and the agent card on
 * {@code GET /.well-known/agent-card.json}. Each request is answered in the version of its method:
 * {@code SendMessage}, {@code SendStreamingMessage}, {@code GetTask}, {@code CancelTask}, {@code ListTasks} and
 * {@code SubscribeToTask} in 1.0's forms; {@code message/send}, {@code message/stream}, {@code tasks/get},
 * {@code tasks/cancel} and {@code tasks/resubscribe} in 0.3's. The card is the 1.0 one for callers that send
 * {@code A2A-Version: 1.0}, else the 0.3 one (0.3 clients send no version). Streamed replies are tasks kept in
 * {@link A2aTasks}, so both versions can get, cancel and follow them. Errors are JSON-RPC errors with HTTP 200, as
 * A2A and AgentCore expect.
 */
final class A2aEndpoint implements Protocol {

    /** The port AgentCore sends A2A requests to. */
    static final int PORT = 9000;
    /** Overrides the port, as in the Python SDK; the generic {@code PORT} does not apply to A2A. */
    static final String PORT_VARIABLE = "A2A_PORT";
    /** Set by AgentCore to the runtime's public URL (no trailing slash); the card then points there. */
    static final String RUNTIME_URL_VARIABLE = "AGENTCORE_RUNTIME_URL";
    static final String CARD_PATH = "/.well-known/agent-card.json";
    /** The header an A2A 1.0 client names its protocol version in; absent means 0.3. */
    static final String VERSION_HEADER = "A2A-Version";

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    static final int TASK_NOT_FOUND = -32001;
    static final int TASK_NOT_CANCELABLE = -32002;
    static final int UNSUPPORTED_OPERATION = -32004;
    static final int VERSION_NOT_SUPPORTED = -32009;

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);

    private enum Operation { SEND, STREAM, GET, CANCEL, LIST, SUBSCRIBE }

    /** A method of one protocol version. */
    private record Method(Operation operation, boolean v1) {
    }

    private static final Map<String, Method> METHODS = Map.ofEntries(
            Map.entry("SendMessage", new Method(Operation.SEND, true)),
            Map.entry("SendStreamingMessage", new Method(Operation.STREAM, true)),
            Map.entry("GetTask", new Method(Operation.GET, true)),
            Map.entry("CancelTask", new Method(Operation.CANCEL, true)),
            Map.entry("ListTasks", new Method(Operation.LIST, true)),
            Map.entry("SubscribeToTask", new Method(Operation.SUBSCRIBE, true)),
            Map.entry("message/send", new Method(Operation.SEND, false)),
            Map.entry("message/stream", new Method(Operation.STREAM, false)),
            Map.entry("tasks/get", new Method(Operation.GET, false)),
            Map.entry("tasks/cancel", new Method(Operation.CANCEL, false)),
            Map.entry("tasks/resubscribe", new Method(Operation.SUBSCRIBE, false)));

    private final A2aAgent agent;
    private final UnaryOperator<String> environment;
    private long maxRequestBytes;
    private PingTracker ping;
    private A2aTasks tasks;
    private volatile byte[] card;
    private volatile byte[] cardV1;

    A2aEndpoint(A2aAgent agent) {
        this(agent, System::getenv);
    }

    A2aEndpoint(A2aAgent agent, UnaryOperator<String> environment) {
        this.agent = agent;
        this.environment = environment;
    }

    @Override
    public Defaults defaults() {
        return new Defaults(PORT, PORT_VARIABLE, "/");
    }

    /** Messages on the invocation path, the card beside it; every start begins with no tasks. */
    @Override
    public void wire(Wiring wiring) {
        if (agent.handler() == null && agent.streamingHandler() == null) {
            throw new IllegalStateException("A2A agent '" + agent.name() + "' has no message handler; add one with "
                    + "onMessage((message, context) -> reply)");
        }
        maxRequestBytes = wiring.maxRequestBytes();
        ping = wiring.ping();
        tasks = new A2aTasks(A2aTasks.DEFAULT_CAPACITY);
        wiring.invocations("POST", "A2A", "A2A", this::serve);
        wiring.info("GET", CARD_PATH, this::serveCard);
    }

    /**
     * Fixes the card's URL once the port is known: {@value #RUNTIME_URL_VARIABLE} when set, else this server on the
     * path it serves messages on ({@code /} unless {@code agentcore.invocationPath} says otherwise).
     */
    @Override
    public void listeningOn(String host, int port, String path) {
        if (port != PORT && environment.apply(AgentCoreApp.PORT_VARIABLE) == null) {
            LOG.warning(() -> "A2A agent on port " + port + ", not " + PORT + ": fine locally, but AgentCore sends "
                    + "A2A requests to " + PORT + " unless the runtime's protocol configuration names this port");
        }
        String runtimeUrl = environment.apply(RUNTIME_URL_VARIABLE);
        String url = runtimeUrl != null && !runtimeUrl.isBlank()
                ? (runtimeUrl.endsWith("/") ? runtimeUrl : runtimeUrl + "/")
                : "http://" + host + ":" + port + path;
        card = Json.writeMap(agent.card(url));
        cardV1 = Json.writeMap(agent.cardV1(url));
    }

    byte[] card() {
        return card;
    }

    private void serveCard(HttpCall call) throws IOException {
        call.setResponseHeader("Vary", VERSION_HEADER);
        Responses.json(call, 200, isV1(call.requestHeader(VERSION_HEADER)) ? cardV1 : card);
    }

    /** Whether a version header names 1.x; absent means 0.3, as the 1.0 specification says. */
    private static boolean isV1(String version) {
        return version != null && (version.trim().equals("1") || version.trim().startsWith("1."));
    }

    private static boolean isSupported(String version) {
        return version == null || version.isBlank() || isV1(version) || version.trim().equals("0.3")
                || version.trim().startsWith("0.3.");
    }

    private void serve(HttpCall call, RequestContext context, InvocationSpan span) throws IOException {
        long started = System.nanoTime();
        Map<?, ?> request = parse(call);
        if (request == null) {
            return;
        }
        Object id = request.get("id");
        Object methodName = request.get("method");
        if (!"2.0".equals(request.get("jsonrpc")) || !(methodName instanceof String)
                || !(id == null || id instanceof String || id instanceof Number)) {
            answerError(call, id instanceof String || id instanceof Number ? id : null, INVALID_REQUEST,
                    "Invalid Request: needs \"jsonrpc\":\"2.0\", a method, and an id that is a string or number");
            return;
        }
        span.name("A2A " + methodName);
        if (!request.containsKey("id")) {
            // A notification: JSON-RPC forbids answering it, and no A2A method is one.
            LOG.info(() -> "A2A notification " + methodName + " ignored: A2A methods need an id");
            call.sendResponseHeaders(204, -1);
            return;
        }
        String version = call.requestHeader(VERSION_HEADER);
        if (!isSupported(version)) {
            answerError(call, id, VERSION_NOT_SUPPORTED, "Version not supported: " + VERSION_HEADER + " "
                    + version + "; this agent speaks A2A 1.0 and 0.3");
            return;
        }
        Method method = METHODS.get(methodName);
        if (method == null) {
            answerError(call, id, METHOD_NOT_FOUND, "Method not found: " + methodName);
            return;
        }
        if (!(request.get("params") instanceof Map<?, ?> params)) {
            answerError(call, id, INVALID_PARAMS, "Invalid params: " + methodName + " needs a params object");
            return;
        }
        switch (method.operation()) {
            case SEND, STREAM -> {
                A2aMessage message = method.v1() ? A2aV1.message(params.get("message"))
                        : messageOf(params.get("message"));
                if (message == null) {
                    answerError(call, id, INVALID_PARAMS,
                            "Invalid params: params.message with role and parts is required");
                    return;
                }
                if (method.operation() == Operation.SEND && doesNotWait(params)) {
                    sendWithoutWaiting(call, id, method.v1(), message, context);
                } else if (method.operation() == Operation.SEND) {
                    send(call, id, method.v1(), message, context);
                } else {
                    stream(call, id, method.v1(), message, context);
                }
            }
            case GET, CANCEL, SUBSCRIBE -> {
                if (!(params.get("id") instanceof String taskId)) {
                    answerError(call, id, INVALID_PARAMS, "Invalid params: params.id, the task id, is required");
                    return;
                }
                A2aTasks.Task task = tasks.get(taskId);
                if (task == null) {
                    answerError(call, id, TASK_NOT_FOUND, "Task not found: " + taskId);
                    return;
                }
                switch (method.operation()) {
                    case GET -> answer(call, id, method.v1(), task.snapshot(historyLength(params)));
                    case CANCEL -> cancel(call, id, method.v1(), task);
                    default -> subscribe(call, id, method.v1(), task);
                }
            }
            case LIST -> list(call, id, params);
        }
        LOG.info(() -> "A2A " + methodName + " completed (" + InvocationEndpoint.seconds(started) + ")");
    }

    /** {@code configuration.returnImmediately: true} (1.0) or {@code configuration.blocking: false} (0.3). */
    private static boolean doesNotWait(Map<?, ?> params) {
        return params.get("configuration") instanceof Map<?, ?> configuration
                && (Boolean.TRUE.equals(configuration.get("returnImmediately"))
                        || Boolean.FALSE.equals(configuration.get("blocking")));
    }

    private static Integer historyLength(Map<?, ?> params) {
        return params.get("historyLength") instanceof Number length ? length.intValue() : null;
    }

    /** The JSON-RPC request object, or null when an error has been answered. */
    private Map<?, ?> parse(HttpCall call) throws IOException {
        Object parsed;
        try (RequestBody body = RequestBody.read(call, maxRequestBytes)) {
            parsed = Json.read(body, Object.class);
        } catch (RequestBody.Refused e) {
            Responses.refused(call, e);
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
    private static A2aMessage messageOf(Object value) {
        if (!(value instanceof Map<?, ?> message) || !(message.get("parts") instanceof List<?> parts)
                || !(message.get("role") instanceof String role)) {
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

    private void send(HttpCall call, Object id, boolean v1, A2aMessage message, RequestContext context)
            throws IOException {
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
        Map<String, Object> reply = agentMessage(parts, message.contextId(), message.taskId());
        Responses.json(call, 200, Json.writeMap(response(id, v1 ? A2aV1.sendResult(reply) : reply)));
    }

    /**
     * A plain handler's reply is one message event; a streaming handler's is a task: its snapshot, then what
     * {@link #runTask} sends.
     */
    private void stream(HttpCall call, Object id, boolean v1, A2aMessage message, RequestContext context)
            throws IOException {
        SseResponse events = new SseResponse(call);
        EventEmitter out = event -> events.send(response(id, v1 ? A2aV1.streamResponse(asMap(event)) : event));
        try {
            if (agent.streamingHandler() == null) {
                Object reply = agent.handler().reply(message, context);
                out.send(agentMessage(partsOf(reply), message.contextId(), message.taskId()));
            } else {
                A2aTasks.Task task = tasks.create(message);
                task.record(statusUpdate(task, "working", null, false));
                out.send(task.snapshot(null));
                runTask(task, message, context, out);
            }
            events.finish();
        } catch (EventEmitter.ClientDisconnectedException e) {
            LOG.info("The A2A caller disconnected; stream stopped");
        } catch (Exception e) {
            LOG.log(Level.SEVERE, e, () -> "A2A handler failed");
            answerError(call, id, INTERNAL_ERROR, "Internal error: " + messageOf(e));
        }
    }

    /**
     * Answers a send that asked not to wait ({@code configuration.returnImmediately} in 1.0, {@code blocking: false}
     * in 0.3) with the task, working, and runs the handler on a thread of its own, tracked so {@code /ping} says
     * busy until it ends. The caller follows it with {@code GetTask} or {@code SubscribeToTask}.
     */
    private void sendWithoutWaiting(HttpCall call, Object id, boolean v1, A2aMessage message,
            RequestContext context) throws IOException {
        A2aTasks.Task task = tasks.create(message);
        task.record(statusUpdate(task, "working", null, false));
        long tracked = ping.addTask("A2A task " + task.id, null);
        Thread thread = new Thread(() -> context.runWith(() -> {
            try {
                runTask(task, message, context, event -> { });
            } catch (IOException cannotHappen) {
                LOG.log(Level.SEVERE, cannotHappen, () -> "A2A task " + task.id + " failed");
            } finally {
                ping.completeTask(tracked);
            }
        }), "agentcore-a2a-task-" + tracked);
        thread.setDaemon(true);
        thread.start();
        Map<String, Object> working = task.snapshot(null);
        Responses.json(call, 200, Json.writeMap(response(id, v1 ? A2aV1.sendResult(working) : working)));
    }

    /**
     * Runs the handler as the task: each chunk an artifact update, then the final status (completed; failed with
     * the error as its message; or as the task was cancelled meanwhile), each recorded in the task and passed to
     * {@code out}. Throws only when {@code out}'s caller has gone; the task is then failed.
     */
    private void runTask(A2aTasks.Task task, A2aMessage message, RequestContext context, EventEmitter out)
            throws IOException {
        try {
            boolean[] appending = {false};
            streamingHandler().reply(message, context, chunk -> {
                Map<String, Object> update = artifactUpdate(task, chunk instanceof A2aMessage reply ? reply.parts()
                        : List.of(partOf(chunk)), appending[0]);
                if (!task.record(update)) {
                    throw new TaskEndedException(task);
                }
                appending[0] = true;
                out.send(update);
            });
            Map<String, Object> completed = statusUpdate(task, "completed", null, true);
            out.send(task.record(completed) ? completed : statusUpdate(task, task.state(), null, true));
        } catch (EventEmitter.ClientDisconnectedException e) {
            task.record(statusUpdate(task, "failed", agentMessage(List.of(A2aMessage.textPart(
                    "The caller disconnected before the task ended")), task.contextId, task.id), true));
            throw e;
        } catch (Exception e) {
            if (task.isTerminal()) {
                // Cancelled while it ran: whatever the handler threw on its way out, the task ends as it was ended.
                LOG.info(() -> "A2A task " + task.id + " was " + task.state() + " while it ran");
                out.send(statusUpdate(task, task.state(), null, true));
                return;
            }
            LOG.log(Level.SEVERE, e, () -> "A2A handler failed");
            Map<String, Object> failed = statusUpdate(task, "failed",
                    agentMessage(List.of(A2aMessage.textPart(messageOf(e))), task.contextId, task.id), true);
            task.record(failed);
            out.send(failed);
        }
    }

    /** The agent's handler as a streaming one: a one-reply handler's reply is its one chunk. */
    private A2aStreamingHandler streamingHandler() {
        A2aHandler handler = agent.handler();
        return handler == null ? agent.streamingHandler()
                : (message, context, chunks) -> chunks.send(handler.reply(message, context));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object event) {
        return (Map<String, Object>) event;
    }

    private void cancel(HttpCall call, Object id, boolean v1, A2aTasks.Task task) throws IOException {
        if (!task.record(statusUpdate(task, "canceled", null, true))) {
            answerError(call, id, TASK_NOT_CANCELABLE, "Task not cancelable: task " + task.id + " is already "
                    + task.state());
            return;
        }
        answer(call, id, v1, task.snapshot(null));
    }

    /** Streams a running task's snapshot, then its events as they happen, to its end. */
    private void subscribe(HttpCall call, Object id, boolean v1, A2aTasks.Task task) throws IOException {
        BlockingQueue<Map<String, Object>> next = task.follow();
        if (next == null) {
            answerError(call, id, UNSUPPORTED_OPERATION, "Unsupported operation: task " + task.id + " is already "
                    + task.state() + "; get it with " + (v1 ? "GetTask" : "tasks/get"));
            return;
        }
        SseResponse events = new SseResponse(call);
        try {
            events.send(response(id, v1 ? A2aV1.streamResponse(task.snapshot(null)) : task.snapshot(null)));
            Map<String, Object> event;
            do {
                event = next.take();
                events.send(response(id, v1 ? A2aV1.streamResponse(event) : event));
            } while (!Boolean.TRUE.equals(event.get("final")));
            events.finish();
        } catch (EventEmitter.ClientDisconnectedException e) {
            LOG.info("The A2A subscriber disconnected");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code ListTasks} (1.0 only): this session's tasks, newest first, in one page. */
    private void list(HttpCall call, Object id, Map<?, ?> params) throws IOException {
        String contextId = params.get("contextId") instanceof String value && !value.isEmpty() ? value : null;
        // Only a named state filters: UNSPECIFIED, or the UNRECOGNIZED the JS SDK sends for an unset filter, do not.
        String status = params.get("status") instanceof String value && value.startsWith("TASK_STATE_")
                && !value.equals("TASK_STATE_UNSPECIFIED") ? A2aV1.legacyState(value) : null;
        int pageSize = params.get("pageSize") instanceof Number size ? Math.max(1, Math.min(100, size.intValue()))
                : 50;
        List<Object> found = new ArrayList<>();
        for (A2aTasks.Task task : tasks.list(contextId)) {
            if (found.size() < pageSize && (status == null || status.equals(task.state()))) {
                found.add(A2aV1.translate(task.snapshot(historyLength(params))));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tasks", found);
        result.put("nextPageToken", "");
        result.put("pageSize", pageSize);
        result.put("totalSize", found.size());
        Responses.json(call, 200, Json.writeMap(response(id, result)));
    }

    private static void answer(HttpCall call, Object id, boolean v1, Map<String, Object> task) throws IOException {
        Responses.json(call, 200, Json.writeMap(response(id, v1 ? A2aV1.translate(task) : task)));
    }

    /** Thrown from a task's chunk emitter once the task was cancelled, to stop its handler. */
    private static final class TaskEndedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TaskEndedException(A2aTasks.Task task) {
            super("A2A task " + task.id + " is " + task.state(), null, false, false);
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

    private static Map<String, Object> agentMessage(List<Map<String, Object>> parts, String contextId,
            String taskId) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", "message");
        message.put("messageId", Ids.uuid());
        message.put("role", "agent");
        message.put("parts", parts);
        if (contextId != null) {
            message.put("contextId", contextId);
        }
        if (taskId != null) {
            message.put("taskId", taskId);
        }
        return message;
    }

    private static Map<String, Object> artifactUpdate(A2aTasks.Task task, List<Map<String, Object>> parts,
            boolean append) {
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("artifactId", task.artifactId());
        artifact.put("name", "response");
        artifact.put("parts", parts);
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("kind", "artifact-update");
        update.put("taskId", task.id);
        update.put("contextId", task.contextId);
        update.put("artifact", artifact);
        update.put("append", append);
        update.put("lastChunk", false);
        return update;
    }

    private static Map<String, Object> statusUpdate(A2aTasks.Task task, String state, Map<String, Object> message,
            boolean last) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", state);
        if (message != null) {
            status.put("message", message);
        }
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("kind", "status-update");
        update.put("taskId", task.id);
        update.put("contextId", task.contextId);
        update.put("status", status);
        update.put("final", last);
        return update;
    }

    private static Map<String, Object> response(Object id, Object result) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", "2.0");
        response.put("id", id);
        response.put("result", result);
        return response;
    }

    /** A JSON-RPC error, with HTTP 200 as A2A and AgentCore expect. */
    private static void answerError(HttpCall call, Object id, int code, String message) throws IOException {
        Responses.jsonRpcError(call, 200, id, code, message);
    }
}
