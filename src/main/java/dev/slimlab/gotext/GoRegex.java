package dev.slimlab.gotext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go regular expressions (RE2 syntax) as {@code java.util.regex} patterns: reads the subset that
 * moby's patternmatcher builds with RE2's rules, and writes the Java equivalent.
 */
public final class GoRegex {
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

    /**
     * The Java pattern of a Go regular expression of the subset moby's patternmatcher writes.
     *
     * @throws IllegalArgumentException when Go would not compile it either
     */
    public static Pattern compile(String goRegex) {
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
