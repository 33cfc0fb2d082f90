package io.github.agentcore4j.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A parser over a large UTF-8 body that builds each string value straight from the body's bytes, once: Jackson
 * would decode it into a growing {@code char[]} buffer and copy that into the String, four times the string's size
 * in heap for a long one. Everything else (structure, names, numbers, errors) stays Jackson's: for a string value
 * Jackson itself rejects (a control character, a bad escape), the text is left to Jackson, which reports it as
 * always. Jackson skips each string this parser built without decoding it.
 * <p>
 * Plain ASCII becomes a compact String in one copy; with escapes or other characters, the text is decoded once into
 * an array of its exact length, then copied into the String. The body must have been checked to be UTF-8.
 */
final class LongStrings extends JsonParserDelegate {

    private final byte[] body;
    /** The string value last built (and where its opening quote was), so a second read does not build it again. */
    private long builtAt = -1;
    private String built;

    private LongStrings(JsonParser parser, byte[] body) {
        super(parser);
        this.body = body;
    }

    /**
     * Wraps a parser over {@code body} when Jackson reads it as UTF-8 from its first byte (no byte-order mark), so
     * its token offsets are offsets in {@code body}; any other parser is returned as it is.
     */
    static JsonParser over(JsonParser parser, byte[] body) {
        boolean utf8FromStart = parser instanceof UTF8StreamJsonParser && (body.length == 0 || body[0] != (byte) 0xEF);
        return utf8FromStart ? new LongStrings(parser, body) : parser;
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

    private String stringValue() throws IOException {
        long quote = delegate.currentTokenLocation().getByteOffset();
        if (quote != builtAt) {
            built = quote >= 0 && quote < body.length && body[(int) quote] == '"' ? decode((int) quote + 1) : null;
            builtAt = quote;
        }
        return built != null ? built : delegate.getText();
    }

    /**
     * The string that starts at {@code start}, or null when it is not valid JSON (Jackson then says why). A first
     * pass measures it; the second builds it at its exact size.
     */
    private String decode(int start) {
        int chars = 0;
        boolean escaped = false;
        boolean ascii = true;
        boolean latin1 = true;
        int at = start;
        while (true) {
            if (at >= body.length) {
                return null;
            }
            int c = body[at] & 0xFF;
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
                at += body[at + 1] == 'u' ? 6 : 2;
                chars++;
            } else if (c < 0x20) {
                return null;
            } else if (c < 0x80) {
                at++;
                chars++;
            } else {
                ascii = false;
                int length = sequenceLength(c);
                latin1 &= length == 2 && c <= 0xC3;
                at += length;
                chars += length == 4 ? 2 : 1;
            }
        }
        if (ascii && !escaped) {
            return new String(body, start, at - start, StandardCharsets.ISO_8859_1);
        }
        return latin1 ? new String(latin1(start, chars), StandardCharsets.ISO_8859_1) : new String(utf16(start, chars));
    }

    /** Decodes a string of Latin-1 characters only (as measured) into one byte each. */
    private byte[] latin1(int start, int chars) {
        byte[] text = new byte[chars];
        int at = start;
        for (int i = 0; i < chars; i++) {
            int c = body[at] & 0xFF;
            if (c == '\\') {
                text[i] = (byte) escape(at);
                at += body[at + 1] == 'u' ? 6 : 2;
            } else if (c < 0x80) {
                text[i] = (byte) c;
                at++;
            } else {
                text[i] = (byte) ((c & 0x1F) << 6 | body[at + 1] & 0x3F);
                at += 2;
            }
        }
        return text;
    }

    /** Decodes a string into UTF-16, characters beyond the Basic Multilingual Plane as surrogate pairs. */
    private char[] utf16(int start, int chars) {
        char[] text = new char[chars];
        int at = start;
        int i = 0;
        while (i < chars) {
            int c = body[at] & 0xFF;
            if (c == '\\') {
                text[i++] = (char) escape(at);
                at += body[at + 1] == 'u' ? 6 : 2;
            } else if (c < 0x80) {
                text[i++] = (char) c;
                at++;
            } else if (c < 0xE0) {
                text[i++] = (char) ((c & 0x1F) << 6 | body[at + 1] & 0x3F);
                at += 2;
            } else if (c < 0xF0) {
                text[i++] = (char) ((c & 0x0F) << 12 | (body[at + 1] & 0x3F) << 6 | body[at + 2] & 0x3F);
                at += 3;
            } else {
                int codePoint = (c & 0x07) << 18 | (body[at + 1] & 0x3F) << 12 | (body[at + 2] & 0x3F) << 6
                        | body[at + 3] & 0x3F;
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
        if (at + 1 >= body.length) {
            return -1;
        }
        return switch (body[at + 1]) {
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
        if (at + 4 > body.length) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(body[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }
}
