package io.github.agentcore4j.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A request body read once, under the shared {@link BodyBudget}, within the request read timeout: into one array that
 * parsers read directly (no text copy), or, above {@link Json#LARGE_BODY_BYTES}, into {@link BodySegments} that the
 * parse lets go of as it passes them. Every protocol's endpoint reads its body here; closing it gives its share back
 * to the budget, so keep it open while the payload bound from it is in use.
 */
final class RequestBody implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AgentCoreApp.LOGGER_NAME);
    /**
     * A large body's segments are this many bytes ({@code 1 << SEGMENT_SHIFT}); a chunked body of unknown length is
     * read and budgeted in steps of this size. Small enough that the segments the parse still holds are a small
     * part of a large body; large enough that their number is small.
     */
    private static final int SEGMENT_SHIFT = 18;
    private static final int STEP = 1 << SEGMENT_SHIFT;
    /** Java arrays stop a little short of Integer.MAX_VALUE. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final AtomicLong FAILED_UPLOADS = new AtomicLong();

    private byte[] bytes;
    private BodySegments segments;
    private final BodyBudget budget;
    private long reserved;

    private RequestBody(byte[] bytes, BodySegments segments, BodyBudget budget, long reserved) {
        this.bytes = bytes;
        this.segments = segments;
        this.budget = budget;
        this.reserved = reserved;
    }

    /**
     * Reads the body within {@code limit} bytes, on the shared budget and the configured read timeout; a large one
     * in segments, for a parser.
     */
    static RequestBody read(HttpCall call, long limit) throws Refused {
        return read(call, limit, BodyBudget.shared(), ServerLimits.readTimeout(), true);
    }

    /** As {@link #read(HttpCall, long)}, always into one array: for a handler that takes the raw bytes or text. */
    static RequestBody readWhole(HttpCall call, long limit) throws Refused {
        return read(call, limit, BodyBudget.shared(), ServerLimits.readTimeout(), false);
    }

    static RequestBody read(HttpCall call, long limit, BodyBudget budget, Duration timeout, boolean segmented)
            throws Refused {
        long declared = declaredLength(call, Math.min(limit, MAX_ARRAY));
        ReadDeadlines.Watch watch = ReadDeadlines.watch(call, timeout);
        InputStream in = call.requestBody();
        try (watch) {
            RequestBody body = declared >= 0 ? readDeclared(in, (int) declared, budget, segmented)
                    : readChunked(in, Math.min(limit, MAX_ARRAY), budget, segmented);
            // Closed once read; a refused body's stream stays open, for the answer to linger on its rest (Linger).
            in.close();
            return body;
        } catch (IOException | RuntimeException failure) {
            throw watch.wasCut() ? Refused.uploadFailed("not received within the request read timeout of "
                    + timeout.toSeconds() + " s (set -D" + ServerLimits.READ_TIMEOUT_PROPERTY + " or "
                    + ServerLimits.READ_TIMEOUT_VARIABLE + ")") : Refused.readFailure(failure);
        }
    }

    /**
     * Hands the body over, once: parse it from these bytes rather than through a String copy. The body forgets them,
     * so they are garbage as soon as the parse is done, while the budget stays reserved for what was parsed. A body
     * held in segments is joined into one array here: parsers take {@link #takeSegments()} first.
     */
    byte[] take() {
        if (segments != null) {
            return takeSegments().join();
        }
        byte[] taken = bytes;
        bytes = null;
        return taken;
    }

    /** Hands a large body over in its segments, once; null when it is one array, for {@link #take()}. */
    BodySegments takeSegments() {
        BodySegments taken = segments;
        segments = null;
        return taken;
    }

    @Override
    public void close() {
        budget.release(reserved);
        reserved = 0;
    }

    static long failedUploads() {
        return FAILED_UPLOADS.get();
    }

    /** The Content-Length as a number, -1 when the body is chunked; strictly digits, as RFC 9110 has it. */
    private static long declaredLength(HttpCall call, long limit) throws Refused {
        String declared = call.requestHeader("Content-Length");
        if (declared == null) {
            return -1;
        }
        if (declared.isEmpty() || declared.length() > 18 || !digitsOnly(declared)) {
            throw new Refused(400, "Invalid Content-Length",
                    "Content-Length must be a number of bytes written with digits only; it was '"
                            + Responses.abbreviate(declared) + "'");
        }
        long length = Long.parseLong(declared);
        if (length > limit) {
            throw Refused.tooLarge(limit);
        }
        return length;
    }

    private static boolean digitsOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static RequestBody readDeclared(InputStream in, int length, BodyBudget budget, boolean segmented)
            throws IOException, Refused {
        if (!budget.tryReserve(length)) {
            discard(in, length);
            throw Refused.busy(budget);
        }
        boolean done = false;
        try {
            RequestBody body = segmented && length > Json.LARGE_BODY_BYTES ? readSegments(in, length, budget)
                    : new RequestBody(readFully(in, new byte[length], 0, length), null, budget, length);
            done = true;
            return body;
        } finally {
            if (!done) {
                budget.release(length);
            }
        }
    }

    /** A large body of a declared length, read straight into its segments (the last one shorter). */
    private static RequestBody readSegments(InputStream in, int length, BodyBudget budget) throws IOException {
        byte[][] parts = new byte[(int) (((long) length + STEP - 1) >>> SEGMENT_SHIFT)][];
        for (int i = 0; i < parts.length; i++) {
            int from = i << SEGMENT_SHIFT;
            parts[i] = readFully(in, new byte[Math.min(STEP, length - from)], from, length);
        }
        return new RequestBody(null, new BodySegments(parts, SEGMENT_SHIFT, length), budget, length);
    }

    /** Fills {@code into}, the part of a body of {@code length} bytes that starts at {@code from}. */
    private static byte[] readFully(InputStream in, byte[] into, int from, int length) throws IOException {
        int read = in.readNBytes(into, 0, into.length);
        if (read < into.length) {
            throw new IOException("the caller sent " + (from + read) + " of the " + length + " bytes it declared");
        }
        return into;
    }

    /**
     * A body of unknown length, in steps that become its segments as they are (no copy into one array); a small one
     * (one step of at most {@link Json#LARGE_BODY_BYTES}), or one not {@code segmented}, is one array.
     */
    private static RequestBody readChunked(InputStream in, long limit, BodyBudget budget, boolean segmented)
            throws IOException, Refused {
        List<byte[]> steps = new ArrayList<>();
        long total = 0;
        long reserved = 0;
        boolean done = false;
        try {
            while (true) {
                if (!budget.tryReserve(STEP)) {
                    discard(in, limit - total);
                    throw Refused.busy(budget);
                }
                reserved += STEP;
                byte[] step = in.readNBytes(STEP);
                total += step.length;
                if (total > limit) {
                    throw Refused.tooLarge(limit);
                }
                steps.add(step);
                if (step.length < STEP) {
                    break;
                }
            }
            budget.release(reserved - total);
            reserved = total;
            done = true;
            if (total <= Json.LARGE_BODY_BYTES) {
                return new RequestBody(steps.get(0), null, budget, total);
            }
            BodySegments segments = new BodySegments(steps.toArray(new byte[0][]), SEGMENT_SHIFT, (int) total);
            return segmented ? new RequestBody(null, segments, budget, total)
                    : new RequestBody(segments.join(), null, budget, total);
        } finally {
            if (!done) {
                budget.release(reserved);
            }
        }
    }

    /**
     * Reads and drops up to {@code max} bytes through a small buffer: a caller refused for lack of budget then gets
     * its 503 and Retry-After instead of a connection reset in the middle of its upload, at no cost in heap.
     */
    private static void discard(InputStream in, long max) throws IOException {
        byte[] scratch = new byte[64 * 1024];
        long left = max;
        int read;
        while (left > 0 && (read = in.read(scratch, 0, (int) Math.min(scratch.length, left))) > 0) {
            left -= read;
        }
    }

    /**
     * Why a body was not read: answered with {@link #status()} (413, 400, 503), or, when the upload itself failed
     * ({@code status() == 0}), not answered at all: the connection is dropped, as nobody is there to read an answer.
     */
    static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;
        /** Seconds a refused caller should wait before retrying a body the budget could not hold. */
        static final String RETRY_AFTER_SECONDS = "1";

        private final int status;
        private final String details;

        Refused(int status, String error, String details) {
            super(error, null, false, false);
            this.status = status;
            this.details = details;
        }

        static Refused tooLarge(long limit) {
            return new Refused(413, "Payload too large", "The request body is larger than " + limit + " bytes");
        }

        static Refused busy(BodyBudget budget) {
            return new Refused(503, "Busy", "Request bodies in flight already hold the agent's body budget of "
                    + budget.capacity() + " bytes; retry shortly (the agent's operator raises the budget with -D"
                    + ServerLimits.BODY_BUDGET_PROPERTY + " or " + ServerLimits.BODY_BUDGET_VARIABLE
                    + ", and the heap with -Xmx)");
        }

        static Refused uploadFailed(String why) {
            return new Refused(0, "Upload failed", why);
        }

        /** A framing error the server found in the body (400), or a caller that stopped sending (no answer). */
        static Refused readFailure(Exception failure) {
            if (isFramingError(failure)) {
                return new Refused(400, "Malformed request body",
                        "The body's framing is invalid (" + describe(failure) + "); send a valid chunked or "
                                + "Content-Length body");
            }
            return uploadFailed(describe(failure));
        }

        private static boolean isFramingError(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                String message = cause.getMessage();
                if (cause instanceof RuntimeException || message != null && message.startsWith("invalid chunk")) {
                    return true;
                }
            }
            return false;
        }

        private static String describe(Throwable failure) {
            return failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + Responses.abbreviate(failure.getMessage()));
        }

        int status() {
            return status;
        }

        String details() {
            return details;
        }

        /**
         * Logs one WARN line (never any of the body) and prepares the call: returns true when the endpoint should
         * now answer {@link #status()} with {@link #getMessage()} and {@link #details()} in its own format, false
         * when the connection was dropped instead.
         */
        boolean prepareAnswer(HttpCall call) {
            call.setResponseHeader("Connection", "close");
            if (status == 0) {
                long count = FAILED_UPLOADS.incrementAndGet();
                LOG.warning(() -> "Upload failed (" + details + "); connection closed without an answer (" + count
                        + " failed upload(s) so far)");
                call.abort();
                return false;
            }
            LOG.warning(() -> getMessage() + " (HTTP " + status + "): " + details);
            call.lingerOnClose();
            if (status == 503) {
                call.setResponseHeader("Retry-After", RETRY_AFTER_SECONDS);
            }
            return true;
        }
    }
}
