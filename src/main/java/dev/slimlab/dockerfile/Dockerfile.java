package dev.slimlab.dockerfile;

import dev.slimlab.gotext.GoText;
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
    private volatile String printed; // cached print(), computed on first use
    private volatile List<Stage> stages; // cached stages(), computed on first use

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
        String text = printed;
        if (text == null) {
            StringBuilder out = new StringBuilder(bom);
            for (Element e : elements) {
                out.append(e.text());
            }
            text = out.toString();
            printed = text;
        }
        return text;
    }

    /** Two Dockerfiles are equal when their text is: the model is a function of the text. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Dockerfile d && print().equals(d.print());
    }

    @Override
    public int hashCode() {
        return print().hashCode();
    }

    @Override
    public String toString() {
        return "Dockerfile[" + instructions.size() + " instructions]";
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
        List<Stage> cached = stages;
        if (cached == null) {
            cached = List.copyOf(findStages());
            stages = cached;
        }
        return cached;
    }

    private List<Stage> findStages() {
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

    /** An editor that gathers several edits of this Dockerfile and applies them at once. */
    public DockerfileEditor editor() {
        return new DockerfileEditor(this);
    }

    /** See {@link DockerfileEditor#edit}. */
    public Dockerfile edit(Instruction instruction, TextRange range, String replacement) {
        return editor().edit(instruction, range, replacement).apply();
    }

    /** See {@link DockerfileEditor#editText}. */
    public Dockerfile editText(Instruction instruction, TextRange range, String replacement) {
        return editor().editText(instruction, range, replacement).apply();
    }

    /** See {@link DockerfileEditor#replace}. */
    public Dockerfile replace(Instruction instruction, String text) {
        return editor().replace(instruction, text).apply();
    }

    /** See {@link DockerfileEditor#insertBefore}. */
    public Dockerfile insertBefore(Instruction anchor, String text) {
        return editor().insertBefore(anchor, text).apply();
    }

    /** See {@link DockerfileEditor#insertAfter}. */
    public Dockerfile insertAfter(Instruction anchor, String text) {
        return editor().insertAfter(anchor, text).apply();
    }

    /** See {@link DockerfileEditor#remove}. */
    public Dockerfile remove(Instruction instruction) {
        return editor().remove(instruction).apply();
    }

    /** Sets a stage's base image: {@code FROM python:3.10 AS app} becomes {@code FROM python:3.10-slim AS app}. */
    public Dockerfile withBaseImage(Stage stage, String image) {
        return editor().withArgument(stage.from(), 0, image).apply();
    }

    /** See {@link DockerfileEditor#withArgument}. */
    public Dockerfile withArgument(Instruction instruction, int index, String value) {
        return editor().withArgument(instruction, index, value).apply();
    }

    /** See {@link DockerfileEditor#withArguments}. */
    public Dockerfile withArguments(Instruction instruction, String arguments) {
        return editor().withArguments(instruction, arguments).apply();
    }

    /** See {@link DockerfileEditor#withFlag}. */
    public Dockerfile withFlag(Instruction instruction, String name, String value) {
        return editor().withFlag(instruction, name, value).apply();
    }

    /** See {@link DockerfileEditor#withoutFlag}. */
    public Dockerfile withoutFlag(Instruction instruction, String name) {
        return editor().withoutFlag(instruction, name).apply();
    }

    /** The instruction in this file that is, or holds (ONBUILD), the given one. */
    Instruction locate(Instruction instruction) {
        for (Instruction i : instructions) {
            if (i == instruction || i.onbuild().orElse(null) == instruction) {
                return i;
            }
        }
        throw new IllegalArgumentException(instruction + " is not part of this Dockerfile");
    }

    /** The text after the byte-order mark, which spans are measured in. */
    String body() {
        return print().substring(bom.length());
    }

    Dockerfile reparse(String body) {
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

    static String lineEnding(String text) {
        if (text.endsWith("\r\n")) {
            return "\r\n";
        }
        return text.endsWith("\n") ? "\n" : "";
    }

    static String indentation(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(0, i);
    }
}
