package dev.slimlab.report;

/** Text made safe to hand to an XML writer, which escapes markup but passes what XML cannot carry through. */
public final class Markup {

    /** What XML 1.0 cannot carry is replaced with this: the Unicode replacement character. */
    private static final int REPLACEMENT = 0xFFFD;

    private Markup() {
    }

    /**
     * {@code text} with what XML 1.0 cannot contain (most control characters, lone surrogates) replaced by U+FFFD
     * and nothing else changed: for text handed to an XML writer, which escapes markup but passes these through.
     */
    public static String xmlChars(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!xmlCanCarry(c) && s == null) {
                s = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (s != null) {
                s.appendCodePoint(xmlCanCarry(c) ? c : REPLACEMENT);
            }
            i = next;
        }
        return s == null ? text : s.toString();
    }

    /** XML 1.0's Char production. */
    private static boolean xmlCanCarry(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
