package dev.slimlab.dockerfile;

import dev.slimlab.gotext.GoText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Gathers edits of one Dockerfile, all addressed in that Dockerfile's coordinates, and applies
 * them in one go: only the edited ranges are re-printed, so continuations, comments,
 * indentation and line endings elsewhere stay as written. Edits may not overlap (insertions at
 * the same place are kept in the order they were added).
 */
public final class DockerfileEditor {

    private record Splice(int from, int to, String text, int order) {
    }

    private final Dockerfile dockerfile;
    private final List<Splice> splices = new ArrayList<>();

    DockerfileEditor(Dockerfile dockerfile) {
        this.dockerfile = dockerfile;
    }

    /**
     * Replaces the logical-line range {@code [start, end)} of an instruction (or of the
     * instruction inside an ONBUILD) with {@code replacement}.
     */
    public DockerfileEditor edit(Instruction instruction, TextRange range, String replacement) {
        int base = dockerfile.locate(instruction).span().start();
        int from = base + instruction.textOffset(range.start());
        int to = range.length() == 0 ? from : base + instruction.textEndOffset(range.end());
        return splice(from, to, replacement);
    }

    /**
     * Replaces the range {@code [start, end)} of the instruction's source {@link Instruction#text()
     * text}: the way to edit a here-document body ({@link Heredoc#contentRange()}).
     */
    public DockerfileEditor editText(Instruction instruction, TextRange range, String replacement) {
        int base = dockerfile.locate(instruction).span().start();
        return splice(base + range.start(), base + range.end(), replacement);
    }

    /** Replaces the whole instruction (with its here-document bodies) by {@code text}. */
    public DockerfileEditor replace(Instruction instruction, String text) {
        Instruction outer = dockerfile.locate(instruction);
        return splice(outer.span().start(), outer.span().end(), text + Dockerfile.lineEnding(outer.text()));
    }

    /** Inserts {@code text} as a new instruction before {@code anchor}, with its indentation. */
    public DockerfileEditor insertBefore(Instruction anchor, String text) {
        Instruction outer = dockerfile.locate(anchor);
        return splice(outer.span().start(), outer.span().start(),
                Dockerfile.indentation(outer.text()) + text + dockerfile.preferredLineEnding());
    }

    /** Inserts {@code text} as a new instruction after {@code anchor}, with its indentation. */
    public DockerfileEditor insertAfter(Instruction anchor, String text) {
        Instruction outer = dockerfile.locate(anchor);
        String ending = Dockerfile.lineEnding(outer.text());
        String line = Dockerfile.indentation(outer.text()) + text;
        int at = outer.span().end();
        return ending.isEmpty()
                ? splice(at, at, dockerfile.preferredLineEnding() + line)
                : splice(at, at, line + ending);
    }

    /** Removes an instruction with all its lines (and here-document bodies). */
    public DockerfileEditor remove(Instruction instruction) {
        Instruction outer = dockerfile.locate(instruction);
        int from = outer.span().start();
        String body = dockerfile.body();
        if (Dockerfile.lineEnding(outer.text()).isEmpty() && from > 0 && body.charAt(from - 1) == '\n') {
            from -= from > 1 && body.charAt(from - 2) == '\r' ? 2 : 1; // the file keeps having no final newline
        }
        return splice(from, outer.span().end(), "");
    }

    /** Removes a comment or blank line. */
    public DockerfileEditor remove(Trivia trivia) {
        if (dockerfile.elements().stream().noneMatch(e -> e == trivia)) {
            throw new IllegalArgumentException("line " + trivia.span().startLine() + " is not part of this Dockerfile");
        }
        return splice(trivia.span().start(), trivia.span().end(), "");
    }

    /** Replaces one whitespace-separated argument (FROM, EXPOSE, COPY/ADD/VOLUME in shell form). */
    public DockerfileEditor withArgument(Instruction instruction, int index, String value) {
        List<TextRange> ranges = instruction.argRanges().orElseThrow(() -> new IllegalArgumentException(
                instruction + " has no whitespace-separated arguments to edit"));
        if (index < 0 || index >= ranges.size()) {
            throw new IllegalArgumentException(instruction + " has no argument " + index);
        }
        return edit(instruction, ranges.get(index), value);
    }

    /** Replaces all the arguments after the flags (for RUN in shell form: the whole command). */
    public DockerfileEditor withArguments(Instruction instruction, String arguments) {
        TextRange range = instruction.argumentsRange().orElseThrow(() -> new IllegalArgumentException(
                instruction + " has arguments that cannot be edited in place"));
        return edit(instruction, range, arguments);
    }

    /** Sets a flag ({@code --name=value}, or {@code --name} when value is null), adding it if absent. */
    public DockerfileEditor withFlag(Instruction instruction, String name, String value) {
        String flag = "--" + name + (value == null ? "" : "=" + value);
        Optional<Flag> existing = instruction.flag(name);
        if (existing.isPresent()) {
            return edit(instruction, new TextRange(existing.get().start(), existing.get().end()), flag);
        }
        int at = instruction.keywordRange().end();
        return edit(instruction, new TextRange(at, at), " " + flag);
    }

    /** Removes every occurrence of a flag, with the blanks after it. */
    public DockerfileEditor withoutFlag(Instruction instruction, String name) {
        String line = instruction.logicalLine();
        for (Flag flag : instruction.flags()) {
            if (flag.name().equals(name)) {
                int end = flag.end();
                while (end < line.length() && GoText.isBlank(line.charAt(end))) {
                    end++;
                }
                edit(instruction, new TextRange(flag.start(), end), "");
            }
        }
        return this;
    }

    /** True if no edit has been added. */
    public boolean isEmpty() {
        return splices.isEmpty();
    }

    /**
     * Applies every edit to the original text and parses the result.
     *
     * @throws IllegalArgumentException if edits overlap or the result would not parse
     */
    public Dockerfile apply() {
        if (splices.isEmpty()) {
            return dockerfile;
        }
        List<Splice> ordered = new ArrayList<>(splices);
        ordered.sort(Comparator.comparingInt(Splice::from).thenComparingInt(Splice::to).thenComparingInt(Splice::order));
        StringBuilder out = new StringBuilder();
        String body = dockerfile.body();
        int at = 0;
        for (Splice splice : ordered) {
            if (splice.from() < at) {
                throw new IllegalArgumentException("overlapping edits at offset " + splice.from());
            }
            out.append(body, at, splice.from()).append(splice.text());
            at = splice.to();
        }
        out.append(body, at, body.length());
        return dockerfile.reparse(out.toString());
    }

    private DockerfileEditor splice(int from, int to, String text) {
        splices.add(new Splice(from, to, text, splices.size()));
        return this;
    }
}
