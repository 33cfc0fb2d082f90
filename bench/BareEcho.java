import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor for a JVM: the benchmark's echo behaviour on the JDK's own HTTP server with no JSON library and no
 * logging. It reads only the payload fields the benchmark sends ({@code prompt}, {@code stream}, {@code sleep_ms})
 * by scanning the text, which is enough for these payloads and nothing more. Threads as in the runtime library:
 * virtual per request on Java 21+, else a cached pool. A floor should be the best the JDK server does, so two of its
 * settings are changed: TCP_NODELAY is on ({@code sun.net.httpserver.nodelay}; without it JDK 17's server answers a
 * keep-alive connection only every ~40 ms, Nagle's algorithm meeting delayed ACKs), and up to 1024 idle keep-alive
 * connections are kept ({@code sun.net.httpserver.maxIdleConnections}; by default it closes those beyond 200).
 * Usage: {@code java BareEcho.java <port>}.
 */
public final class BareEcho {

    private BareEcho() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "1024");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 4096);
        server.setExecutor(threads());
        server.createContext("/ping", exchange -> {
            try (exchange) {
                send(exchange, 200, "application/json", "{\"status\":\"Healthy\",\"time_of_last_update\":0}");
            }
        });
        server.createContext("/invocations", exchange -> {
            try (exchange) {
                invoke(exchange);
            }
        });
        server.start();
    }

    private static ExecutorService threads() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException olderThanJava21) {
            return Executors.newCachedThreadPool();
        }
    }

    private static void invoke(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String sleep = rawValue(body, "sleep_ms");
        if (sleep != null) {
            try {
                Thread.sleep(Long.parseLong(sleep));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        String prompt = stringValue(body, "prompt");
        if ("true".equals(rawValue(body, "stream"))) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String word : prompt.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    out.write(("data: \"" + word + "\"\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
            return;
        }
        String session = exchange.getRequestHeaders().getFirst("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id");
        send(exchange, 200, "application/json", "{\"response\":\"echo: " + prompt + "\",\"sessionId\":"
                + (session == null ? "null" : "\"" + session + "\"") + "}");
    }

    /** The still-escaped text of a JSON string field, or "" when absent. */
    private static String stringValue(String json, String field) {
        int at = json.indexOf("\"" + field + "\"");
        if (at < 0) {
            return "";
        }
        int start = json.indexOf('"', json.indexOf(':', at) + 1) + 1;
        int end = start;
        while (json.charAt(end) != '"') {
            end += json.charAt(end) == '\\' ? 2 : 1;
        }
        return json.substring(start, end);
    }

    /** The text of a number or literal field, or null when absent. */
    private static String rawValue(String json, String field) {
        int at = json.indexOf("\"" + field + "\"");
        if (at < 0) {
            return null;
        }
        int start = json.indexOf(':', at) + 1;
        int end = start;
        while (end < json.length() && ",}".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return json.substring(start, end).trim();
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
