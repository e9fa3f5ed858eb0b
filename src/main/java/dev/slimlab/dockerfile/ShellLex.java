package dev.slimlab.dockerfile;

import dev.slimlab.gotext.GoText;
import dev.slimlab.gotext.ShellGlob;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Variable expansion and word splitting as BuildKit does it for Dockerfile instructions
 * ({@code $VAR}, {@code ${VAR}}, {@code ${VAR:-word}}, {@code ${VAR-word}}, {@code ${VAR:+word}},
 * {@code ${VAR+word}}, {@code ${VAR:?message}}, {@code ${VAR?message}}, {@code ${VAR#pattern}},
 * {@code ${VAR##pattern}}, {@code ${VAR%pattern}}, {@code ${VAR%%pattern}},
 * {@code ${VAR/pattern/replacement}}, {@code ${VAR//pattern/replacement}}; single quotes keep
 * their text, double quotes expand; the escape character protects the next character).
 */
public final class ShellLex {

    /** A substitution that cannot be done: a syntax error or a {@code ${VAR:?}} that fails. */
    public static final class ExpansionException extends Exception {
        public ExpansionException(String message) {
            super(message);
        }
    }

    private final char escape;
    private boolean rawQuotes;
    private boolean rawEscapes;
    private boolean skipUnsetEnv;

    public ShellLex(char escape) {
        this.escape = escape;
    }

    /** Keep quote characters in the result (used to find here-document words). */
    ShellLex rawQuotes(boolean value) {
        rawQuotes = value;
        return this;
    }

    /** Keep escape characters in the result. */
    ShellLex rawEscapes(boolean value) {
        rawEscapes = value;
        return this;
    }

    /** Leave {@code $VAR} of unset variables as written instead of expanding it to nothing. */
    ShellLex skipUnsetEnv(boolean value) {
        skipUnsetEnv = value;
        return this;
    }

    /** Expands {@code word} as one word (the way FROM, COPY, ENV, WORKDIR... are expanded). */
    public String processWord(String word, Function<String, String> env) throws ExpansionException {
        return new Scan(word, env).process().text;
    }

    /** Expands and splits into words at unquoted whitespace. */
    public List<String> processWords(String word, Function<String, String> env) throws ExpansionException {
        return new Scan(word, env).process().words;
    }

    private record Result(String text, List<String> words) {
    }

    private final class Scan {
        private static final int EOF = -1;
        private final String src;
        private final Function<String, String> env;
        private int pos;

        Scan(String src, Function<String, String> env) {
            this.src = src;
            this.env = env;
        }

        int peek() {
            return pos < src.length() ? src.codePointAt(pos) : EOF;
        }

        int next() {
            if (pos >= src.length()) {
                return EOF;
            }
            int c = src.codePointAt(pos);
            pos += Character.charCount(c);
            return c;
        }

        Result process() throws ExpansionException {
            return stopOn(EOF, rawEscapes);
        }

        Result stopOn(int stop, boolean raw) throws ExpansionException {
            boolean savedRaw = rawEscapes;
            rawEscapes = raw;
            try {
                StringBuilder result = new StringBuilder();
                WordSplitter words = new WordSplitter();
                while (peek() != EOF) {
                    int ch = peek();
                    if (stop != EOF && ch == stop) {
                        next();
                        return new Result(result.toString(), words.words());
                    }
                    if (ch == '$') {
                        String value = dollar();
                        result.append(value);
                        words.addString(value);
                    } else if (ch == '\'') {
                        String value = singleQuote();
                        result.append(value);
                        words.addRaw(value);
                    } else if (ch == '"') {
                        String value = doubleQuote();
                        result.append(value);
                        words.addRaw(value);
                    } else {
                        ch = next();
                        if (ch == escape) {
                            if (rawEscapes) {
                                words.addRawChar(ch);
                                result.appendCodePoint(ch);
                            }
                            ch = next();
                            if (ch == EOF) {
                                break;
                            }
                            words.addRawChar(ch);
                        } else {
                            words.addChar(ch);
                        }
                        result.appendCodePoint(ch);
                    }
                }
                if (stop != EOF) {
                    throw new ExpansionException("unexpected end of statement while looking for matching "
                            + new String(Character.toChars(stop)));
                }
                return new Result(result.toString(), words.words());
            } finally {
                rawEscapes = savedRaw;
            }
        }

        String singleQuote() throws ExpansionException {
            StringBuilder result = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                result.appendCodePoint(ch);
            }
            while (true) {
                ch = next();
                if (ch == EOF) {
                    throw new ExpansionException(
                            "unexpected end of statement while looking for matching single-quote");
                }
                if (ch == '\'') {
                    if (rawQuotes) {
                        result.appendCodePoint(ch);
                    }
                    return result.toString();
                }
                result.appendCodePoint(ch);
            }
        }

        String doubleQuote() throws ExpansionException {
            StringBuilder result = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                result.appendCodePoint(ch);
            }
            while (true) {
                int p = peek();
                if (p == EOF) {
                    throw new ExpansionException(
                            "unexpected end of statement while looking for matching double-quote");
                }
                if (p == '"') {
                    ch = next();
                    if (rawQuotes) {
                        result.appendCodePoint(ch);
                    }
                    return result.toString();
                }
                if (p == '$') {
                    result.append(dollar());
                    continue;
                }
                ch = next();
                if (ch == escape) {
                    if (rawEscapes) {
                        result.appendCodePoint(ch);
                    }
                    int after = peek();
                    if (after == EOF) {
                        continue;
                    }
                    if (after == '"' || after == '$' || after == escape) {
                        ch = next();
                    }
                }
                result.appendCodePoint(ch);
            }
        }

        String dollar() throws ExpansionException {
            next(); // $
            if (peek() != '{') {
                String name = name();
                if (name.isEmpty()) {
                    return "$";
                }
                String value = env.apply(name);
                if (value == null && skipUnsetEnv) {
                    return "$" + name;
                }
                return value == null ? "" : value;
            }
            next(); // {
            int p = peek();
            if (p == EOF) {
                throw new ExpansionException("syntax error: missing '}'");
            }
            if (p == '{' || p == '}' || p == ':') {
                throw new ExpansionException("syntax error: bad substitution");
            }
            String name = name();
            int ch = next();
            String value = env.apply(name);
            boolean set = value != null;
            String current = set ? value : "";
            switch (ch) {
                case '}':
                    if (!set && skipUnsetEnv) {
                        return "${" + name + "}";
                    }
                    return current;
                case ':': {
                    int modifier = next();
                    String word = argument();
                    if (skipUnsetEnv && !set) {
                        return "${" + name + ":" + new String(Character.toChars(Math.max(modifier, 0))) + word + "}";
                    }
                    switch (modifier) {
                        case '+':
                            return current.isEmpty() ? "" : word;
                        case '-':
                            return current.isEmpty() ? word : current;
                        case '?':
                            if (!set) {
                                throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                            }
                            if (current.isEmpty()) {
                                throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
                            }
                            return current;
                        default:
                            throw new ExpansionException("unsupported modifier ("
                                    + (modifier < 0 ? "" : new String(Character.toChars(modifier))) + ") in substitution");
                    }
                }
                case '+':
                case '-':
                case '?': {
                    String word = argument();
                    if (skipUnsetEnv && !set) {
                        return "${" + name + (char) ch + word + "}";
                    }
                    if (ch == '+') {
                        return set ? word : "";
                    }
                    if (ch == '-') {
                        return set ? current : word;
                    }
                    if (!set) {
                        throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                    }
                    return current;
                }
                case '#':
                case '%': {
                    boolean longest = peek() == ch;
                    if (longest) {
                        next();
                    }
                    String pattern = argument();
                    if (skipUnsetEnv && !set) {
                        return "${" + name + (char) ch + (longest ? String.valueOf((char) ch) : "") + pattern + "}";
                    }
                    return ch == '#' ? ShellGlob.removePrefix(current, pattern, longest)
                            : ShellGlob.removeSuffix(current, pattern, longest);
                }
                case '/': {
                    boolean all = peek() == '/';
                    if (all) {
                        next();
                    }
                    String pattern = stopOn('/', true).text;
                    String replacement = argument();
                    if (skipUnsetEnv && !set) {
                        return "${" + name + "/" + (all ? "/" : "") + pattern + "/" + replacement + "}";
                    }
                    return ShellGlob.replace(current, pattern, replacement, all);
                }
                default:
                    if (ch == EOF) {
                        throw new ExpansionException("syntax error: missing '}'");
                    }
                    throw new ExpansionException("unsupported modifier (" + new String(Character.toChars(ch))
                            + ") in substitution");
            }
        }

        /** The word of a {@code ${VAR<op>word}} up to the closing brace. */
        private String argument() throws ExpansionException {
            try {
                return stopOn('}', rawEscapes).text;
            } catch (ExpansionException e) {
                if (peek() == EOF) {
                    throw new ExpansionException("syntax error: missing '}'");
                }
                throw e;
            }
        }

        String name() {
            StringBuilder name = new StringBuilder();
            while (peek() != EOF) {
                int ch = peek();
                if (name.length() == 0 && Character.isDigit(ch)) {
                    while (peek() != EOF && Character.isDigit(peek())) {
                        name.appendCodePoint(next());
                    }
                    return name.toString();
                }
                if (name.length() == 0 && "@*#?-$!0".indexOf(ch) >= 0) {
                    return new String(Character.toChars(next()));
                }
                if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                    break;
                }
                name.appendCodePoint(next());
            }
            return name.toString();
        }
    }

    /** Collects words the way BuildKit's shell lexer does. */
    private static final class WordSplitter {
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;

        void addChar(int ch) {
            if (GoText.isSpace(ch) && inWord) {
                if (word.length() != 0) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (!GoText.isSpace(ch)) {
                addRawChar(ch);
            }
        }

        void addRawChar(int ch) {
            word.appendCodePoint(ch);
            inWord = true;
        }

        void addString(String s) {
            s.codePoints().forEach(this::addChar);
        }

        void addRaw(String s) {
            word.append(s);
            inWord = true;
        }

        List<String> words() {
            if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
            return words;
        }
    }
}
