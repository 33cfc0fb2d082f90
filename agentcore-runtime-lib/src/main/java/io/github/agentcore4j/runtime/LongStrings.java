package io.github.agentcore4j.runtime;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * A parser over a large UTF-8 body that builds each string value straight from the body's bytes, once: Jackson
 * would decode it into a growing {@code char[]} buffer and copy that into the String, four times the string's size
 * in heap for a long one. Everything else (structure, names, numbers, errors) stays Jackson's: for a string value
 * Jackson itself rejects (a control character, a bad escape), the text is left to Jackson, which reports it as
 * always. Jackson skips each string this parser built without decoding it.
 * <p>
 * Plain ASCII becomes a compact String in one copy. An escaped Latin-1 string of a map/list tree is unescaped in the
 * body's own bytes once the parse is done ({@link #fill}); for records, beans and {@code JsonNode} trees it is decoded
 * into an array of its exact length first, as is any string with characters beyond Latin-1 (into UTF-16). The body
 * must have been checked to be UTF-8.
 * <p>
 * The body may be in segments that Jackson reads as a stream ({@link BodySegments#stream()}): then each string built
 * here is skipped by Jackson as filler, and the segments behind the parse are let go of, but those of the strings
 * {@link #fill} still has to build.
 */
final class LongStrings extends JsonParserDelegate {

    private final BodySegments body;
    /** Whether what is read is a plain tree of maps and lists, whose strings {@link #fill} may still replace. */
    private final boolean tree;
    /** Escaped Latin-1 strings of a tree, to be built in the body's own bytes once the body is parsed. */
    private final Map<String, Deferred> deferred = new IdentityHashMap<>();
    /** The string value last built (and where its opening quote was), so a second read does not build it again. */
    private long builtAt = -1;
    private String built;

    /**
     * A parser over {@code body} whose token offsets are offsets in {@code body}: see {@link #canRead}. With
     * {@code tree}, the caller binds the body to plain maps and lists and passes the result through {@link #fill}.
     */
    LongStrings(JsonParser parser, BodySegments body, boolean tree) {
        super(parser);
        this.body = body;
        this.tree = tree;
    }

    /** Whether Jackson reads {@code body} with {@code parser} as UTF-8 from its first byte (no byte-order mark). */
    static boolean canRead(JsonParser parser, BodySegments body) {
        return parser instanceof UTF8StreamJsonParser && (body.length() == 0 || body.at(0) != (byte) 0xEF);
    }

    /**
     * The tree read through this parser with its deferred strings in place. They are built now, when Jackson is done
     * with the body: each is unescaped within its own bytes (it only shrinks) and the String copied from there, so
     * no scratch array of its size is needed (but for one across segments). The body's bytes are garbage afterwards.
     */
    Object fill(Object value) {
        body.releaseBelow(body.length());
        if (deferred.isEmpty()) {
            return value;
        }
        for (Deferred string : deferred.values()) {
            latin1(string.start, string.chars, body, string.start);
            string.text = body.latin1(string.start, string.chars, string.end);
        }
        return replace(value);
    }

    private Object replace(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                @SuppressWarnings("unchecked")
                Map.Entry<Object, Object> writable = (Map.Entry<Object, Object>) entry;
                writable.setValue(replace(entry.getValue()));
            }
        } else if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            ListIterator<Object> items = (ListIterator<Object>) list.listIterator();
            while (items.hasNext()) {
                items.set(replace(items.next()));
            }
        } else if (value instanceof String) {
            Deferred string = deferred.get(value);
            return string == null ? value : string.text;
        }
        return value;
    }

    /**
     * A string value waiting for {@link #fill}: its first byte, its length in characters, its closing quote (its
     * bytes are pinned up to there), then its text.
     */
    private static final class Deferred {
        final int start;
        final int chars;
        final int end;
        String text;

        Deferred(int start, int chars, int end) {
            this.start = start;
            this.chars = chars;
            this.end = end;
        }
    }

    @Override
    public String getText() throws IOException {
        return hasToken(JsonToken.VALUE_STRING) ? stringValue() : super.getText();
    }

    @Override
    public String getValueAsString() throws IOException {
        return hasToken(JsonToken.VALUE_STRING) ? stringValue() : super.getValueAsString();
    }

    @Override
    public String getValueAsString(String defaultValue) throws IOException {
        return hasToken(JsonToken.VALUE_STRING) ? stringValue() : super.getValueAsString(defaultValue);
    }

    @Override
    public String nextTextValue() throws IOException {
        return nextToken() == JsonToken.VALUE_STRING ? stringValue() : null;
    }

    // A long string built here is gone from Jackson's stream (filler): what else may read the text reads the String.

    @Override
    public char[] getTextCharacters() throws IOException {
        String string = builtNow();
        return string != null ? string.toCharArray() : super.getTextCharacters();
    }

    @Override
    public int getTextLength() throws IOException {
        String string = builtNow();
        return string != null ? string.length() : super.getTextLength();
    }

    @Override
    public int getTextOffset() throws IOException {
        return builtNow() != null ? 0 : super.getTextOffset();
    }

    @Override
    public boolean hasTextCharacters() {
        return builtNow() == null && super.hasTextCharacters();
    }

    @Override
    public byte[] getBinaryValue(Base64Variant variant) throws IOException {
        String string = builtNow();
        return string != null ? variant.decode(string) : super.getBinaryValue(variant);
    }

    /** The string built here for the current token, or null when Jackson has its text (or it is deferred). */
    private String builtNow() {
        return built != null && hasToken(JsonToken.VALUE_STRING)
                && delegate.currentTokenLocation().getByteOffset() == builtAt && !deferred.containsKey(built) ? built
                : null;
    }

    private String stringValue() throws IOException {
        long quote = delegate.currentTokenLocation().getByteOffset();
        if (quote != builtAt) {
            built = quote >= 0 && quote < body.length() && body.holds((int) quote) && body.at((int) quote) == '"'
                    ? decode((int) quote + 1) : null;
            builtAt = quote;
        }
        return built != null ? built : delegate.getText();
    }

    /**
     * The string that starts at {@code start}, or null when it is not valid JSON (Jackson then says why). A first
     * pass measures it; the second builds it at its exact size. Once built, Jackson skips it as filler and its bytes
     * are let go of.
     */
    private String decode(int start) {
        int chars = 0;
        boolean escaped = false;
        boolean ascii = true;
        boolean latin1 = true;
        int fillFrom = -1;
        int at = start;
        while (true) {
            int run = body.plainTextEnd(at, body.length());
            if (fillFrom < 0 && run > body.streamPosition()) {
                // Every byte of the run starts a character.
                fillFrom = Math.max(at, body.streamPosition());
            }
            chars += run - at;
            at = run;
            if (at >= body.length()) {
                return null;
            }
            if (fillFrom < 0 && at >= body.streamPosition()) {
                fillFrom = at;
            }
            int c = body.at(at) & 0xFF;
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                int escape = escape(at);
                if (escape < 0) {
                    return null;
                }
                escaped = true;
                latin1 &= escape <= 0xFF;
                at += body.at(at + 1) == 'u' ? 6 : 2;
                chars++;
            } else if (c < 0x20) {
                return null;
            } else {
                ascii = false;
                int length = sequenceLength(c);
                latin1 &= length == 2 && c <= 0xC3;
                at += length;
                chars += length == 4 ? 2 : 1;
            }
        }
        if (tree && latin1 && (escaped || !ascii)) {
            // A placeholder of its own identity, replaced by fill().
            String placeholder = new String();
            deferred.put(placeholder, new Deferred(start, chars, at));
            body.pin(start, at);
            return placeholder;
        }
        body.built(fillFrom < 0 ? at : fillFrom, at);
        String string;
        if (ascii && !escaped) {
            string = body.latin1(start, chars, 0);
        } else if (!latin1) {
            string = new String(utf16(start, chars));
        } else {
            BodySegments text = BodySegments.of(new byte[chars]);
            latin1(start, chars, text, 0);
            string = text.latin1(0, chars, 0);
        }
        body.releaseBelow(at);
        return string;
    }

    /**
     * Decodes a string of Latin-1 characters only (as measured) into one byte each, from {@code into}'s
     * {@code offset}; also in place ({@code into == body}, {@code offset == start}), as each character is written no
     * further than it is read. Runs of plain text are copied as they are.
     */
    private void latin1(int start, int chars, BodySegments into, int offset) {
        int at = start;
        int i = offset;
        while (i < offset + chars) {
            // No further than the characters left: the closing quote's segment may be gone by fill().
            int run = body.plainTextEnd(at, at + offset + chars - i);
            body.copyTo(at, into, i, run - at);
            i += run - at;
            at = run;
            if (i == offset + chars) {
                break;
            }
            int c = body.at(at) & 0xFF;
            if (c == '\\') {
                into.set(i++, (byte) escape(at));
                at += body.at(at + 1) == 'u' ? 6 : 2;
            } else {
                into.set(i++, (byte) ((c & 0x1F) << 6 | body.at(at + 1) & 0x3F));
                at += 2;
            }
        }
    }

    /** Decodes a string into UTF-16, characters beyond the Basic Multilingual Plane as surrogate pairs. */
    private char[] utf16(int start, int chars) {
        char[] text = new char[chars];
        int at = start;
        int i = 0;
        while (i < chars) {
            int c = body.at(at) & 0xFF;
            if (c == '\\') {
                text[i++] = (char) escape(at);
                at += body.at(at + 1) == 'u' ? 6 : 2;
            } else if (c < 0x80) {
                text[i++] = (char) c;
                at++;
            } else if (c < 0xE0) {
                text[i++] = (char) ((c & 0x1F) << 6 | body.at(at + 1) & 0x3F);
                at += 2;
            } else if (c < 0xF0) {
                text[i++] = (char) ((c & 0x0F) << 12 | (body.at(at + 1) & 0x3F) << 6 | body.at(at + 2) & 0x3F);
                at += 3;
            } else {
                int codePoint = (c & 0x07) << 18 | (body.at(at + 1) & 0x3F) << 12 | (body.at(at + 2) & 0x3F) << 6
                        | body.at(at + 3) & 0x3F;
                text[i++] = Character.highSurrogate(codePoint);
                text[i++] = Character.lowSurrogate(codePoint);
                at += 4;
            }
        }
        return text;
    }

    /** The bytes of a UTF-8 sequence led by {@code lead} (the body is valid UTF-8). */
    private static int sequenceLength(int lead) {
        return lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    }

    /** The character the escape at {@code at} stands for, or -1 for one JSON does not have. */
    private int escape(int at) {
        if (at + 1 >= body.length()) {
            return -1;
        }
        return switch (body.at(at + 1)) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> hex(at + 2);
            default -> -1;
        };
    }

    /** The four hex digits at {@code at} as a number, or -1. */
    private int hex(int at) {
        if (at + 4 > body.length()) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(body.at(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }
}
