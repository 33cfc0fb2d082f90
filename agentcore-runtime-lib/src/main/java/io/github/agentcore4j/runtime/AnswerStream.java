package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A response body being serialised: held until it passes {@link #LIMIT} bytes, then sent as it comes. A small
 * answer (the common case) goes out with its Content-Length in one write, from one copy of exactly its size, as
 * before; a larger one goes out streamed (chunked) in the serialiser's steps, so no array ever holds a large answer
 * whole. Call {@link #finish()} once the answer is complete; until then nothing at all may have been sent.
 */
final class AnswerStream extends OutputStream {

    /** The most an answer may be and still go out with a Content-Length; also the most one write hands the engine. */
    static final int LIMIT = 64 * 1024;

    private static final byte[] NOTHING = {};

    private final HttpCall call;
    private final int status;
    private byte[] held = NOTHING;
    private int count;
    private OutputStream sent;

    AnswerStream(HttpCall call, int status) {
        this.call = call;
        this.status = status;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (sent == null && count + length <= LIMIT) {
            hold(bytes, offset, length);
            return;
        }
        if (sent == null) {
            call.sendResponseHeaders(status, 0);
            sent = call.responseBody();
            Responses.writeInSteps(sent, held, 0, count);
            held = null;
        }
        Responses.writeInSteps(sent, bytes, offset, length);
    }

    /** Drops what an attempt that failed wrote, so another one may start over; false when part of it was sent. */
    boolean restart() {
        count = 0;
        return sent == null;
    }

    /** Sends what is held with its length, or ends the streamed body. */
    void finish() throws IOException {
        if (sent == null) {
            Responses.json(call, status, held, count);
        } else {
            sent.close();
        }
    }

    /** The first write is kept at its exact size: a small answer arrives from the serialiser in one write. */
    private void hold(byte[] bytes, int offset, int length) {
        if (count + length > held.length) {
            held = count == 0 ? new byte[length] : Arrays.copyOf(held, Math.min(LIMIT, Math.max(count + length,
                    2 * held.length)));
        }
        System.arraycopy(bytes, offset, held, count, length);
        count += length;
    }
}
