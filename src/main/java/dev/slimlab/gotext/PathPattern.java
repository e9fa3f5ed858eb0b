package dev.slimlab.gotext;

import java.util.regex.Pattern;

/**
 * One pattern of moby's {@code patternmatcher}, the matcher of {@code .dockerignore}: Go
 * {@code filepath.Match} syntax ({@code *} and {@code ?} never match {@code /}, {@code [a-z]} and
 * {@code [^a-z]} classes, {@code \} escapes the next character) turned into a regular expression,
 * plus {@code **}, which matches any number of directories, none included.
 *
 * <p>Not the shell's patterns of {@code ${VAR#pattern}}: those are {@link ShellGlob}.
 */
public final class PathPattern {

    private enum Kind { EXACT, PREFIX, SUFFIX, REGEXP }

    private final String cleaned;
    private final boolean exclusion;
    private final Kind kind;
    private final Pattern regex;

    private PathPattern(String cleaned, boolean exclusion, Kind kind, Pattern regex) {
        this.cleaned = cleaned;
        this.exclusion = exclusion;
        this.kind = kind;
        this.regex = regex;
    }

    /**
     * patternmatcher.New for one pattern: {@code !} makes it an exception; {@code null} when it is blank.
     *
     * @throws IllegalArgumentException for a pattern Go's {@code filepath.Match} would reject
     */
    public static PathPattern compile(String pattern) {
        String p = GoText.trimSpace(pattern);
        if (p.isEmpty()) {
            return null;
        }
        p = GoPath.clean(p);
        boolean exclusion = false;
        if (p.charAt(0) == '!') {
            if (p.length() == 1) {
                throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
            }
            exclusion = true;
            p = p.substring(1);
        }
        checkSyntax(p);
        return translate(p, exclusion);
    }

    /** patternmatcher's {@code Pattern.compile}: the pattern as a Go regular expression. */
    private static PathPattern translate(String cleaned, boolean exclusion) {
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
            return new PathPattern(cleaned, exclusion, kind, null);
        }
        re.append('$');
        return new PathPattern(cleaned, exclusion, Kind.REGEXP, GoRegex.compile(re.toString()));
    }

    /** The pattern as cleaned, without its {@code !}. */
    public String text() {
        return cleaned;
    }

    /** Whether this is an exception ({@code !...}): a match re-includes. */
    public boolean exclusion() {
        return exclusion;
    }

    /** Whether the pattern matches the path itself. */
    public boolean matches(String path) {
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
    public boolean matchesParentOf(String parentPath) {
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

    /** Go's {@code filepath.Match} syntax check: patternmatcher calls {@code Match(pattern, ".")} for its error. */
    private static void checkSyntax(String pattern) {
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
