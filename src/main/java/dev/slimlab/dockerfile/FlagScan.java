package dev.slimlab.dockerfile;

import dev.slimlab.gotext.GoText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's {@code extractBuilderFlags}: leading {@code --flag} words of an instruction's
 * arguments. BuildKit scans this part byte by byte, so a non-ASCII byte becomes the Latin-1
 * character of the same value in the flag text; the flag {@link Word#text()} keeps the real
 * characters and {@link AstDump} reproduces BuildKit's reading.
 */
final class FlagScan {

    /** A flag word: its text (quotes removed, escapes resolved) and char offsets of the raw word. */
    record Word(String text, int start, int end) {
    }

    private final List<Word> flags;
    private final String rest;
    private final int restStart;

    private FlagScan(List<Word> flags, String rest, int restStart) {
        this.flags = flags;
        this.rest = rest;
        this.restStart = restStart;
    }

    List<Word> flags() {
        return flags;
    }

    /** What follows the flags (not trimmed). */
    String rest() {
        return rest;
    }

    /** Char offset of {@link #rest()} in the scanned text. */
    int restStart() {
        return restStart;
    }

    static FlagScan scan(String text, char escape) {
        if (!text.startsWith("--") && !(text.length() > 0 && GoText.isEscapedByte(text.charAt(0)))) {
            return new FlagScan(List.of(), text, 0); // the common case: no flag, nothing to scan
        }
        byte[] line = GoText.encode(text);
        int[] charAt = charIndexOfBytes(text, line.length);
        List<Word> words = new ArrayList<>();
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        boolean inWord = false;
        boolean inQuote = false;
        byte quote = 0;
        boolean blankOk = false;
        int wordStart = 0;
        int n = line.length;
        for (int pos = 0; pos <= n; pos++) {
            int ch = pos < n ? line[pos] & 0xFF : -1;
            if (!inWord && !inQuote) {
                if (pos == n) {
                    break;
                }
                if (GoText.isSpaceByte(ch)) {
                    continue;
                }
                if (ch != '-' || pos + 1 == n || line[pos + 1] != '-') {
                    return new FlagScan(words, GoText.decode(line, pos, n), charAt[pos]);
                }
                inWord = true;
                wordStart = pos;
            }
            if (pos == n) {
                if (!isBareDashes(word) && (blankOk || word.size() > 0)) {
                    words.add(word(word, charAt[wordStart], charAt[n]));
                }
                break;
            }
            if (inWord) {
                if (GoText.isSpaceByte(ch)) {
                    inWord = false;
                    if (isBareDashes(word)) {
                        return new FlagScan(words, GoText.decode(line, pos, n), charAt[pos]);
                    }
                    if (blankOk || word.size() > 0) {
                        words.add(word(word, charAt[wordStart], charAt[pos]));
                    }
                    word.reset();
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = (byte) ch;
                    blankOk = true;
                    inWord = false;
                    inQuote = true;
                    continue;
                }
                if (ch == escape) {
                    if (pos + 1 == n) {
                        continue;
                    }
                    pos++;
                    ch = line[pos] & 0xFF;
                }
                word.write(ch);
                continue;
            }
            // in a quote
            if (ch == (quote & 0xFF)) {
                inQuote = false;
                inWord = true;
                continue;
            }
            if (ch == escape) {
                if (pos + 1 == n) {
                    inQuote = false;
                    inWord = true;
                    continue;
                }
                pos++;
                ch = line[pos] & 0xFF;
            }
            word.write(ch);
        }
        return new FlagScan(words, "", text.length());
    }

    private static boolean isBareDashes(ByteArrayOutputStream word) {
        return word.size() == 2 && word.toString(StandardCharsets.ISO_8859_1).equals("--");
    }

    private static Word word(ByteArrayOutputStream bytes, int start, int end) {
        byte[] b = bytes.toByteArray();
        return new Word(GoText.decode(b, 0, b.length), start, end);
    }

    /** For each byte offset of the UTF-8 form of {@code text}, the index of the char it belongs to. */
    private static int[] charIndexOfBytes(String text, int byteLength) {
        int[] index = new int[byteLength + 1];
        int b = 0;
        for (int c = 0; c < text.length(); ) {
            int width = GoText.utf8Width(text, c);
            for (int k = 0; k < width; k++) {
                index[b++] = c;
            }
            c += GoText.runeWidth(text, c);
        }
        index[byteLength] = text.length();
        return index;
    }
}
