package dev.slimlab.gotext;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text primitives BuildKit's parser inherits from Go, reproduced exactly: lossless UTF-8
 * decoding, {@code unicode.IsSpace}, {@code strings.TrimSpace}, {@code strings.ToLower} and
 * {@code strconv.Quote}. The Dockerfile parser and the {@code .dockerignore} matcher share them.
 *
 * <p>Dockerfiles are bytes. To keep every byte while still working on Java strings, bytes that
 * are not valid UTF-8 (by Go's rules) decode to the lone surrogates U+DC80..U+DCFF, one per byte,
 * and encode back to the same byte ("surrogate escape"). Valid UTF-8 never decodes to a lone
 * surrogate, so the mapping is lossless both ways.
 */
public final class GoText {

    public static final char RUNE_ERROR = '\uFFFD';
    private static final int ESCAPE_BASE = 0xDC00;

    private GoText() {
    }

    // ---- lossless UTF-8 -------------------------------------------------------------------

    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    public static String decode(byte[] bytes, int from, int to) {
        StringBuilder out = null;
        int run = from; // start of the current run of valid UTF-8
        int i = from;
        while (i < to) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int width = validSequenceLength(bytes, i, to);
            if (width > 0) {
                i += width;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(to - from);
            }
            out.append(new String(bytes, run, i - run, StandardCharsets.UTF_8));
            out.append((char) (ESCAPE_BASE + (bytes[i] & 0xFF)));
            run = ++i;
        }
        if (out == null) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
        return out.append(new String(bytes, run, to - run, StandardCharsets.UTF_8)).toString();
    }

    /** Length of the valid UTF-8 sequence at {@code i} (Go's {@code utf8.DecodeRune}), or 0. */
    private static int validSequenceLength(byte[] s, int i, int end) {
        int b0 = s[i] & 0xFF;
        int width;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            width = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            width = 3;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F; // no surrogates
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            width = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + width > end) {
            return 0;
        }
        int b1 = s[i + 1] & 0xFF;
        if (b1 < lo || b1 > hi) {
            return 0;
        }
        for (int k = 2; k < width; k++) {
            int b = s[i + k] & 0xFF;
            if (b < 0x80 || b > 0xBF) {
                return 0;
            }
        }
        return width;
    }

    public static boolean isEscapedByte(char c) {
        return c >= 0xDC80 && c <= 0xDCFF;
    }

    public static byte[] encode(CharSequence text) {
        String string = text.toString();
        boolean plain = true;
        for (int i = 0; i < string.length() && plain; i++) {
            plain = !Character.isSurrogate(string.charAt(i));
        }
        if (plain) {
            return string.getBytes(StandardCharsets.UTF_8); // no escaped bytes, no surrogates to check
        }
        return encodeEscaped(string);
    }

    private static byte[] encodeEscaped(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.write(c);
                i++;
            } else if (isEscapedByte(c)) {
                out.write(c - ESCAPE_BASE);
                i++;
            } else {
                int cp = Character.codePointAt(text, i);
                int n = Character.charCount(cp);
                if (Character.isSurrogate(c) && n == 1) {
                    cp = RUNE_ERROR; // a lone surrogate that is no escaped byte: Go writes U+FFFD
                }
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i += n;
            }
        }
        return out.toByteArray();
    }

    /** Go's view of a string as runes: escaped bytes read as U+FFFD, as {@code range} does. */
    public static int runeAt(CharSequence text, int i) {
        char c = text.charAt(i);
        if (isEscapedByte(c)) {
            return RUNE_ERROR;
        }
        return Character.codePointAt(text, i);
    }

    public static int runeWidth(CharSequence text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                ? 2 : 1;
    }

    /** How many bytes {@link #encode} writes for the character (or surrogate pair) at {@code i}. */
    public static int utf8Width(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c < 0x80 || isEscapedByte(c)) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        return runeWidth(text, i) == 2 ? 4 : 3;
    }

    // ---- unicode.IsSpace, TrimSpace, ToLower -----------------------------------------------

    public static boolean isSpace(int r) {
        switch (r) {
            case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
                return true;
            case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return r >= 0x2000 && r <= 0x200A;
        }
    }

    /** Go's {@code unicode.IsSpace} applied to a single byte value (as some BuildKit code does). */
    public static boolean isSpaceByte(int b) {
        return isSpace(b & 0xFF);
    }

    /** The {@code [\t\v\f\r ]} class of BuildKit's whitespace regular expression. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
    }

    public static int trimLeftIndex(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && !isEscapedByte(s.charAt(i)) && isSpace(Character.codePointAt(s, i))) {
            i += runeWidth(s, i);
        }
        return i;
    }

    public static int trimRightIndex(CharSequence s, int from, int to) {
        int j = to;
        while (j > from) {
            int start = j - 1;
            if (Character.isLowSurrogate(s.charAt(start)) && start > from
                    && Character.isHighSurrogate(s.charAt(start - 1))) {
                start--;
            }
            char c = s.charAt(start);
            if (isEscapedByte(c) || !isSpace(Character.codePointAt(s, start))) {
                break;
            }
            j = start;
        }
        return j;
    }

    public static String trimSpace(String s) {
        int from = trimLeftIndex(s, 0, s.length());
        return s.substring(from, trimRightIndex(s, from, s.length()));
    }

    /** Go's {@code strings.ToLower}: rune-wise simple case mapping; invalid bytes become U+FFFD. */
    public static String toLower(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            return s.toLowerCase(Locale.ROOT); // ASCII: the same as Go's byte-wise mapping
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int r = runeAt(s, i);
            i += runeWidth(s, i);
            out.appendCodePoint(Character.toLowerCase(r));
        }
        return out.toString();
    }

    // ---- strconv.Quote ---------------------------------------------------------------------

    public static String quote(String s) {
        return quoteBytes(encode(s));
    }

    public static String quoteBytes(byte[] s) {
        StringBuilder out = new StringBuilder(s.length + 2);
        out.append('"');
        int i = 0;
        while (i < s.length) {
            int b = s[i] & 0xFF;
            if (b < 0x80) {
                appendEscapedRune(out, b);
                i++;
                continue;
            }
            int width = validSequenceLength(s, i, s.length);
            if (width == 0) {
                out.append("\\x").append(hex2(b));
                i++;
                continue;
            }
            int r = new String(s, i, width, StandardCharsets.UTF_8).codePointAt(0);
            appendEscapedRune(out, r);
            i += width;
        }
        out.append('"');
        return out.toString();
    }

    private static void appendEscapedRune(StringBuilder out, int r) {
        if (r == '"' || r == '\\') {
            out.append('\\').append((char) r);
            return;
        }
        if (UnicodePrint.isPrint(r)) {
            out.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 0x07: out.append("\\a"); return;
            case '\b': out.append("\\b"); return;
            case '\f': out.append("\\f"); return;
            case '\n': out.append("\\n"); return;
            case '\r': out.append("\\r"); return;
            case '\t': out.append("\\t"); return;
            case 0x0B: out.append("\\v"); return;
            default:
                if (r < ' ' || r == 0x7F) {
                    out.append("\\x").append(hex2(r));
                } else if (r < 0x10000) {
                    out.append("\\u").append(String.format("%04x", r));
                } else {
                    out.append("\\U").append(String.format("%08x", r));
                }
        }
    }

    private static String hex2(int b) {
        return String.format("%02x", b);
    }
}
