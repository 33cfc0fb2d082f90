package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An answer (a response body, an event's data) being serialised: held until it passes {@link #LIMIT} bytes, then
 * sent as it comes. A small answer (the common case) goes to its {@link Destination} whole, from one copy of exactly
 * its size, as before; a larger one goes out in the serialiser's steps, so no array ever holds a large answer whole.
 * Call {@link #finish()} once the answer is complete; until then nothing at all may have been sent.
 */
final class AnswerStream extends OutputStream {

    /**
     * The most an answer may be and still go out whole (a response with its Content-Length); also the most one write
     * hands the engine.
     */
    static final int LIMIT = 64 * 1024;

    private static final byte[] NOTHING = {};

    /** Where an answer goes: whole when it stays within {@link #LIMIT}, else as it comes. */
    interface Destination {

        /** The answer outgrew {@link #LIMIT}: the stream it goes out on from now on, which its sender ends. */
        OutputStream stream() throws IOException;

        /** The complete answer, within {@link #LIMIT}: the first {@code length} bytes of {@code bytes}. */
        void whole(byte[] bytes, int length) throws IOException;
    }

    private final Destination destination;
    private byte[] held = NOTHING;
    private int count;
    private OutputStream sent;

    AnswerStream(Destination destination) {
        this.destination = destination;
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
            sent = destination.stream();
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

    /** Hands over what is held, unless the answer was streamed (then all of it has gone already). */
    void finish() throws IOException {
        if (sent == null) {
            destination.whole(held, count);
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
