package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * AG-UI on AgentCore's HTTP port: {@code POST /invocations} takes a {@code RunAgentInput} and streams the run's
 * events as Server-Sent Events; {@code /ws} carries one run per connection, as the Python SDK does: a
 * {@code RunAgentInput} text message in, one text message per event out, then a normal close. A bad input is refused
 * before any event (HTTP 400; on {@code /ws} close code 1003); a failure once the run has started becomes its last
 * event, {@code RUN_ERROR}.
 */
final class AgUiEndpoint implements Protocol {

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);

    private final AgUiHandler handler;
    private long maxRequestBytes;

    AgUiEndpoint(AgUiHandler handler) {
        this.handler = handler;
    }

    /** AG-UI shares the HTTP protocol's port and path. */
    @Override
    public Defaults defaults() {
        return InvocationEndpoint.DEFAULTS;
    }

    @Override
    public void wire(Wiring wiring) {
        maxRequestBytes = wiring.maxRequestBytes();
        wiring.invocations("POST", "AG-UI run", "AGUI", this::serve);
        if (jettyWebSocketAvailable()) {
            wiring.webSocket(webSocket());
        } else {
            LOG.info("AG-UI over /ws needs org.eclipse.jetty.websocket:jetty-websocket-jetty-server on the "
                    + "classpath; serving AG-UI over SSE on /invocations only");
        }
    }

    private static boolean jettyWebSocketAvailable() {
        try {
            Class.forName("org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler", false,
                    AgUiEndpoint.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    private void serve(HttpCall call, RequestContext context, InvocationSpan span) throws IOException {
        try {
            AgUiInput input;
            try (RequestBody body = RequestBody.read(call, maxRequestBytes)) {
                input = AgUiInput.parse(body.take());
            }
            SseResponse events = new SseResponse(call);
            run(input, context, events);
            events.finish();
        } catch (PayloadBinder.BadRequestException e) {
            Responses.badRequest(call, e);
        } catch (RequestBody.Refused e) {
            Responses.refused(call, e);
        } catch (EventEmitter.ClientDisconnectedException e) {
            LOG.info("The AG-UI caller disconnected; run stopped");
        } finally {
            call.close();
        }
    }

    /** The {@code /ws} handler: the connection's first text message is its run, answered with its events. */
    WebSocketHandler webSocket() {
        return new WebSocketHandler() {
            @Override
            public void onText(WebSocketSession session, String message) throws IOException {
                AgUiInput input;
                try {
                    input = AgUiInput.parse(message.getBytes(StandardCharsets.UTF_8));
                } catch (PayloadBinder.BadRequestException e) {
                    LOG.warning(() -> e.getMessage() + ": " + e.details());
                    String reason = e.getMessage() + ": " + e.details();
                    // A close reason must fit in a control frame (123 bytes of UTF-8).
                    session.close(WebSocketSession.UNSUPPORTED_DATA,
                            reason.length() > 100 ? reason.substring(0, 100) : reason);
                    return;
                }
                run(input, session.context(),
                        event -> session.sendText(new String(Json.write(event), StandardCharsets.UTF_8)));
                session.close(WebSocketSession.NORMAL, "run ended");
            }
        };
    }

    /** {@code RUN_STARTED}, the handler's events, then {@code RUN_FINISHED}, or {@code RUN_ERROR} if it fails. */
    private void run(AgUiInput input, RequestContext context, EventEmitter events) throws IOException {
        long started = System.nanoTime();
        Map<String, Object> runStarted = runEvent("RUN_STARTED", input);
        runStarted.put("protocolVersion", AgUiEvents.PROTOCOL_VERSION);
        events.send(runStarted);
        try {
            handler.run(input, context, new AgUiEvents(events));
        } catch (EventEmitter.ClientDisconnectedException e) {
            throw e;
        } catch (Exception e) {
            LOG.log(Level.SEVERE, e, () -> "AG-UI run " + input.runId() + " failed ("
                    + InvocationEndpoint.seconds(started) + ")");
            events.send(runError(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(),
                    e.getClass().getSimpleName()));
            return;
        }
        events.send(runEvent("RUN_FINISHED", input));
        LOG.info(() -> "AG-UI run " + input.runId() + " finished (" + InvocationEndpoint.seconds(started) + ")");
    }

    private static Map<String, Object> runEvent(String type, AgUiInput input) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("threadId", input.threadId());
        event.put("runId", input.runId());
        return event;
    }

    private static Map<String, Object> runError(String message, String code) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "RUN_ERROR");
        event.put("message", message);
        event.put("code", code);
        return event;
    }
}
