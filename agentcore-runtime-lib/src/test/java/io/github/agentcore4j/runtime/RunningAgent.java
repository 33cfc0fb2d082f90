package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A started agent on a free 127.0.0.1 port, and the ways tests talk to it. Close it to stop the server. */
final class RunningAgent implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * {@code jetty} runs HTTP agents on the Jetty engine (by registering a WebSocket handler), so the HTTP contract
     * tests prove both engines answer alike; the build runs them once per engine.
     */
    static final String ENGINE_PROPERTY = "agentcore.test.engine";

    final AgentServer server;
    final HttpClient client = HttpClient.newBuilder()
            // HTTP/1.1 as the platform speaks it; the client's h2c upgrade headers would otherwise reach handlers.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    RunningAgent(AgentCoreApp app) {
        if ("jetty".equals(System.getProperty(ENGINE_PROPERTY))) {
            app.websocket(new WebSocketHandler() {
            });
        }
        this.server = app.host("127.0.0.1").port(0).start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder invocation(String body) {
        return HttpRequest.newBuilder(uri("/invocations")).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> invoke(String body) throws IOException, InterruptedException {
        return send(invocation(body).build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> ping() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/ping")).timeout(TIMEOUT).GET().build());
    }

    /** Sends raw bytes on a new connection and returns the socket, for wire-level checks. */
    Socket raw(String head, byte[] body) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    /** Reads a whole HTTP/1.1 response head from a raw socket. */
    static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
