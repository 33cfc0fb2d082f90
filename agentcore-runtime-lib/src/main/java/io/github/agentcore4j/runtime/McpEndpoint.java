package io.github.agentcore4j.runtime;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /mcp}: the MCP Java SDK's stateless streamable-HTTP transport on the agent's own server, answering
 * as the SDK's {@code HttpServletStatelessServerTransport} does without needing a servlet container. Like it, it
 * never reads {@code Mcp-Session-Id}, so the id AgentCore adds to every request is accepted, as the MCP contract
 * requires. Each request runs with its {@link RequestContext} current, also on the Reactor threads the SDK may move
 * a tool to, so tools see {@link RequestContext#current()} and log with the request and session ids.
 */
final class McpEndpoint implements McpStatelessServerTransport, Protocol {

    /** The port AgentCore sends MCP requests to. */
    static final int PORT = 8000;
    static final String PATH = "/mcp";
    /** The key of the {@link RequestContext} in the {@link McpTransportContext} tools receive. */
    static final String REQUEST_CONTEXT_KEY = RequestContext.class.getName();

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);
    private static final String APPLICATION_JSON = "application/json";
    private static final String TEXT_EVENT_STREAM = "text/event-stream";

    static {
        Schedulers.onScheduleHook(REQUEST_CONTEXT_KEY, task -> {
            RequestContext context = RequestContext.current().orElse(null);
            return context == null ? task : () -> context.runWith(task);
        });
    }

    /** Without tools of its own to call, warmup lists the tools. */
    private static final List<?> TOOLS_LIST = List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");

    private final Function<? super McpStatelessServerTransport, ?> server;
    private final McpJsonMapper json;
    private long maxRequestBytes;
    private volatile McpStatelessServerHandler handler;

    /** @param server builds the application's MCP server on the transport it is given */
    McpEndpoint(Function<? super McpStatelessServerTransport, ?> server) {
        this.server = server;
        this.json = McpJsonDefaults.getMapper();
    }

    /** No port variable: as in the Python SDK, the generic {@code PORT} does not apply to MCP servers. */
    @Override
    public Defaults defaults() {
        return new Defaults(PORT, null, PATH);
    }

    @Override
    public List<?> defaultWarmup() {
        return TOOLS_LIST;
    }

    @Override
    public void wire(Wiring wiring) {
        handler = null;
        server.apply(this);
        if (handler == null) {
            throw new IllegalStateException("The mcpServer function must build the server on the transport it is "
                    + "given, e.g. transport -> McpServer.sync(transport)...build()");
        }
        maxRequestBytes = wiring.maxRequestBytes();
        wiring.invocations("POST", "MCP", "MCP", this::serve);
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    /** Nothing to release: the agent's server stops the HTTP side and lets requests in flight finish. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    private void serve(HttpCall call, RequestContext context, InvocationSpan span) throws IOException {
        long started = System.nanoTime();
        try {
            String accept = call.requestHeader("Accept");
            if (accept == null || !accept.contains(APPLICATION_JSON) || !accept.contains(TEXT_EVENT_STREAM)) {
                LOG.warning(() -> "MCP request refused: Accept is '" + accept + "'");
                error(call, 406, McpSchema.ErrorCodes.INVALID_REQUEST, "Not Acceptable: the client must accept both "
                        + APPLICATION_JSON + " and " + TEXT_EVENT_STREAM);
                return;
            }
            try (RequestBody body = RequestBody.read(call, maxRequestBytes)) {
                Map<?, ?> message = read(body);
                if (message.get("method") instanceof String method) {
                    span.name("MCP " + method);
                }
                answer(call, message, context, started);
            }
        } catch (RequestBody.Refused e) {
            if (e.prepareAnswer(call)) {
                error(call, e.status(), McpSchema.ErrorCodes.INVALID_REQUEST, e.getMessage() + ": " + e.details());
            }
        } catch (InvalidMessageException | PayloadBinder.BadRequestException e) {
            LOG.warning(() -> "Invalid MCP message: " + e.getMessage());
            error(call, 400, McpSchema.ErrorCodes.PARSE_ERROR, "Invalid message format: " + e.getMessage());
        } catch (RuntimeException e) {
            span.fail(e);
            LOG.log(Level.SEVERE, e, () -> "MCP request failed (" + InvocationEndpoint.seconds(started) + ")");
            error(call, 500, McpSchema.ErrorCodes.INTERNAL_ERROR, "Failed to handle request: " + e.getMessage());
        }
    }

    private void answer(HttpCall call, Map<?, ?> message, RequestContext context, long started) throws IOException {
        McpTransportContext transport = McpTransportContext.create(Map.of(REQUEST_CONTEXT_KEY, context));
        Object id = message.get("id");
        if (!(message.get("method") instanceof String method)) {
            error(call, 400, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "The server accepts either requests or notifications");
        } else if (message.containsKey("id") && !(id instanceof String || id instanceof Number)) {
            error(call, 400, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Invalid Request: a JSON-RPC id is a string or a number; send one, or no id for a notification");
        } else if (!message.containsKey("id")) {
            handler.handleNotification(transport, convert(message, McpSchema.JSONRPCNotification.class))
                    .contextWrite(reactor -> reactor.put(McpTransportContext.KEY, transport))
                    .block();
            call.sendResponseHeaders(202, -1);
        } else if (McpSchema.METHOD_TOOLS_CALL.equals(method) && !(message.get("params") instanceof Map)) {
            LOG.warning(() -> "MCP " + method + " refused: no params");
            Responses.json(call, 200, json.writeValueAsBytes(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION,
                    id, null, new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS,
                            "Invalid params: " + method + " needs params {\"name\": <tool>, \"arguments\": {...}}",
                            null))));
        } else {
            McpSchema.JSONRPCRequest request = convert(message, McpSchema.JSONRPCRequest.class);
            McpSchema.JSONRPCResponse response = handler.handleRequest(transport, request)
                    .contextWrite(reactor -> reactor.put(McpTransportContext.KEY, transport))
                    .block();
            Responses.json(call, 200, json.writeValueAsBytes(response));
            LOG.info(() -> "MCP " + method + (response != null && response.error() != null
                    ? " answered error " + response.error().code() : " completed") + " ("
                    + InvocationEndpoint.seconds(started) + ")");
        }
    }

    /** The SDK's type for a message already parsed; a message of the wrong shape is the caller's fault (400). */
    private <T> T convert(Map<?, ?> message, Class<T> type) {
        try {
            return json.convertValue(message, type);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException(e.getMessage());
        }
    }

    /**
     * The JSON-RPC message as a map, parsed from the body's bytes with the library's own parser: no text copy, and
     * strings as long as the 100 MB body limit allows (the SDK's mapper stops at Jackson's 20 million characters).
     */
    private static Map<?, ?> read(RequestBody body) {
        Object parsed;
        try {
            parsed = Json.read(body, Object.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidMessageException(e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> message)) {
            throw new InvalidMessageException("expected a JSON-RPC message object");
        }
        return message;
    }

    /** A JSON-RPC error with a null id, as JSON-RPC has it when the request's id is unknown. */
    private static void error(HttpCall call, int status, int code, String message) throws IOException {
        Responses.jsonRpcError(call, status, null, code, message);
    }

    /** A body that is not a JSON-RPC message. */
    private static final class InvalidMessageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidMessageException(String message) {
            super(firstLine(message));
        }

        private static String firstLine(String message) {
            if (message == null) {
                return "not JSON";
            }
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    }
}
