package io.github.agentcore4j.runtime;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A large request body held in segments of equal size (the last may be shorter), so that it can be let go of as it
 * is parsed: a segment is dropped once nothing needs its bytes any more (the parser's {@link #stream()} is past it
 * and {@link LongStrings} will not read it), unless a string still to be built from it has pinned it. Without this,
 * a body of many strings was held whole next to the strings parsed from it: over twice its size in heap.
 * <p>
 * Offsets are absolute, from the body's first byte. Reading a byte of a dropped segment is a bug of the caller.
 */
final class BodySegments {

    /** Bytes the parser's stream keeps behind its position: more than Jackson's read buffer (8,000 bytes). */
    private static final int STREAM_LAG = 64 * 1024;
    /** Stands in for the bytes of a string already built, which the parser then skips without reading them. */
    private static final byte FILLER = 'x';

    private final byte[][] parts;
    private final int shift;
    private final int length;
    /** Per segment, how many deferred strings still need it; null while none does. */
    private int[] pins;
    /** Nothing below this offset is needed except pinned segments; the next segment to drop once it is below. */
    private int floor;
    private int nextToDrop;
    /** Where the stream reads next; {@link Integer#MAX_VALUE} until there is a stream. */
    private int position = Integer.MAX_VALUE;
    /** The stream hands out {@link #FILLER} for these bytes (the inside of a string already built)... */
    private int fillFrom;
    private int fillTo;
    /** ...and these, the bytes of that string from where it reads to where the filler starts, before it. */
    private byte[] lead;

    /** The body in {@code parts}, each {@code 1 << shift} bytes long except the last. */
    BodySegments(byte[][] parts, int shift, int length) {
        this.parts = parts;
        this.shift = shift;
        this.length = length;
    }

    /** One array as a body of one segment. */
    static BodySegments of(byte[] bytes) {
        return new BodySegments(new byte[][] {bytes}, 31, bytes.length);
    }

    /** A copy of {@code bytes} in segments of {@code 1 << shift} bytes (for tests, with small ones). */
    static BodySegments split(byte[] bytes, int shift) {
        int size = 1 << shift;
        byte[][] parts = new byte[Math.max(1, (bytes.length + size - 1) / size)][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Arrays.copyOfRange(bytes, i * size, Math.min(bytes.length, (i + 1) * size));
        }
        return new BodySegments(parts, shift, bytes.length);
    }

    int length() {
        return length;
    }

    byte at(int offset) {
        return parts[offset >>> shift][offset & mask()];
    }

    void set(int offset, byte value) {
        parts[offset >>> shift][offset & mask()] = value;
    }

    /** Whether the byte at {@code offset} is still held. */
    boolean holds(int offset) {
        return offset >= 0 && offset < length && parts[offset >>> shift] != null;
    }

    /**
     * The first offset from {@code from} that ends a run of plain string text (printable ASCII but the quote and the
     * backslash), or {@code limit}: scanned in the segments' arrays, as most of a long string is such a run.
     */
    int plainTextEnd(int from, int limit) {
        int at = from;
        while (at < limit) {
            byte[] part = parts[at >>> shift];
            int first = at & mask();
            int i = first;
            int end = (int) Math.min(part.length, first + (long) (limit - at));
            while (i < end && part[i] >= 0x20 && part[i] != '"' && part[i] != '\\') {
                i++;
            }
            at += i - first;
            if (i < end) {
                return at;
            }
        }
        return limit;
    }

    /**
     * Copies {@code count} bytes from {@code from} to {@code into} at {@code to}, front to back: also within this
     * body when {@code to <= from}, as no byte is written before it is read.
     */
    void copyTo(int from, BodySegments into, int to, int count) {
        while (count > 0) {
            int step = Math.min(count, Math.min(partEnd(from >>> shift) - from, into.partEnd(to >>> into.shift) - to));
            System.arraycopy(parts[from >>> shift], from & mask(), into.parts[to >>> into.shift], to & into.mask(),
                    step);
            from += step;
            to += step;
            count -= step;
        }
    }

    /** Whether any byte has its high bit set. */
    boolean hasNonAscii() {
        for (byte[] part : parts) {
            for (byte b : part) {
                if (b < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the body is empty or JSON whitespace only. */
    boolean isBlank() {
        for (byte[] part : parts) {
            for (byte b : part) {
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                    return false;
                }
            }
        }
        return true;
    }

    /** The whole body in one array, each segment dropped once copied (for a handler that takes the raw bytes). */
    byte[] join() {
        if (parts.length == 1) {
            return parts[0];
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i], 0, bytes, i << shift, parts[i].length);
            parts[i] = null;
        }
        return bytes;
    }

    /**
     * The Latin-1 string of {@code chars} bytes at {@code start}, copied once when it lies in one segment; across
     * segments, from each into an array of its exact size, each segment let go of once copied. With
     * {@code pinnedTo > 0}, the string's segments were pinned up to that offset and are unpinned here; else nothing
     * below the string's end is needed any more (see {@link #built}).
     */
    String latin1(int start, int chars, int pinnedTo) {
        int first = start >>> shift;
        int next = first;
        String string;
        if (chars == 0 || first == (start + chars - 1) >>> shift) {
            string = new String(parts[first], start & mask(), chars, StandardCharsets.ISO_8859_1);
        } else {
            byte[] text = new byte[chars];
            int at = start;
            while (at < start + chars) {
                int part = at >>> shift;
                int step = Math.min(start + chars, partEnd(part)) - at;
                System.arraycopy(parts[part], at & mask(), text, at - start, step);
                at += step;
                if (at == partEnd(part)) {
                    letGo(part, pinnedTo > 0);
                    next = part + 1;
                }
            }
            string = new String(text, StandardCharsets.ISO_8859_1);
        }
        for (int part = next; pinnedTo > 0 && part <= (pinnedTo - 1) >>> shift; part++) {
            letGo(part, true);
        }
        return string;
    }

    private void letGo(int part, boolean pinned) {
        if (pinned) {
            pins[part]--;
            drop(part);
        } else {
            releaseBelow(partEnd(part));
        }
    }

    /** Where the parser's stream reads next ({@link Integer#MAX_VALUE} when the parser reads no stream). */
    int streamPosition() {
        return position;
    }

    /**
     * Marks the rest of a string already built, {@code [from, to)}, from a character's first byte at or after
     * {@link #streamPosition()}: the stream hands filler for it, so the parser skips it without its segments, which
     * may go once the string is copied. The string's bytes before {@code from} that the stream has still to hand
     * (the rest of a character or an escape the parser has begun) are kept aside; the closing quote at {@code to}
     * stays in its segment.
     */
    void built(int from, int to) {
        if (from >= to || position >= to) {
            return;
        }
        lead = position < from ? copy(position, from) : null;
        fillFrom = from;
        fillTo = to;
    }

    private byte[] copy(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int at = from; at < to; at++) {
            bytes[at - from] = at(at);
        }
        return bytes;
    }

    /** Nothing below {@code offset} is needed any more, but pinned segments: drops the others. */
    void releaseBelow(int offset) {
        if (offset <= floor) {
            return;
        }
        floor = offset;
        while (nextToDrop < parts.length && partEnd(nextToDrop) <= floor) {
            drop(nextToDrop++);
        }
    }

    /** Keeps the segments of {@code [from, to)} until {@link #latin1} builds the string there. */
    void pin(int from, int to) {
        if (pins == null) {
            pins = new int[parts.length];
        }
        for (int part = from >>> shift; part <= (to - 1) >>> shift; part++) {
            pins[part]++;
        }
    }

    private void drop(int part) {
        if ((pins == null || pins[part] == 0) && partEnd(part) <= floor) {
            parts[part] = null;
        }
    }

    private int partEnd(int part) {
        return (int) Math.min((long) (part + 1) << shift, length);
    }

    private int mask() {
        return (int) ((1L << shift) - 1);
    }

    /**
     * The body for Jackson to read, once: segments it is well past are dropped, and the inside of a string already
     * {@link #built} reads as filler.
     */
    InputStream stream() {
        position = 0;
        return new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] into, int offset, int wanted) {
                if (position >= length) {
                    return -1;
                }
                int count = Math.min(wanted, length - position);
                int end = position + count;
                while (position < end) {
                    int step;
                    if (lead != null && position < fillFrom) {
                        step = Math.min(end, fillFrom) - position;
                        System.arraycopy(lead, lead.length - (fillFrom - position), into, offset, step);
                    } else if (position >= fillFrom && position < fillTo) {
                        step = Math.min(end, fillTo) - position;
                        Arrays.fill(into, offset, offset + step, FILLER);
                    } else {
                        int part = position >>> shift;
                        int stop = Math.min(end, partEnd(part));
                        step = (position < fillFrom ? Math.min(stop, fillFrom) : stop) - position;
                        lead = null;
                        System.arraycopy(parts[part], position & mask(), into, offset, step);
                    }
                    position += step;
                    offset += step;
                }
                releaseBelow(position - STREAM_LAG);
                return count;
            }
        };
    }
}
