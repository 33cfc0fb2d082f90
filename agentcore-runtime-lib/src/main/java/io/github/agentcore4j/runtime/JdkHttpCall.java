package io.github.agentcore4j.runtime;

import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link HttpCall} on the JDK's {@code com.sun.net.httpserver}. */
final class JdkHttpCall extends AbstractHttpCall {

    private final HttpExchange exchange;
    private Map<String, String> headers;
    private boolean lingerOnClose;

    JdkHttpCall(HttpExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod();
    }

    @Override
    public String path() {
        return exchange.getRequestURI().getPath();
    }

    @Override
    public String requestHeader(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Built once: the server checks the headers and the endpoint reads them again. */
    @Override
    public Map<String, String> requestHeaders() {
        if (headers == null) {
            Map<String, String> joined = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                List<String> values = header.getValue();
                joined.put(header.getKey(), values.size() == 1 ? values.get(0) : String.join(", ", values));
            }
            headers = joined;
        }
        return headers;
    }

    @Override
    public InputStream requestBody() {
        return exchange.getRequestBody();
    }

    @Override
    public void setResponseHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    @Override
    public void sendResponseHeaders(int status, long length) throws IOException {
        exchange.sendResponseHeaders(status, length);
    }

    /** When lingering, closing the body lingers before the JDK server ends the exchange (which closing it does). */
    @Override
    public OutputStream responseBody() {
        OutputStream body = exchange.getResponseBody();
        return lingerOnClose ? new LingeringBody(body) : body;
    }

    @Override
    public void lingerOnClose() {
        lingerOnClose = true;
    }

    @Override
    public void close() {
        exchange.close();
    }

    /** Closing an exchange that has sent no response headers closes its connection: nothing else can be sent on it. */
    @Override
    public void abort() {
        exchange.close();
    }

    /** A response body whose close sends what is written, then lingers, then ends the exchange. */
    private final class LingeringBody extends FilterOutputStream {

        LingeringBody(OutputStream body) {
            super(body);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
            Linger.dropRest(exchange.getRequestBody());
            out.close();
        }
    }
}
