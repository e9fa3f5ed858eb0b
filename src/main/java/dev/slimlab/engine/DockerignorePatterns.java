package dev.slimlab.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The patterns of a {@code .dockerignore} file, with Docker's own semantics.
 *
 * <p>Reading follows the docker CLI's {@code dockerignore.ReadAll}: a UTF-8 byte order mark is
 * dropped, a line that <em>starts</em> with {@code #} is a comment (a {@code #} after leading
 * blanks is not: that is a pattern), lines are trimmed, blank lines skipped, a leading {@code !}
 * makes an exception, and each pattern is cleaned like Go's {@code filepath.Clean} with a leading
 * {@code /} removed ({@code /a/b}, {@code ./a/b/} and {@code a//b} all mean {@code a/b}).
 *
 * <p>Matching follows moby's {@code patternmatcher}: a pattern is Go {@code filepath.Match}
 * syntax ({@code *} and {@code ?} never match {@code /}, {@code [a-z]} and {@code [^a-z]} classes,
 * {@code \} escapes the next character) turned into a regular expression, plus {@code **}, which
 * matches any number of directories, none included. A path is excluded when the last pattern that
 * matches it <em>or one of its parent directories</em> is not an exception
 * ({@code MatchesOrParentMatches}); so {@code !} re-includes, and an exception for a directory
 * re-includes everything below it. Quirks kept on purpose, because the daemon sees them too:
 * {@code [!a]} is a class of {@code !} and {@code a} (Go negates with {@code ^} only), {@code .}
 * matches nothing, {@code dir/**} matches what is below {@code dir} but not {@code dir} itself,
 * and a pattern that starts with {@code **} and is otherwise literal is a plain suffix test
 * ({@code **foo} matches {@code barfoo}).
 *
 * <p>A malformed pattern ({@code [a-}, a trailing {@code \}, a lone {@code !}) is rejected when
 * parsed, with the line it came from: the docker CLI refuses to build with it too.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DockerignorePatterns {

    /** No patterns: nothing is excluded. */
    public static final DockerignorePatterns NONE = new DockerignorePatterns(List.of(), List.of());

    private final List<String> patterns;
    private final List<Rule> rules;

    private DockerignorePatterns(List<String> patterns, List<Rule> rules) {
        this.patterns = patterns;
        this.rules = rules;
    }

    /**
     * Parses the text of a {@code .dockerignore} file.
     *
     * @throws IllegalArgumentException naming the line, for a pattern Docker would reject
     */
    public static DockerignorePatterns parse(String text) {
        List<String> patterns = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> lines = splitLines(text);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            if (k == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String pattern = readAllPattern(line);
            if (pattern != null) {
                patterns.add(pattern);
                lineNumbers.add(k + 1);
            }
        }
        return compile(patterns, lineNumbers);
    }

    /**
     * Patterns as {@code ReadAll} returns them (already cleaned; {@code !} for exceptions), for
     * example with exceptions appended the way the docker CLI appends {@code !Dockerfile}.
     *
     * @throws IllegalArgumentException for a pattern Docker would reject
     */
    public static DockerignorePatterns of(List<String> patterns) {
        return compile(List.copyOf(patterns), null);
    }

    /**
     * Reads {@code .dockerignore} from a build context folder; {@link #NONE} when there is none.
     */
    public static DockerignorePatterns read(Path contextDir) throws IOException {
        Path file = contextDir.resolve(".dockerignore");
        if (!Files.exists(file)) {
            return NONE;
        }
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /** The patterns as the docker CLI's {@code ReadAll} returns them, in order. */
    public List<String> patterns() {
        return patterns;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether any pattern is an exception ({@code !...}). */
    public boolean hasExceptions() {
        for (Rule rule : rules) {
            if (rule.exclusion) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the path (relative to the context root, {@code /}-separated) is left out of the
     * build context: the last pattern matching it or one of its parent directories decides.
     * This is patternmatcher's {@code MatchesOrParentMatches}.
     */
    public boolean excludes(String relativePath) {
        String file = normalize(relativePath);
        boolean matched = false;
        String parentPath = goDir(file);
        for (Rule rule : rules) {
            // Skip a rule that cannot change the outcome (patternmatcher does the same).
            if (rule.exclusion != matched) {
                continue;
            }
            boolean match = rule.matches(file) || (!parentPath.equals(".") && rule.matchesParentOf(parentPath));
            if (match) {
                matched = !rule.exclusion;
            }
        }
        return matched;
    }

    /**
     * Whether an exception pattern could re-include something below this directory, by the test
     * the docker CLI uses when it decides to skip an excluded directory: an exception whose text
     * starts with {@code dir/}. Wildcards before that point do not count, so with {@code vendor}
     * and {@code !**}{@code /keep.txt} the CLI skips {@code vendor} whole even though
     * {@link #excludes} says {@code vendor/keep.txt} is not excluded.
     */
    public boolean mayReincludeBelow(String directory) {
        String dirSlash = normalize(directory) + "/";
        for (Rule rule : rules) {
            if (rule.exclusion && (rule.cleaned + "/").startsWith(dirSlash)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a directory can be left out entirely, without looking at anything inside it: it is
     * excluded and no exception could re-include something below it
     * (see {@link #mayReincludeBelow}).
     */
    public boolean canSkipDirectory(String directory) {
        return excludes(directory) && !mayReincludeBelow(directory);
    }

    /**
     * Matches a path during a walk from the root down, reusing what was found for its parent
     * directory: patternmatcher's {@code MatchesUsingParentResults}, which is what the docker CLI
     * uses when it builds the context tar. Pass {@code null} for an entry at the root (or when the
     * parent was not matched); the parent's result otherwise.
     *
     * <p>It agrees with {@link #excludes} except in a corner that Docker has too: a pattern that
     * was skipped for the parent (it could not change the outcome there) is then tested against
     * the child's own path only, not its parents; so with {@code a}, {@code !a/x}, {@code a} the
     * walk keeps {@code a/x} while {@link #excludes} says it is excluded.
     */
    public WalkMatch matchInWalk(String relativePath, WalkMatch parent) {
        String file = normalize(relativePath);
        boolean[] parentMatched = parent == null || parent.matched.length == 0 ? null : parent.matched;
        if (parentMatched != null && parentMatched.length != rules.size()) {
            throw new IllegalArgumentException("the parent result comes from other patterns");
        }
        boolean matched = false;
        boolean[] info = new boolean[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            boolean match = parentMatched != null && parentMatched[i];
            if (!match) {
                if (rule.exclusion != matched) {
                    continue;
                }
                match = rule.matches(file);
                if (!match && parentMatched == null) {
                    String parentPath = goDir(file);
                    if (!parentPath.equals(".")) {
                        match = rule.matchesParentOf(parentPath);
                    }
                }
            }
            info[i] = match;
            if (match) {
                matched = !rule.exclusion;
            }
        }
        return new WalkMatch(matched, info);
    }

    /** What {@link #matchInWalk} found for one path; pass it back for the path's children. */
    public static final class WalkMatch {
        private final boolean excluded;
        private final boolean[] matched;

        private WalkMatch(boolean excluded, boolean[] matched) {
            this.excluded = excluded;
            this.matched = matched;
        }

        public boolean excluded() {
            return excluded;
        }

        @Override
        public String toString() {
            return excluded ? "excluded" : "included";
        }
    }

    @Override
    public String toString() {
        return "DockerignorePatterns" + patterns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DockerignorePatterns other && other.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    // ---------------------------------------------------------------------------------------
    // Reading: the docker CLI's dockerignore.ReadAll, then patternmatcher.New

    /**
     * One line through the docker CLI's {@code ReadAll}; {@code null} when the line is a comment
     * or blank.
     */
    private static String readAllPattern(String line) {
        // Comments are recognised before trimming: " # x" is a pattern.
        if (line.startsWith("#")) {
            return null;
        }
        String pattern = goTrimSpace(line);
        if (pattern.isEmpty()) {
            return null;
        }
        boolean invert = pattern.charAt(0) == '!';
        if (invert) {
            pattern = goTrimSpace(pattern.substring(1));
        }
        if (!pattern.isEmpty()) {
            pattern = goClean(pattern);
            if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                pattern = pattern.substring(1);
            }
        }
        return invert ? "!" + pattern : pattern;
    }

    /** Lines as Go's {@code bufio.ScanLines} gives them: split at LF, one trailing CR dropped. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            int stop = end < 0 ? text.length() : end;
            if (stop > start && text.charAt(stop - 1) == '\r') {
                stop--;
            }
            lines.add(text.substring(start, stop));
            start = next;
        }
        return lines;
    }

    private static DockerignorePatterns compile(List<String> patterns, List<Integer> lineNumbers) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String where = lineNumbers != null && i < lineNumbers.size()
                    ? ".dockerignore line " + lineNumbers.get(i) + ": "
                    : ".dockerignore pattern " + (i + 1) + ": ";
            Rule rule;
            try {
                rule = Rule.compile(patterns.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new DockerignorePatterns(Collections.unmodifiableList(new ArrayList<>(patterns)), List.copyOf(rules));
    }

    private static String normalize(String relativePath) {
        String path = goClean(relativePath);
        while (path.length() > 1 && path.charAt(0) == '/') {
            path = path.substring(1);
        }
        return path;
    }

    // ---------------------------------------------------------------------------------------
    // One pattern: patternmatcher.Pattern

    private enum Kind { EXACT, PREFIX, SUFFIX, REGEXP }

    private static final class Rule {
        final String cleaned;
        final boolean exclusion;
        final Kind kind;
        final Pattern regex;

        private Rule(String cleaned, boolean exclusion, Kind kind, Pattern regex) {
            this.cleaned = cleaned;
            this.exclusion = exclusion;
            this.kind = kind;
            this.regex = regex;
        }

        /** patternmatcher.New for one pattern; {@code null} when it is blank. */
        static Rule compile(String pattern) {
            String p = goTrimSpace(pattern);
            if (p.isEmpty()) {
                return null;
            }
            p = goClean(p);
            boolean exclusion = false;
            if (p.charAt(0) == '!') {
                if (p.length() == 1) {
                    throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
                }
                exclusion = true;
                p = p.substring(1);
            }
            GoMatchSyntax.check(p);
            return translate(p, exclusion);
        }

        /** patternmatcher's {@code Pattern.compile}: the pattern as a Go regular expression. */
        private static Rule translate(String cleaned, boolean exclusion) {
            StringBuilder re = new StringBuilder("^");
            int[] cps = cleaned.codePoints().toArray();
            int n = cps.length;
            int pos = 0;
            Kind kind = Kind.EXACT;
            for (int i = 0; pos < n; i++) {
                int ch = cps[pos++];
                if (ch == '*') {
                    if (pos < n && cps[pos] == '*') {
                        pos++;
                        // Treat **/ as ** so eat the "/"
                        if (pos < n && cps[pos] == '/') {
                            pos++;
                        }
                        if (pos == n) {
                            // "**" at the end matches everything below, like .gitignore
                            if (kind == Kind.EXACT) {
                                kind = Kind.PREFIX;
                            } else {
                                re.append(".*");
                                kind = Kind.REGEXP;
                            }
                        } else {
                            // any number of directories, none included
                            re.append("(.*/)?");
                            kind = Kind.REGEXP;
                        }
                        if (i == 0) {
                            kind = Kind.SUFFIX;
                        }
                    } else {
                        re.append("[^/]*");
                        kind = Kind.REGEXP;
                    }
                } else if (ch == '?') {
                    re.append("[^/]");
                    kind = Kind.REGEXP;
                } else if (".+()|{}$".indexOf(ch) >= 0) {
                    re.append('\\').appendCodePoint(ch);
                } else if (ch == '\\') {
                    if (pos < n) {
                        re.append('\\').appendCodePoint(cps[pos++]);
                        kind = Kind.REGEXP;
                    } else {
                        re.append('\\');
                    }
                } else if (ch == '[' || ch == ']') {
                    re.appendCodePoint(ch);
                    kind = Kind.REGEXP;
                } else {
                    re.appendCodePoint(ch);
                }
            }
            if (kind != Kind.REGEXP) {
                return new Rule(cleaned, exclusion, kind, null);
            }
            re.append('$');
            return new Rule(cleaned, exclusion, Kind.REGEXP, GoRegex.compile(re.toString()));
        }

        boolean matches(String path) {
            switch (kind) {
                case EXACT:
                    return path.equals(cleaned);
                case PREFIX:
                    return path.startsWith(cleaned.substring(0, cleaned.length() - 2));
                case SUFFIX: {
                    String suffix = cleaned.substring(2);
                    if (path.endsWith(suffix)) {
                        return true;
                    }
                    // **/foo matches "foo"
                    return !suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1));
                }
                default:
                    return regex.matcher(path).find();
            }
        }

        /** Whether the pattern matches one of the directories of {@code parentPath} ("a", "a/b", ...). */
        boolean matchesParentOf(String parentPath) {
            int from = 0;
            while (true) {
                int slash = parentPath.indexOf('/', from);
                String prefix = slash < 0 ? parentPath : parentPath.substring(0, slash);
                if (matches(prefix)) {
                    return true;
                }
                if (slash < 0) {
                    return false;
                }
                from = slash + 1;
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Go's filepath.Match syntax check (patternmatcher calls Match(pattern, ".") for its error)

    private static final class GoMatchSyntax {
        private GoMatchSyntax() {
        }

        static void check(String pattern) {
            int n = pattern.length();
            int i = 0;
            while (i < n) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= n) {
                        throw bad(pattern, "it ends with an escaping \\");
                    }
                    i += 1 + Character.charCount(pattern.codePointAt(i + 1));
                } else if (c == '[') {
                    i++;
                    if (i < n && pattern.charAt(i) == '^') {
                        i++;
                    }
                    int ranges = 0;
                    while (true) {
                        if (i < n && pattern.charAt(i) == ']' && ranges > 0) {
                            i++;
                            break;
                        }
                        i = classChar(pattern, i);
                        if (pattern.charAt(i) == '-') {
                            i = classChar(pattern, i + 1);
                        }
                        ranges++;
                    }
                } else {
                    i++;
                }
            }
        }

        /** Go's {@code getEsc}: one (possibly escaped) class character; the index after it. */
        private static int classChar(String pattern, int i) {
            int n = pattern.length();
            if (i >= n || pattern.charAt(i) == '-' || pattern.charAt(i) == ']') {
                throw bad(pattern, "a character class is empty, unclosed or has a dangling -");
            }
            if (pattern.charAt(i) == '\\') {
                i++;
                if (i >= n) {
                    throw bad(pattern, "it ends with an escaping \\");
                }
            }
            i += Character.charCount(pattern.codePointAt(i));
            if (i >= n) {
                throw bad(pattern, "a character class is not closed");
            }
            return i;
        }

        private static IllegalArgumentException bad(String pattern, String why) {
            return new IllegalArgumentException("syntax error in pattern \"" + pattern + "\": " + why);
        }
    }

    // ---------------------------------------------------------------------------------------
    // The regular expressions patternmatcher builds are Go (RE2) syntax: this reads the subset
    // they can contain with RE2's rules and writes the java.util.regex equivalent.

    static final class GoRegex {
        private static final int MAX_RUNE = 0x10FFFF;
        private static final Map<String, int[]> POSIX = Map.ofEntries(
                Map.entry("alnum", new int[] {'0', '9', 'A', 'Z', 'a', 'z'}),
                Map.entry("alpha", new int[] {'A', 'Z', 'a', 'z'}),
                Map.entry("ascii", new int[] {0, 0x7F}),
                Map.entry("blank", new int[] {'\t', '\t', ' ', ' '}),
                Map.entry("cntrl", new int[] {0, 0x1F, 0x7F, 0x7F}),
                Map.entry("digit", new int[] {'0', '9'}),
                Map.entry("graph", new int[] {'!', '~'}),
                Map.entry("lower", new int[] {'a', 'z'}),
                Map.entry("print", new int[] {' ', '~'}),
                Map.entry("punct", new int[] {'!', '/', ':', '@', '[', '`', '{', '~'}),
                Map.entry("space", new int[] {'\t', '\r', ' ', ' '}),
                Map.entry("upper", new int[] {'A', 'Z'}),
                Map.entry("word", new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}),
                Map.entry("xdigit", new int[] {'0', '9', 'A', 'F', 'a', 'f'}));
        private static final Map<Character, int[]> PERL = Map.of(
                'd', new int[] {'0', '9'},
                's', new int[] {'\t', '\n', '\f', '\r', ' ', ' '},
                'w', new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'});

        private final String re;
        private int i;
        private final StringBuilder out = new StringBuilder();

        private GoRegex(String re) {
            this.re = re;
        }

        static Pattern compile(String goRegex) {
            GoRegex g = new GoRegex(goRegex);
            g.translate();
            try {
                // UNIX_LINES: '.' stops only at '\n', as in Go.
                return Pattern.compile(g.out.toString(), Pattern.UNIX_LINES);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("syntax error in pattern (regular expression " + goRegex + ")", e);
            }
        }

        private void translate() {
            while (i < re.length()) {
                int c = re.codePointAt(i);
                switch (c) {
                    case '\\':
                        escapeOutsideClass();
                        break;
                    case '[':
                        charClass();
                        break;
                    case '^':
                        out.append("\\A");
                        i++;
                        break;
                    case '$':
                        out.append("\\z");
                        i++;
                        break;
                    case '.':
                    case '*':
                    case '?':
                    case '+':
                    case '(':
                    case ')':
                    case '|':
                        out.append((char) c);
                        i++;
                        break;
                    default:
                        literal(out, c);
                        i += Character.charCount(c);
                }
            }
        }

        private void escapeOutsideClass() {
            if (i + 1 >= re.length()) {
                throw error("trailing backslash");
            }
            char next = re.charAt(i + 1);
            switch (next) {
                case 'A':
                    out.append("\\A");
                    i += 2;
                    return;
                case 'z':
                    out.append("\\z");
                    i += 2;
                    return;
                case 'b':
                    out.append("\\b");
                    i += 2;
                    return;
                case 'B':
                    out.append("\\B");
                    i += 2;
                    return;
                case 'Q': {
                    int end = re.indexOf("\\E", i + 2);
                    String lit = end < 0 ? re.substring(i + 2) : re.substring(i + 2, end);
                    lit.codePoints().forEach(cp -> literal(out, cp));
                    i = end < 0 ? re.length() : end + 2;
                    return;
                }
                case 'p':
                case 'P':
                    out.append('[').append(unicodeClass()).append(']');
                    return;
                default:
                    break;
            }
            int[] perl = perlClass();
            if (perl != null) {
                out.append('[');
                appendRanges(out, perl);
                out.append(']');
                return;
            }
            literal(out, escapedChar());
        }

        /** A {@code [...]} class with RE2's rules; written as a Java class of ranges. */
        private void charClass() {
            i++; // [
            boolean negated = false;
            if (i < re.length() && re.charAt(i) == '^') {
                negated = true;
                i++;
            }
            List<int[]> ranges = new ArrayList<>();
            StringBuilder extra = new StringBuilder();
            boolean first = true;
            while (i >= re.length() || re.charAt(i) != ']' || first) {
                first = false;
                if (i >= re.length()) {
                    throw error("missing closing ]");
                }
                if (re.startsWith("[:", i)) {
                    int close = re.indexOf(":]", i + 2);
                    if (close >= 0) {
                        String name = re.substring(i + 2, close);
                        boolean negate = name.startsWith("^");
                        int[] group = POSIX.get(negate ? name.substring(1) : name);
                        if (group == null) {
                            throw error("invalid character class range [:" + name + ":]");
                        }
                        ranges.add(negate ? complement(group) : group);
                        i = close + 2;
                        continue;
                    }
                }
                if (re.startsWith("\\p", i) || re.startsWith("\\P", i)) {
                    extra.append(unicodeClass());
                    continue;
                }
                int[] perl = perlClass();
                if (perl != null) {
                    ranges.add(perl);
                    continue;
                }
                int lo = classChar();
                int hi = lo;
                if (i + 1 < re.length() && re.charAt(i) == '-' && re.charAt(i + 1) != ']') {
                    i++;
                    hi = classChar();
                    if (hi < lo) {
                        throw error("invalid character class range");
                    }
                }
                ranges.add(new int[] {lo, hi});
            }
            i++; // ]
            out.append('[');
            if (negated) {
                out.append('^');
            }
            for (int[] r : ranges) {
                appendRanges(out, r);
            }
            out.append(extra).append(']');
        }

        private int classChar() {
            if (i >= re.length()) {
                throw error("missing closing ]");
            }
            if (re.charAt(i) == '\\') {
                return escapedChar();
            }
            int c = re.codePointAt(i);
            i += Character.charCount(c);
            return c;
        }

        /** {@code \d \D \s \S \w \W} at {@code i}, as ranges; {@code null} when not one. */
        private int[] perlClass() {
            if (i + 1 >= re.length() || re.charAt(i) != '\\') {
                return null;
            }
            char c = re.charAt(i + 1);
            if ("dswDSW".indexOf(c) < 0) {
                return null;
            }
            int[] group = PERL.get(Character.toLowerCase(c));
            i += 2;
            return Character.isUpperCase(c) ? complement(group) : group;
        }

        /** {@code \pL} or {@code \PL} (Docker escapes the brace of the long form). */
        private String unicodeClass() {
            boolean negate = re.charAt(i + 1) == 'P';
            if (i + 2 >= re.length()) {
                throw error("invalid character class range");
            }
            int c = re.codePointAt(i + 2);
            if ("CLMNPSZ".indexOf(c) < 0) {
                throw error("invalid character class range");
            }
            i += 3;
            return (negate ? "\\P{" : "\\p{") + (char) c + "}";
        }

        /** RE2's {@code parseEscape}: an escape standing for one character. */
        private int escapedChar() {
            int start = i;
            i++; // backslash
            if (i >= re.length()) {
                throw error("trailing backslash");
            }
            int c = re.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                return c;
            }
            switch (c) {
                case '1': case '2': case '3': case '4': case '5': case '6': case '7':
                    if (i >= re.length() || re.charAt(i) < '0' || re.charAt(i) > '7') {
                        throw error("invalid escape sequence " + re.substring(start, i));
                    }
                    return octal(c);
                case '0':
                    return octal(c);
                case 'x': {
                    if (i + 1 < re.length()) {
                        int x = Character.digit(re.charAt(i), 16);
                        int y = Character.digit(re.charAt(i + 1), 16);
                        if (x >= 0 && y >= 0) {
                            i += 2;
                            return x * 16 + y;
                        }
                    }
                    break;
                }
                case 'a':
                    return 7;
                case 'f':
                    return '\f';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 't':
                    return '\t';
                case 'v':
                    return 0x0B;
                default:
                    break;
            }
            throw error("invalid escape sequence " + re.substring(start, Math.min(i, re.length())));
        }

        private int octal(int first) {
            int r = first - '0';
            for (int k = 1; k < 3; k++) {
                if (i >= re.length() || re.charAt(i) < '0' || re.charAt(i) > '7') {
                    break;
                }
                r = r * 8 + re.charAt(i) - '0';
                i++;
            }
            return r;
        }

        private static int[] complement(int[] ranges) {
            int[][] pairs = new int[ranges.length / 2][];
            for (int k = 0; k < pairs.length; k++) {
                pairs[k] = new int[] {ranges[2 * k], ranges[2 * k + 1]};
            }
            Arrays.sort(pairs, (a, b) -> Integer.compare(a[0], b[0]));
            List<Integer> out = new ArrayList<>();
            int next = 0;
            for (int[] p : pairs) {
                if (p[0] > next) {
                    out.add(next);
                    out.add(p[0] - 1);
                }
                next = Math.max(next, p[1] + 1);
            }
            if (next <= MAX_RUNE) {
                out.add(next);
                out.add(MAX_RUNE);
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        private static void appendRanges(StringBuilder sb, int[] ranges) {
            for (int k = 0; k + 1 < ranges.length; k += 2) {
                sb.append("\\x{").append(Integer.toHexString(ranges[k])).append('}');
                if (ranges[k + 1] != ranges[k]) {
                    sb.append("-\\x{").append(Integer.toHexString(ranges[k + 1])).append('}');
                }
            }
        }

        private static void literal(StringBuilder sb, int cp) {
            if (cp < 0x80 && Character.isLetterOrDigit(cp)) {
                sb.append((char) cp);
            } else {
                sb.append("\\x{").append(Integer.toHexString(cp)).append('}');
            }
        }

        private IllegalArgumentException error(String why) {
            return new IllegalArgumentException("syntax error in pattern: " + why + " in regular expression " + re);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Go's strings.TrimSpace, path/filepath.Clean and Dir (Unix)

    static String goTrimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!goIsSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!goIsSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    /** Go's {@code unicode.IsSpace}. */
    private static boolean goIsSpace(int cp) {
        switch (cp) {
            case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
            case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /** Go's {@code filepath.Clean} on Unix. */
    static String goClean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        int n = path.length();
        StringBuilder out = new StringBuilder(n);
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            char c = path.charAt(r);
            if (c == '/') {
                r++;
            } else if (c == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
                r++;
            } else if (c == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') {
                        w--;
                    }
                    out.setLength(w);
                } else if (!rooted) {
                    if (out.length() > 0) {
                        out.append('/');
                    }
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if ((rooted && out.length() != 1) || (!rooted && out.length() != 0)) {
                    out.append('/');
                }
                while (r < n && path.charAt(r) != '/') {
                    out.append(path.charAt(r++));
                }
            }
        }
        return out.length() == 0 ? "." : out.toString();
    }

    /** Go's {@code filepath.Dir} on Unix. */
    static String goDir(String path) {
        int i = path.lastIndexOf('/');
        return goClean(path.substring(0, i + 1));
    }
}
