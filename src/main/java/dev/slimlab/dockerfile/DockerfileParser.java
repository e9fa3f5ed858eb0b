package dev.slimlab.dockerfile;

import dev.slimlab.gotext.GoText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Dockerfile exactly as BuildKit's parser does (see {@code dockerfile-dump-format.md}),
 * keeping every byte so that the model prints back to the same text.
 */
final class DockerfileParser {

    /** BuildKit's bufio.Scanner refuses a line (with its {@code \r}, without {@code \n}) longer than this. */
    static final int MAX_LINE_BYTES = 65535;

    private static final Set<String> DIRECTIVE_NAMES = Set.of("syntax", "escape", "check");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("run", "copy", "add");

    private final String source;
    private final int[] lineStart;
    private final int[] lineEnd;
    private final int lineCount;
    private char escape = '\\';
    private boolean directivesDone;
    private final Set<String> directivesSeen = new HashSet<>();

    private DockerfileParser(String source) {
        this.source = source;
        int[] starts = new int[16];
        int count = 0;
        int at = 0;
        while (at < source.length()) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = at;
            int nl = source.indexOf('\n', at);
            at = nl < 0 ? source.length() : nl + 1;
        }
        lineCount = count;
        lineStart = Arrays.copyOf(starts, count);
        lineEnd = new int[count];
        for (int i = 0; i < count; i++) {
            lineEnd[i] = i + 1 < count ? starts[i + 1] : source.length();
        }
    }

    static Dockerfile parse(byte[] bytes) throws DockerfileSyntaxException {
        checkLineLengths(bytes);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        String text = GoText.decode(bytes, bom ? 3 : 0, bytes.length);
        return new DockerfileParser(text).parseAll(bom);
    }

    private static void checkLineLengths(byte[] bytes) throws DockerfileSyntaxException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i - start > MAX_LINE_BYTES) {
                    throw new DockerfileSyntaxException(line, "line is " + (i - start)
                            + " bytes long; BuildKit reads lines of at most " + MAX_LINE_BYTES + " bytes");
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** The line's text without its trailing {@code \r} and {@code \n} characters. */
    private String content(int i) {
        int end = lineEnd[i];
        while (end > lineStart[i] && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) {
            end--;
        }
        return source.substring(lineStart[i], end);
    }

    private Dockerfile parseAll(boolean bom) throws DockerfileSyntaxException {
        List<Element> elements = new ArrayList<>();
        List<Directive> directives = new ArrayList<>();
        boolean anyInstruction = false;
        int i = 0;
        while (i < lineCount) {
            String content = content(i);
            int indent = GoText.trimLeftIndex(content, 0, content.length());
            String token = content.substring(indent);
            Optional<Directive> directive = directive(token, i + 1);
            if (directive.isPresent()) {
                directives.add(directive.get());
                elements.add(trivia(Trivia.Kind.DIRECTIVE, i));
                i++;
                continue;
            }
            if (token.startsWith("#")) {
                elements.add(trivia(Trivia.Kind.COMMENT, i));
                i++;
                continue;
            }
            if (token.isEmpty()) {
                elements.add(trivia(Trivia.Kind.BLANK, i));
                i++;
                continue;
            }
            int first = i;
            LogicalMap.Builder logical = new LogicalMap.Builder();
            boolean ends = appendLine(logical, token, lineStart[i] + indent, escape);
            while (!ends && i + 1 < lineCount) {
                i++;
                String next = content(i);
                String nextTrimmed = next.substring(GoText.trimLeftIndex(next, 0, next.length()));
                if (nextTrimmed.isEmpty() || nextTrimmed.startsWith("#")) {
                    continue; // comment and empty lines inside a continuation are dropped
                }
                ends = appendLine(logical, next, lineStart[i], escape);
            }
            String line = logical.text();
            Instruction parsed;
            try {
                parsed = InstructionSyntax.parse(line, 0, escape);
            } catch (DockerfileSyntaxException e) {
                throw new DockerfileSyntaxException(first + 1, e.reason());
            }
            List<Heredoc> heredocs = List.of();
            Instruction target = parsed.onbuild().orElse(parsed);
            if (HEREDOC_INSTRUCTIONS.contains(target.name()) && !target.isJsonForm() && line.contains("<<")) {
                heredocs = new ArrayList<>();
                for (Heredocs.Opening opening : Heredocs.openings(line)) {
                    int terminator = terminatorLine(opening, i + 1);
                    if (terminator < 0) {
                        throw new DockerfileSyntaxException(first + 1,
                                "unterminated heredoc: no line '" + opening.name() + "' ends it");
                    }
                    heredocs.add(new Heredoc(opening.name(), opening.chomp(), opening.expand(),
                            opening.fileDescriptor(), source.substring(lineEnd[i], lineStart[terminator]),
                            lineEnd[i] - lineStart[first]));
                    i = terminator;
                }
            }
            int start = lineStart[first];
            int end = lineEnd[i];
            SourceSpan span = new SourceSpan(first + 1, i + 1, start, end);
            elements.add(InstructionSyntax.place(parsed, heredocs, source.substring(start, end), span,
                    logical.build(start)));
            anyInstruction = true;
            i++;
        }
        if (!anyInstruction) {
            throw new DockerfileSyntaxException(0, "file with no instructions");
        }
        return new Dockerfile(bom ? "\uFEFF" : "", escape, directives, elements);
    }

    /** The index of the line that ends the here-document whose body starts at line {@code from}, or -1. */
    private int terminatorLine(Heredocs.Opening opening, int from) {
        for (int i = from; i < lineCount; i++) {
            String candidate = opening.chomp() ? stripLeadingTabs(content(i)) : content(i);
            if (candidate.equals(opening.name())) {
                return i;
            }
        }
        return -1;
    }

    private Trivia trivia(Trivia.Kind kind, int i) {
        return new Trivia(kind, source.substring(lineStart[i], lineEnd[i]),
                new SourceSpan(i + 1, i + 1, lineStart[i], lineEnd[i]));
    }

    private static String stripLeadingTabs(String s) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == '\t') {
            k++;
        }
        return s.substring(k);
    }

    /** A parser directive, while the directive section lasts; ends it on the first other line. */
    private Optional<Directive> directive(String token, int line) throws DockerfileSyntaxException {
        if (directivesDone) {
            return Optional.empty();
        }
        String[] nameValue = directiveSyntax(token);
        if (nameValue == null) {
            directivesDone = true;
            return Optional.empty();
        }
        String name = nameValue[0].toLowerCase(Locale.ROOT);
        if (!DIRECTIVE_NAMES.contains(name)) {
            directivesDone = true;
            return Optional.empty();
        }
        if (!directivesSeen.add(name)) {
            throw new DockerfileSyntaxException(line, "only one " + name + " parser directive can be used");
        }
        String value = nameValue[1];
        if (name.equals("escape")) {
            if (!value.equals("`") && !value.equals("\\")) {
                throw new DockerfileSyntaxException(line,
                        "invalid escape token '" + value + "' does not match ` or \\");
            }
            escape = value.charAt(0);
        }
        return Optional.of(new Directive(name, value, line));
    }

    /**
     * BuildKit's directive pattern {@code ^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$}, matched
     * by hand (a regular expression would backtrack quadratically on long runs of blanks).
     * Returns name and value, or null.
     */
    static String[] directiveSyntax(String line) {
        if (!line.startsWith("#")) {
            return null;
        }
        int i = skipRegexSpace(line, 1);
        int nameStart = i;
        if (i >= line.length() || !isAsciiLetter(line.charAt(i))) {
            return null;
        }
        while (i < line.length() && (isAsciiLetter(line.charAt(i)) || line.charAt(i) >= '0' && line.charAt(i) <= '9')) {
            i++;
        }
        String name = line.substring(nameStart, i);
        i = skipRegexSpace(line, i);
        if (i >= line.length() || line.charAt(i) != '=') {
            return null;
        }
        String rest = line.substring(i + 1);
        if (rest.isEmpty()) {
            return null;
        }
        int valueStart = skipRegexSpace(rest, 0);
        int valueEnd = rest.length();
        while (valueEnd > valueStart && isRegexSpace(rest.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        // all blanks: the lazy group still needs one character, so it takes the last blank
        String value = valueEnd > valueStart ? rest.substring(valueStart, valueEnd) : rest.substring(rest.length() - 1);
        return new String[] {name, value};
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Go's {@code \\s}: {@code [\\t\\n\\f\\r ]}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static int skipRegexSpace(String s, int i) {
        while (i < s.length() && isRegexSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Appends one physical line's content to the logical line, without the continuation
     * character; returns true when the instruction ends on this line.
     */
    private static boolean appendLine(LogicalMap.Builder logical, String content, int sourceOffset, char escape) {
        int k = content.length();
        while (k > 0 && (content.charAt(k - 1) == ' ' || content.charAt(k - 1) == '\t')) {
            k--;
        }
        boolean continues = k > 0 && content.charAt(k - 1) == escape && (k == 1 || content.charAt(k - 2) != escape);
        logical.append(content, continues ? k - 1 : content.length(), sourceOffset);
        return !continues;
    }
}
