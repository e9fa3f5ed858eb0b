package dev.slimlab.report;

/** Text made safe to put in HTML or XML, as element content or in a quoted attribute. */
public final class Markup {

    private Markup() {
    }

    /**
     * The one escape of every HTML and XML SlimLab writes: {@code & < > " '} become references, and what XML 1.0 cannot
     * contain (most control characters, lone surrogates) becomes U+FFFD, so a build log with
     * terminal escapes still gives a well-formed page.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    s.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        }
        return s.toString();
    }
}
