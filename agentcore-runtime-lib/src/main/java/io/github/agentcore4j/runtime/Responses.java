package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/** Reading request bodies and writing plain JSON answers, on either server engine. */
final class Responses {

    static final String JSON = "application/json";
    /** The most one write of a response body hands the engine's stream. */
    private static final int WRITE_STEP = AnswerStream.LIMIT;
    private static final int MAX_QUOTED_CHARS = 80;
    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);

    private Responses() {
    }

    static void json(HttpCall call, int status, byte[] body) throws IOException {
        json(call, status, body, body.length);
    }

    /** The first {@code length} bytes of {@code body}, with their Content-Length. */
    static void json(HttpCall call, int status, byte[] body, int length) throws IOException {
        call.setResponseHeader("Content-Type", JSON);
        call.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (OutputStream out = call.responseBody()) {
            writeInSteps(out, body, 0, length);
        }
    }

    /** In bounded steps: given a large array at once, the JDK server's channel writer copies all of it. */
    static void writeInSteps(OutputStream out, byte[] bytes, int offset, int length) throws IOException {
        for (int at = offset; at < offset + length; at += WRITE_STEP) {
            out.write(bytes, at, Math.min(WRITE_STEP, offset + length - at));
        }
    }

    /**
     * A handler's result as JSON ({@link Json#write(Object)}'s rules), serialised straight into the answer: with its
     * Content-Length up to {@link AnswerStream#LIMIT} bytes, streamed (chunked) beyond, never held whole; closing the
     * call ends a streamed one.
     */
    static void result(HttpCall call, int status, Object value) throws IOException {
        call.setResponseHeader("Content-Type", JSON);
        AnswerStream out = new AnswerStream(new AnswerStream.Destination() {
            @Override
            public OutputStream stream() throws IOException {
                call.sendResponseHeaders(status, 0);
                return call.responseBody();
            }

            @Override
            public void whole(byte[] bytes, int length) throws IOException {
                json(call, status, bytes, length);
            }
        });
        Json.write(value, out);
        out.finish();
    }

    /** {@code {"error":error}} plus {@code "details"} when given. */
    static void error(HttpCall call, int status, String error, String details) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (details != null) {
            body.put("details", details);
        }
        json(call, status, Json.writeMap(body));
    }

    /**
     * A JSON-RPC 2.0 error response (MCP and A2A): {@code {"jsonrpc":"2.0","id":id,"error":{"code":..,"message":..}}},
     * with a null id when the request's is unknown.
     */
    static void jsonRpcError(HttpCall call, int status, Object id, int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", "2.0");
        response.put("id", id);
        response.put("error", error);
        json(call, status, Json.writeMap(response));
    }

    /** Answers a request whose body was refused (too large, over the budget, badly framed), unless it gets none. */
    static void refused(HttpCall call, RequestBody.Refused refused) throws IOException {
        if (refused.prepareAnswer(call)) {
            error(call, refused.status(), refused.getMessage(), refused.details());
        }
    }

    /** Answers 400 to a body that is not what the handler takes, and logs why. */
    static void badRequest(HttpCall call, PayloadBinder.BadRequestException bad) throws IOException {
        LOG.warning(() -> bad.getMessage() + ": " + bad.details());
        error(call, 400, bad.getMessage(), bad.details());
    }

    /**
     * A caller's text fit for a log line or an error message: at most 80 characters, control characters shown as
     * {@code ?}, so it cannot forge log lines nor carry much of a body.
     */
    static String abbreviate(String text) {
        String shown = text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "…" : text;
        StringBuilder safe = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return safe.toString();
    }
}
