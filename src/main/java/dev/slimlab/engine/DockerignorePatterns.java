package dev.slimlab.engine;

import dev.slimlab.gotext.GoPath;
import dev.slimlab.gotext.GoText;
import dev.slimlab.gotext.PathPattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
 * <p>Each pattern is a {@link PathPattern}; this class reads the file and applies the list.
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
    private final List<PathPattern> rules;

    private DockerignorePatterns(List<String> patterns, List<PathPattern> rules) {
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
        for (PathPattern rule : rules) {
            if (rule.exclusion()) {
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
        String parentPath = GoPath.dir(file);
        for (PathPattern rule : rules) {
            // Skip a rule that cannot change the outcome (patternmatcher does the same).
            if (rule.exclusion() != matched) {
                continue;
            }
            boolean match = rule.matches(file) || (!parentPath.equals(".") && rule.matchesParentOf(parentPath));
            if (match) {
                matched = !rule.exclusion();
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
        for (PathPattern rule : rules) {
            if (rule.exclusion() && (rule.text() + "/").startsWith(dirSlash)) {
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
            PathPattern rule = rules.get(i);
            boolean match = parentMatched != null && parentMatched[i];
            if (!match) {
                if (rule.exclusion() != matched) {
                    continue;
                }
                match = rule.matches(file);
                if (!match && parentMatched == null) {
                    String parentPath = GoPath.dir(file);
                    if (!parentPath.equals(".")) {
                        match = rule.matchesParentOf(parentPath);
                    }
                }
            }
            info[i] = match;
            if (match) {
                matched = !rule.exclusion();
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
        String pattern = GoText.trimSpace(line);
        if (pattern.isEmpty()) {
            return null;
        }
        boolean invert = pattern.charAt(0) == '!';
        if (invert) {
            pattern = GoText.trimSpace(pattern.substring(1));
        }
        if (!pattern.isEmpty()) {
            pattern = GoPath.clean(pattern);
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
        List<PathPattern> rules = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String where = lineNumbers != null && i < lineNumbers.size()
                    ? ".dockerignore line " + lineNumbers.get(i) + ": "
                    : ".dockerignore pattern " + (i + 1) + ": ";
            PathPattern rule;
            try {
                rule = PathPattern.compile(patterns.get(i));
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
        String path = GoPath.clean(relativePath);
        while (path.length() > 1 && path.charAt(0) == '/') {
            path = path.substring(1);
        }
        return path;
    }
}
