package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/** An {@link HttpCall} on Jetty's core API, answered with blocking writes on the invocation's own thread. */
final class JettyHttpCall extends AbstractHttpCall {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private Map<String, String> headers;
    private OutputStream out;
    private InputStream in;
    private boolean lingerOnClose;
    private boolean closed;

    JettyHttpCall(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return request.getHttpURI().getDecodedPath();
    }

    @Override
    public String requestHeader(String name) {
        return request.getHeaders().get(name);
    }

    /** Built once: the server checks the headers and the endpoint reads them again. */
    @Override
    public Map<String, String> requestHeaders() {
        if (headers == null) {
            headers = headersOf(request);
        }
        return headers;
    }

    /** A request's headers, several values of one joined with {@code ", "}. */
    static Map<String, String> headersOf(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getName(), field.getValue(), (first, next) -> first + ", " + next);
        }
        return headers;
    }

    /** One stream per call, so a read that lingers after the body was refused starts where the refusal stopped. */
    @Override
    public InputStream requestBody() {
        if (in == null) {
            in = Content.Source.asInputStream(request);
        }
        return in;
    }

    @Override
    public void lingerOnClose() {
        lingerOnClose = true;
    }

    @Override
    public void setResponseHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    @Override
    public void sendResponseHeaders(int status, long length) {
        response.setStatus(status);
        if (length != 0) {
            response.getHeaders().put("Content-Length", Long.toString(Math.max(length, 0)));
        }
        out = new BodyStream(response, Math.max(length, 0));
    }

    @Override
    public OutputStream responseBody() {
        return out;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (out == null) {
                sendResponseHeaders(response.getStatus(), -1);
            }
            ((BodyStream) out).finish();
            if (lingerOnClose) {
                Linger.dropRest(requestBody());
            }
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    @Override
    public synchronized void abort() {
        if (closed) {
            return;
        }
        closed = true;
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new IOException("connection dropped without an answer"));
    }

    /**
     * The response body, written with blocking writes. A body of declared length goes out as the last write once
     * complete, so Jetty sends the head, the body and the response's end together (one {@code writev}); a streamed
     * body is written chunk by chunk. Closing it is {@link #close()}'s job, so endpoints may close it early as on the
     * JDK server.
     */
    private static final class BodyStream extends OutputStream {

        private final Response response;
        /** Bytes still to come of a body of declared length; 0 for a streamed body or a complete one. */
        private long declaredLeft;
        private boolean ended;

        BodyStream(Response response, long declaredLength) {
            this.response = response;
            this.declaredLeft = declaredLength;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (ended) {
                throw new IOException("The response body is complete");
            }
            boolean last = declaredLeft > 0 && length >= declaredLeft;
            declaredLeft = Math.max(0, declaredLeft - length);
            ended = last;
            Content.Sink.write(response, last, ByteBuffer.wrap(bytes, offset, length));
        }

        @Override
        public void flush() throws IOException {
            if (!ended) {
                Content.Sink.write(response, false, BufferUtil.EMPTY_BUFFER);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        void finish() throws IOException {
            if (!ended) {
                ended = true;
                Content.Sink.write(response, true, BufferUtil.EMPTY_BUFFER);
            }
        }
    }
}
