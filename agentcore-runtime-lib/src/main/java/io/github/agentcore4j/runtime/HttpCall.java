package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * One HTTP request and its response, whichever server engine carries it: the JDK's HTTP server for plain agents,
 * Jetty for agents that also serve WebSocket. The endpoints are written against this, so both engines answer alike.
 * Its response semantics are the JDK server's.
 */
interface HttpCall {

    String method();

    /** The decoded request path, without the query. */
    String path();

    /** The first value of a request header, looked up case-insensitively; null when absent. */
    String requestHeader(String name);

    /** Every request header, several values of one joined with {@code ", "}. */
    Map<String, String> requestHeaders();

    InputStream requestBody();

    void setResponseHeader(String name, String value);

    /**
     * Sends the status line and headers.
     *
     * @param length the body length; {@code 0} for a streamed body of unknown length, {@code -1} for no body
     */
    void sendResponseHeaders(int status, long length) throws IOException;

    /** The response body, after {@link #sendResponseHeaders}; each write reaches the caller once flushed. */
    OutputStream responseBody();

    /**
     * Has the end of this exchange first read and drop the rest of the request body ({@link Linger}), after the
     * answer is out: for an answer that refuses a body the caller may still be sending. Call it before answering.
     */
    void lingerOnClose();

    /** Ends the exchange; calling it again does nothing. */
    void close();

    /**
     * Drops the connection without an answer, for a caller whose upload failed (nobody reads an answer) or stalled;
     * any thread may call it, also while another one is blocked reading the body. Then {@link #close()} does nothing.
     */
    void abort();

    /** Registers how to end this call's open response stream should the server stop first; the last one wins. */
    void onServerStop(Runnable endStream);

    /** Ends the open response stream, if one was registered; called by a server stopping while it is still open. */
    void serverStopping();
}
