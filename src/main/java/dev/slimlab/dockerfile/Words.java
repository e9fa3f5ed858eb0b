package dev.slimlab.dockerfile;

import dev.slimlab.gotext.GoText;
import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's {@code parseWords} for ENV, LABEL and ARG: split at unquoted whitespace, keeping
 * quotes and escape characters in the words.
 */
final class Words {

    /**
     * A word and where it stands in the text it was split from: {@code [start, end)}. Its
     * characters are the text's from {@code start} on, one for one (only an escape at the very
     * end of the text is dropped).
     */
    record Word(String text, int start, int end) {
    }

    private Words() {
    }

    static List<Word> scan(String rest, char escape) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = 0;
        boolean inWord = false;
        boolean inQuote = false;
        int quote = 0;
        boolean blankOk = false;
        int n = rest.length();
        int pos = 0;
        while (pos <= n) {
            int ch = pos < n ? GoText.runeAt(rest, pos) : -1;
            int width = pos < n ? GoText.runeWidth(rest, pos) : 1;
            if (!inWord && !inQuote) {
                if (pos == n) {
                    break;
                }
                if (GoText.isSpace(ch)) {
                    pos += width;
                    continue;
                }
                inWord = true;
                start = pos;
            }
            if (pos == n) {
                if (blankOk || word.length() > 0) {
                    words.add(new Word(word.toString(), start, n));
                }
                break;
            }
            if (inWord) {
                if (GoText.isSpace(ch)) {
                    inWord = false;
                    if (blankOk || word.length() > 0) {
                        words.add(new Word(word.toString(), start, pos));
                    }
                    word.setLength(0);
                    blankOk = false;
                    pos += width;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    inWord = false;
                    inQuote = true;
                }
                if (ch == escape) {
                    if (pos + width == n) {
                        pos += width;
                        continue; // an escape at the very end is dropped
                    }
                    word.appendCodePoint(ch);
                    pos += width;
                    ch = GoText.runeAt(rest, pos);
                    width = GoText.runeWidth(rest, pos);
                }
                word.appendCodePoint(ch);
                pos += width;
                continue;
            }
            // in a quote
            if (ch == quote) {
                inQuote = false;
                inWord = true;
            }
            if (ch == escape && quote != '\'') {
                if (pos + width == n) {
                    inQuote = false;
                    inWord = true;
                    pos += width;
                    continue;
                }
                pos += width;
                word.appendCodePoint(ch);
                ch = GoText.runeAt(rest, pos);
                width = GoText.runeWidth(rest, pos);
            }
            word.appendCodePoint(ch);
            pos += width;
        }
        return words;
    }
}
