package dev.slimlab.ui.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * What each piece of a Dockerfile's text is, for the editor's colours: one pass over the text,
 * line by line, that never fails, so it also colours a Dockerfile that does not parse (the
 * project's parser throws at the first error, which is no help while someone types). It follows
 * the Dockerfile's own rules where they decide what a line is: parser directives at the top (and
 * the escape character they set), comment lines also inside a continued instruction, line
 * continuations, flags before the arguments, and BuildKit heredocs after RUN, COPY and ADD.
 * Inside the arguments it is a lexer, not a shell: quotes, {@code $VAR} and {@code ${VAR}}.
 */
final class DockerfileHighlighter {

    /** What a token is; {@link #styleClass()} is its CSS class in editor.css. */
    enum Kind {
        INSTRUCTION("df-instruction"),
        COMMENT("df-comment"),
        DIRECTIVE("df-directive"),
        FLAG("df-flag"),
        STRING("df-string"),
        VARIABLE("df-variable"),
        HEREDOC("df-heredoc"),
        HEREDOC_DELIMITER("df-heredoc-delimiter"),
        CONTINUATION("df-continuation");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        String styleClass() {
            return styleClass;
        }
    }

    /** A coloured piece of text: {@code [start, end)} in the text's characters. */
    record Token(Kind kind, int start, int end) {
    }

    /** The lines (0-based, inclusive) one instruction takes, with its continuations and heredoc bodies. */
    record InstructionLines(int first, int last) {
        boolean contains(int line) {
            return line >= first && line <= last;
        }
    }

    /** The tokens in text order, never overlapping, and the lines of each instruction. */
    record Highlighting(List<Token> tokens, List<InstructionLines> instructions) {
    }

    private static final Set<String> INSTRUCTIONS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER",
            "VOLUME", "WORKDIR");
    private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");
    private static final Pattern DIRECTIVE = Pattern.compile("#[ \\t]*([A-Za-z][A-Za-z0-9]*)[ \\t]*=[ \\t]*(.*?)[ \\t]*");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z0-9_.-]+)\\2");

    private DockerfileHighlighter() {
    }

    /** Colours {@code text}; linear in its length. */
    static Highlighting highlight(String text) {
        return new Scan(text).run();
    }

    /** The tokens as RichTextFX style spans over all {@code length} characters (gaps have no class). */
    static StyleSpans<Collection<String>> styleSpans(Highlighting highlighting, int length) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int at = 0;
        for (Token token : highlighting.tokens()) {
            if (token.end() > length) {
                break;
            }
            if (token.start() > at) {
                spans.add(List.of(), token.start() - at);
            }
            spans.add(List.of(token.kind().styleClass()), token.end() - token.start());
            at = token.end();
        }
        // a builder needs at least one span, even for an empty text
        spans.add(List.of(), length - at);
        return spans.create();
    }

    /** One pass over one text. */
    private static final class Scan {
        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        private final List<InstructionLines> instructions = new ArrayList<>();
        private final Deque<Heredoc> heredocs = new ArrayDeque<>();
        private char escape = '\\';
        private boolean directives = true;
        private boolean continuing;
        private boolean inHeredocs;
        private int instructionStart = -1;
        /** The instruction whose arguments are being read, upper case; "" before the keyword. */
        private String keyword = "";
        private boolean flagsAllowed;
        private int words;
        /** The quote a string opened and has not closed yet (it may go on after a continuation), or 0. */
        private char quote;

        private record Heredoc(String word, boolean stripTabs) {
        }

        Scan(String text) {
            this.text = text;
        }

        Highlighting run() {
            int line = 0;
            int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
            while (start <= text.length()) {
                int newline = text.indexOf('\n', start);
                int next = newline < 0 ? text.length() + 1 : newline + 1;
                int end = newline < 0 ? text.length() : newline;
                if (end > start && text.charAt(end - 1) == '\r') {
                    end--;
                }
                line(line, start, end);
                start = next;
                line++;
            }
            if (instructionStart >= 0) {
                instructions.add(new InstructionLines(instructionStart, line - 1));
            }
            return new Highlighting(List.copyOf(tokens), List.copyOf(instructions));
        }

        private void line(int line, int start, int end) {
            if (inHeredocs) {
                heredocLine(line, start, end);
                return;
            }
            if (directives) {
                Matcher m = DIRECTIVE.matcher(text).region(start, end);
                if (m.matches() && DIRECTIVES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    add(Kind.DIRECTIVE, start, end);
                    if (m.group(1).equalsIgnoreCase("escape") && m.group(2).equals("`")) {
                        escape = '`';
                    }
                    return;
                }
                directives = false;
            }
            int first = skipBlanks(start, end);
            if (first == end) {
                return; // blank: also inside a continued instruction, where it does not end it
            }
            if (text.charAt(first) == '#') {
                add(Kind.COMMENT, first, end); // Docker drops comment lines, also between continued lines
                return;
            }
            if (!continuing) {
                instructionStart = line;
                keyword = "";
                flagsAllowed = false;
                words = 0;
                quote = 0;
                first = keyword(first, end, true);
            }
            int body = continuationAt(first, end);
            arguments(first, body < 0 ? end : body);
            continuing = body >= 0;
            if (continuing) {
                add(Kind.CONTINUATION, body, body + 1);
                return;
            }
            quote = 0;
            if (!heredocs.isEmpty()) {
                inHeredocs = true;
            } else {
                endInstruction(line);
            }
        }

        private void heredocLine(int line, int start, int end) {
            Heredoc heredoc = heredocs.peek();
            int from = start;
            if (heredoc.stripTabs()) {
                while (from < end && text.charAt(from) == '\t') {
                    from++;
                }
            }
            if (text.substring(from, end).equals(heredoc.word())) {
                add(Kind.HEREDOC_DELIMITER, from, end);
                heredocs.pop();
                if (heredocs.isEmpty()) {
                    inHeredocs = false;
                    endInstruction(line);
                }
            } else {
                add(Kind.HEREDOC, start, end);
            }
        }

        private void endInstruction(int line) {
            instructions.add(new InstructionLines(instructionStart, line));
            instructionStart = -1;
        }

        /**
         * Reads an instruction keyword at {@code at}: the first word of a line, the one after
         * ONBUILD. Colours it when Docker knows it; returns where the arguments start.
         */
        private int keyword(int at, int end, boolean lineStart) {
            int wordEnd = at;
            while (wordEnd < end && isLetter(text.charAt(wordEnd))) {
                wordEnd++;
            }
            String word = text.substring(at, wordEnd).toUpperCase(Locale.ROOT);
            boolean known = INSTRUCTIONS.contains(word) && (wordEnd == end || isBlank(text.charAt(wordEnd))
                    || text.charAt(wordEnd) == escape);
            if (known && (lineStart || !word.equals("ONBUILD"))) {
                add(Kind.INSTRUCTION, at, wordEnd);
                keyword = word;
                flagsAllowed = true;
                words = 0;
                return wordEnd;
            }
            keyword = "?";
            return at;
        }

        /** Where the line's continuation escape is (escape, then only blanks to the end), or -1. */
        private int continuationAt(int from, int end) {
            int last = end - 1;
            while (last >= from && isBlank(text.charAt(last))) {
                last--;
            }
            return last >= from && text.charAt(last) == escape ? last : -1;
        }

        private void arguments(int from, int end) {
            int i = from;
            while (i < end) {
                if (quote != 0) {
                    i = string(i, end);
                    continue;
                }
                char c = text.charAt(i);
                if (isBlank(c)) {
                    i++;
                    continue;
                }
                i = word(i, end);
            }
        }

        /** One blank-separated word of the arguments, from {@code at}; returns where it ends. */
        private int word(int at, int end) {
            int plainEnd = at;
            while (plainEnd < end && !isBlank(text.charAt(plainEnd))) {
                plainEnd++;
            }
            if (flagsAllowed && text.startsWith("--", at) && plainEnd > at + 2) {
                add(Kind.FLAG, at, plainEnd);
                return plainEnd;
            }
            flagsAllowed = false;
            words++;
            String plain = text.substring(at, plainEnd);
            if (keyword.equals("ONBUILD") && words == 1) {
                return keyword(at, end, false);
            }
            if ((keyword.equals("HEALTHCHECK") && words == 1 && (plain.equalsIgnoreCase("CMD")
                    || plain.equalsIgnoreCase("NONE"))) || (keyword.equals("FROM") && words == 2
                    && plain.equalsIgnoreCase("AS"))) {
                add(Kind.INSTRUCTION, at, plainEnd);
                return plainEnd;
            }
            int i = at;
            while (i < end) {
                char c = text.charAt(i);
                if (isBlank(c)) {
                    return i;
                } else if (c == escape) {
                    i += 2; // an escaped character is plain text
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    i = string(i + 1, end, i);
                    if (quote != 0) {
                        return end;
                    }
                } else if (c == '$') {
                    i = variable(i, end);
                } else if (c == '<' && HEREDOC_INSTRUCTIONS.contains(keyword)) {
                    i = heredoc(i, end);
                } else {
                    i++;
                }
            }
            return Math.min(i, end);
        }

        /** A string that goes on from an earlier line. */
        private int string(int at, int end) {
            return string(at, end, at);
        }

        /** The rest of a string whose opening quote (or continued part) starts at {@code from}. */
        private int string(int at, int end, int from) {
            int piece = from;
            int i = at;
            while (i < end) {
                char c = text.charAt(i);
                if (c == quote) {
                    add(Kind.STRING, piece, i + 1);
                    quote = 0;
                    return i + 1;
                } else if (quote == '"' && c == escape) {
                    i += 2;
                } else if (quote == '"' && c == '$' && variableEnd(i, end) > i + 1) {
                    add(Kind.STRING, piece, i);
                    i = variable(i, end);
                    piece = i;
                } else {
                    i++;
                }
            }
            add(Kind.STRING, piece, end);
            return end;
        }

        private int variable(int at, int end) {
            int variableEnd = variableEnd(at, end);
            if (variableEnd > at + 1) {
                add(Kind.VARIABLE, at, variableEnd);
                return variableEnd;
            }
            return at + 1;
        }

        /** Where a variable reference at {@code at} ends: {@code $NAME}, {@code ${...}}, {@code $1}, {@code $@}... */
        private int variableEnd(int at, int end) {
            if (at + 1 >= end) {
                return at + 1;
            }
            char next = text.charAt(at + 1);
            if (next == '{') {
                int close = text.indexOf('}', at + 2);
                return close < 0 || close >= end ? end : close + 1;
            }
            if (next == '_' || isLetter(next)) {
                int i = at + 2;
                while (i < end && (text.charAt(i) == '_' || isLetter(text.charAt(i)) || isDigit(text.charAt(i)))) {
                    i++;
                }
                return i;
            }
            if (isDigit(next) || "@#?*!$".indexOf(next) >= 0) {
                return at + 2;
            }
            return at + 1;
        }

        private int heredoc(int at, int end) {
            if (at > 0 && text.charAt(at - 1) == '<') {
                return at + 1;
            }
            Matcher m = HEREDOC.matcher(text).region(at, end);
            if (!m.lookingAt()) {
                return at + 1;
            }
            add(Kind.HEREDOC_DELIMITER, at, m.end());
            heredocs.add(new Heredoc(m.group(3), !m.group(1).isEmpty()));
            return m.end();
        }

        private int skipBlanks(int from, int end) {
            int i = from;
            while (i < end && isBlank(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private void add(Kind kind, int start, int end) {
            if (end > start) {
                tokens.add(new Token(kind, start, end));
            }
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        private static boolean isLetter(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
