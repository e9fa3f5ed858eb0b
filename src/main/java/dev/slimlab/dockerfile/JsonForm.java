package dev.slimlab.dockerfile;

import dev.slimlab.gotext.GoText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Recognises the JSON (exec) form of an instruction the way BuildKit does: the text must start
 * with {@code [} and be exactly one valid JSON value, decoded as Go's {@code encoding/json} does
 * (invalid UTF-8 and lone surrogate escapes become U+FFFD). A valid array with a non-string
 * element is an error; anything that is not valid JSON is simply shell form.
 */
final class JsonForm {

    /** Go's encoding/json refuses nesting deeper than this. */
    private static final int MAX_DEPTH = 10_000;

    /** A valid JSON array that holds something other than strings. */
    static final class NotStringArray extends Exception {
        NotStringArray() {
            super("JSON arrays in Dockerfiles must contain only strings", null, false, false);
        }
    }

    private final String s;
    private int pos;

    private JsonForm(String s) {
        this.s = s;
    }

    /** The decoded strings, or empty when {@code text} is not JSON form. */
    static Optional<List<String>> parse(String text) throws NotStringArray {
        String rest = text.substring(GoText.trimLeftIndex(text, 0, text.length()));
        if (!rest.startsWith("[")) {
            return Optional.empty();
        }
        JsonForm parser = new JsonForm(rest);
        List<Object> elements;
        try {
            parser.skipWhitespace();
            elements = parser.array();
            parser.skipWhitespace();
            if (parser.pos != rest.length()) {
                return Optional.empty();
            }
        } catch (SyntaxError e) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>(elements.size());
        for (Object element : elements) {
            if (!(element instanceof String)) {
                throw new NotStringArray();
            }
            strings.add((String) element);
        }
        return Optional.of(strings);
    }

    private static final class SyntaxError extends Exception {
        SyntaxError() {
            super(null, null, false, false);
        }
    }

    /** The top-level array: strings decoded, any other element validated and marked. */
    private List<Object> array() throws SyntaxError {
        pos++; // [
        List<Object> out = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            skipWhitespace();
            if (peek() == '"') {
                out.add(string());
            } else {
                skipValue(1);
                out.add(Boolean.FALSE);
            }
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                throw new SyntaxError();
            }
        }
    }

    /** Validates one value without recursion, so deep nesting cannot overflow the stack. */
    private void skipValue(int outerDepth) throws SyntaxError {
        Deque<Character> open = new ArrayDeque<>();
        expectValue:
        while (true) {
            skipWhitespace();
            char c = peek();
            if (c == '[' || c == '{') {
                if (outerDepth + open.size() + 1 > MAX_DEPTH) {
                    throw new SyntaxError();
                }
                pos++;
                skipWhitespace();
                if (peek() == (c == '[' ? ']' : '}')) {
                    pos++;
                } else {
                    open.push(c);
                    if (c == '{') {
                        key();
                    }
                    continue;
                }
            } else {
                scalar();
            }
            while (!open.isEmpty()) {
                skipWhitespace();
                char d = next();
                char container = open.peek();
                if (d == ',') {
                    if (container == '{') {
                        key();
                    }
                    continue expectValue;
                }
                if (d != (container == '[' ? ']' : '}')) {
                    throw new SyntaxError();
                }
                open.pop();
            }
            return;
        }
    }

    private void key() throws SyntaxError {
        skipWhitespace();
        if (peek() != '"') {
            throw new SyntaxError();
        }
        string();
        skipWhitespace();
        if (next() != ':') {
            throw new SyntaxError();
        }
    }

    private void scalar() throws SyntaxError {
        switch (peek()) {
            case '"': string(); break;
            case 't': literal("true"); break;
            case 'f': literal("false"); break;
            case 'n': literal("null"); break;
            default: number();
        }
    }

    private String string() throws SyntaxError {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw new SyntaxError();
            }
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw new SyntaxError();
            }
            if (c == '\\') {
                pos++;
                switch (next()) {
                    case '"': out.append('"'); break;
                    case '\\': out.append('\\'); break;
                    case '/': out.append('/'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u': out.appendCodePoint(unicodeEscape()); break;
                    default: throw new SyntaxError();
                }
                continue;
            }
            if (GoText.isEscapedByte(c)) {
                out.append(GoText.RUNE_ERROR);
                pos++;
                continue;
            }
            out.append(c);
            pos++;
        }
    }

    /** After {@code \\u}: a code point; surrogates pair up or become U+FFFD, as in Go. */
    private int unicodeEscape() throws SyntaxError {
        int r = hex4(pos);
        pos += 4;
        if (!Character.isSurrogate((char) r)) {
            return r;
        }
        if (Character.isHighSurrogate((char) r) && s.startsWith("\\u", pos)) {
            int low = hex4OrMinus(pos + 2);
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                pos += 6;
                return Character.toCodePoint((char) r, (char) low);
            }
        }
        return GoText.RUNE_ERROR;
    }

    private int hex4(int at) throws SyntaxError {
        int v = hex4OrMinus(at);
        if (v < 0) {
            throw new SyntaxError();
        }
        return v;
    }

    private int hex4OrMinus(int at) {
        if (at + 4 > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            char c = s.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private void literal(String word) throws SyntaxError {
        if (!s.startsWith(word, pos)) {
            throw new SyntaxError();
        }
        pos += word.length();
    }

    private void number() throws SyntaxError {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek()) ) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw new SyntaxError();
        }
        if (peek() == '.') {
            pos++;
            requireDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigits();
        }
        if (pos == start) {
            throw new SyntaxError();
        }
    }

    private void requireDigits() throws SyntaxError {
        if (!isDigit(peek())) {
            throw new SyntaxError();
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char next() throws SyntaxError {
        if (pos >= s.length()) {
            throw new SyntaxError();
        }
        return s.charAt(pos++);
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }
}
