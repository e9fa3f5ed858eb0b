package dev.slimlab.dockerfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An immutable, lossless Dockerfile: parser directives, instructions and trivia (comments, blank
 * lines) that together hold every byte of the source. {@link #print()} gives the text back
 * exactly; edits return a new Dockerfile in which only the edited part is re-printed.
 */
public final class Dockerfile {

    private final String bom;
    private final char escape;
    private final List<Directive> directives;
    private final List<Element> elements;
    private final List<Instruction> instructions;

    Dockerfile(String bom, char escape, List<Directive> directives, List<Element> elements) {
        this.bom = bom;
        this.escape = escape;
        this.directives = List.copyOf(directives);
        this.elements = List.copyOf(elements);
        List<Instruction> list = new ArrayList<>();
        for (Element e : elements) {
            if (e instanceof Instruction i) {
                list.add(i);
            }
        }
        this.instructions = List.copyOf(list);
    }

    /** Parses a Dockerfile's bytes (UTF-8 expected; any bytes are kept). */
    public static Dockerfile parse(byte[] bytes) throws DockerfileSyntaxException {
        return DockerfileParser.parse(bytes);
    }

    /** Parses text as produced by {@link #print()}. */
    public static Dockerfile parse(String text) throws DockerfileSyntaxException {
        return DockerfileParser.parse(GoText.encode(text));
    }

    public static Dockerfile read(Path file) throws IOException, DockerfileSyntaxException {
        return parse(Files.readAllBytes(file));
    }

    /** The source text, exactly: the byte-order mark (if any) followed by every element. */
    public String print() {
        StringBuilder out = new StringBuilder(bom);
        for (Element e : elements) {
            out.append(e.text());
        }
        return out.toString();
    }

    /** The source bytes, exactly as read. */
    public byte[] toBytes() {
        return GoText.encode(print());
    }

    public boolean hasByteOrderMark() {
        return !bom.isEmpty();
    }

    /** The escape character: {@code \} or {@code `} (set by {@code # escape=`}). */
    public char escape() {
        return escape;
    }

    public List<Directive> directives() {
        return directives;
    }

    public List<Element> elements() {
        return elements;
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /** The build stages, one per FROM, in order. */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        Instruction from = null;
        List<Instruction> body = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.is("from")) {
                if (from != null) {
                    stages.add(new Stage(stages.size(), from, body));
                }
                from = i;
                body = new ArrayList<>();
            } else if (from != null) {
                body.add(i);
            }
        }
        if (from != null) {
            stages.add(new Stage(stages.size(), from, body));
        }
        return stages;
    }

    /** The ARG instructions before the first FROM: their values can be used in FROM lines. */
    public List<Instruction> globalArgs() {
        List<Instruction> args = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.is("from")) {
                break;
            }
            if (i.is("arg")) {
                args.add(i);
            }
        }
        return args;
    }

    // ---- edits: each returns a new Dockerfile, re-printing only what it touches ----------------

    /**
     * Replaces the logical-line range {@code [start, end)} of an instruction (or of the
     * instruction inside an ONBUILD) with {@code replacement}. Continuations, comments and
     * indentation outside the range stay as written.
     *
     * @throws IllegalArgumentException if the instruction is not part of this Dockerfile or the
     *                                  result would not parse
     */
    public Dockerfile edit(Instruction instruction, TextRange range, String replacement) {
        Instruction outer = locate(instruction);
        int base = outer.span().start();
        int from = base + instruction.textOffset(range.start());
        int to = range.length() == 0 ? from : base + instruction.textEndOffset(range.end());
        return splice(from, to, replacement);
    }

    /**
     * Replaces the range {@code [start, end)} of the instruction's source {@link Instruction#text()
     * text}: the way to edit a here-document body ({@link Heredoc#contentRange()}).
     */
    public Dockerfile editText(Instruction instruction, TextRange range, String replacement) {
        int base = locate(instruction).span().start();
        return splice(base + range.start(), base + range.end(), replacement);
    }

    /** Replaces the whole instruction (with its here-document bodies) by {@code text}. */
    public Dockerfile replace(Instruction instruction, String text) {
        Instruction outer = locate(instruction);
        String ending = lineEnding(outer.text());
        return splice(outer.span().start(), outer.span().end(), text + ending);
    }

    /** Inserts {@code text} as a new instruction before {@code anchor}, with its indentation. */
    public Dockerfile insertBefore(Instruction anchor, String text) {
        Instruction outer = locate(anchor);
        return splice(outer.span().start(), outer.span().start(),
                indentation(outer.text()) + text + preferredLineEnding());
    }

    /** Inserts {@code text} as a new instruction after {@code anchor}, with its indentation. */
    public Dockerfile insertAfter(Instruction anchor, String text) {
        Instruction outer = locate(anchor);
        String ending = lineEnding(outer.text());
        String line = indentation(outer.text()) + text;
        return ending.isEmpty()
                ? splice(outer.span().end(), outer.span().end(), preferredLineEnding() + line)
                : splice(outer.span().end(), outer.span().end(), line + ending);
    }

    /** Removes an instruction with all its lines (and here-document bodies). */
    public Dockerfile remove(Instruction instruction) {
        Instruction outer = locate(instruction);
        int from = outer.span().start();
        String body = body();
        if (lineEnding(outer.text()).isEmpty() && from > 0 && body.charAt(from - 1) == '\n') {
            from -= from > 1 && body.charAt(from - 2) == '\r' ? 2 : 1; // the file keeps having no final newline
        }
        return splice(from, outer.span().end(), "");
    }

    /** Sets a stage's base image: {@code FROM python:3.10 AS app} becomes {@code FROM python:3.10-slim AS app}. */
    public Dockerfile withBaseImage(Stage stage, String image) {
        return withArgument(stage.from(), 0, image);
    }

    /** Replaces one whitespace-separated argument (FROM, EXPOSE, COPY/ADD/VOLUME in shell form). */
    public Dockerfile withArgument(Instruction instruction, int index, String value) {
        List<TextRange> ranges = instruction.argRanges().orElseThrow(() -> new IllegalArgumentException(
                instruction + " has no whitespace-separated arguments to edit"));
        if (index < 0 || index >= ranges.size()) {
            throw new IllegalArgumentException(instruction + " has no argument " + index);
        }
        return edit(instruction, ranges.get(index), value);
    }

    /** Replaces all the arguments after the flags (for RUN in shell form: the whole command). */
    public Dockerfile withArguments(Instruction instruction, String arguments) {
        TextRange range = instruction.argumentsRange().orElseThrow(() -> new IllegalArgumentException(
                instruction + " has arguments that cannot be edited in place"));
        return edit(instruction, range, arguments);
    }

    /** Sets a flag ({@code --name=value}, or {@code --name} when value is null), adding it if absent. */
    public Dockerfile withFlag(Instruction instruction, String name, String value) {
        String flag = "--" + name + (value == null ? "" : "=" + value);
        Optional<Flag> existing = instruction.flag(name);
        if (existing.isPresent()) {
            return edit(instruction, new TextRange(existing.get().start(), existing.get().end()), flag);
        }
        int at = instruction.keywordRange().end();
        return edit(instruction, new TextRange(at, at), " " + flag);
    }

    /** Removes every occurrence of a flag, with the blanks after it. */
    public Dockerfile withoutFlag(Instruction instruction, String name) {
        int base = locate(instruction).span().start();
        StringBuilder body = new StringBuilder(body());
        String line = instruction.logicalLine();
        List<Flag> flags = instruction.flags();
        for (int k = flags.size() - 1; k >= 0; k--) { // from the end, so earlier offsets stay valid
            Flag flag = flags.get(k);
            if (flag.name().equals(name)) {
                int end = flag.end();
                while (end < line.length() && GoText.isBlank(line.charAt(end))) {
                    end++;
                }
                body.replace(base + instruction.textOffset(flag.start()), base + instruction.textEndOffset(end), "");
            }
        }
        return reparse(body.toString());
    }

    /** The instruction in this file that is, or holds (ONBUILD), the given one. */
    private Instruction locate(Instruction instruction) {
        for (Instruction i : instructions) {
            if (i == instruction || i.onbuild().orElse(null) == instruction) {
                return i;
            }
        }
        throw new IllegalArgumentException(instruction + " is not part of this Dockerfile");
    }

    private String body() {
        return print().substring(bom.length());
    }

    private Dockerfile splice(int from, int to, String replacement) {
        String body = body();
        return reparse(body.substring(0, from) + replacement + body.substring(to));
    }

    private Dockerfile reparse(String body) {
        try {
            return parse(bom + body);
        } catch (DockerfileSyntaxException e) {
            throw new IllegalArgumentException("the edit would make the Dockerfile invalid: " + e.getMessage(), e);
        }
    }

    /** The line ending this file uses: CRLF if its first line ends so, else LF. */
    public String preferredLineEnding() {
        String body = body();
        int nl = body.indexOf('\n');
        return nl > 0 && body.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    private static String lineEnding(String text) {
        if (text.endsWith("\r\n")) {
            return "\r\n";
        }
        return text.endsWith("\n") ? "\n" : "";
    }

    private static String indentation(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(0, i);
    }
}
