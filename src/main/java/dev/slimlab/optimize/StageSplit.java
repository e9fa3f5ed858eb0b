package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.DockerfileSyntaxException;
import dev.slimlab.dockerfile.Element;
import dev.slimlab.dockerfile.Flag;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.Trivia;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A single-stage Dockerfile split in two, for {@code multi-stage}: a builder stage made of copies
 * of some of the stage's instructions (as written, or rewritten), inserted before the stage, and
 * the stage itself turned into the runtime stage by dropping, replacing and inserting
 * instructions. Everything else (parser directives, leading comments, global ARGs, comments and
 * blank lines) is printed as written; a comment block written directly above an instruction
 * travels with it (into the builder, or out of the runtime stage).
 *
 * <p>The text is assembled from the elements rather than with one {@link DockerfileEditor}: the
 * editor rewrites instructions where they stand, but cannot copy one to another place or drop the
 * comment lines above it. Each rewritten instruction is still made with the editor
 * ({@link #edited}), so continuations, here-documents and line endings stay as written.
 */
final class StageSplit {

    static final String BUILDER_COMMENT = "# builder stage (added by SlimLab multi-stage): build-only work";
    static final String RUNTIME_COMMENT = "# runtime stage: only what the app needs to run";

    private final Dockerfile dockerfile;
    private final Stage stage;
    private final String builderName;
    private final String nl;
    private final Map<Instruction, String> builder = new IdentityHashMap<>();
    private final Map<Instruction, Boolean> dropped = new IdentityHashMap<>();
    private final Map<Instruction, String> replaced = new IdentityHashMap<>();
    private final Map<Instruction, List<String>> insertedBefore = new IdentityHashMap<>();

    StageSplit(Dockerfile dockerfile, Stage stage) {
        this.dockerfile = dockerfile;
        this.stage = stage;
        this.builderName = builderName(stage);
        this.nl = dockerfile.preferredLineEnding();
    }

    /** A name for the builder that the stage does not use already. */
    private static String builderName(Stage stage) {
        String taken = stage.name().orElse("");
        for (String name : List.of("builder", "build", "slimlab-builder")) {
            if (!name.equals(taken)) {
                return name;
            }
        }
        return "slimlab-builder";
    }

    /** The builder stage's name, for {@code COPY --from=}. */
    String builderName() {
        return builderName;
    }

    /** {@code FROM [--platform=...] <image as written> AS <name>}. */
    private String builderFrom() {
        Instruction from = stage.from();
        return from.keyword() + " " + flagsText(from) + stage.baseImage() + " AS " + builderName;
    }

    /** The flags of an instruction as written, each followed by a blank ({@code --mount=... }). */
    static String flagsText(Instruction instruction) {
        StringBuilder out = new StringBuilder();
        for (Flag flag : instruction.flags()) {
            out.append(instruction.logicalLine(), flag.start(), flag.end()).append(' ');
        }
        return out.toString();
    }

    /** The file's line ending, for text made of several new lines. */
    String lineEnding() {
        return nl;
    }

    /** Copies an instruction into the builder stage as written. */
    void toBuilder(Instruction instruction) {
        builder.put(instruction, instruction.text());
    }

    /** Copies an instruction into the builder stage with another text (an edited copy). */
    void toBuilder(Instruction instruction, String text) {
        builder.put(instruction, text);
    }

    boolean inBuilder(Instruction instruction) {
        return builder.containsKey(instruction);
    }

    /** Leaves an instruction (and the comment block directly above it) out of the runtime stage. */
    void dropFromRuntime(Instruction instruction) {
        dropped.put(instruction, true);
        replaced.remove(instruction);
    }

    /** Prints {@code text} (one or more lines) in the runtime stage instead of the instruction. */
    void replaceInRuntime(Instruction instruction, String text) {
        dropped.remove(instruction);
        replaced.put(instruction, text);
    }

    /** Prints a new line in the runtime stage just before the instruction. */
    void insertBeforeInRuntime(Instruction instruction, String line) {
        insertedBefore.computeIfAbsent(instruction, k -> new ArrayList<>()).add(line);
    }

    /** The text of {@code instruction} after some edits of it, addressed in the Dockerfile's coordinates. */
    static String edited(Dockerfile dockerfile, Instruction instruction, Consumer<DockerfileEditor> edits) {
        DockerfileEditor editor = dockerfile.editor();
        edits.accept(editor);
        Dockerfile result = editor.apply();
        int index = indexOf(dockerfile.instructions(), instruction);
        return result.instructions().get(index).text();
    }

    /** The whole new Dockerfile. */
    Dockerfile apply() throws DockerfileSyntaxException {
        return Dockerfile.parse(print());
    }

    String print() {
        List<Element> elements = dockerfile.elements();
        String printed = dockerfile.print();
        int bodyLength = 0;
        for (Element e : elements) {
            bodyLength += e.text().length();
        }
        StringBuilder out = new StringBuilder(printed.substring(0, printed.length() - bodyLength));
        int fromAt = indexOf(elements, stage.from());
        int builderEnd = fromAt;
        for (int k = fromAt + 1; k < elements.size(); k++) {
            if (elements.get(k) instanceof Instruction i && builder.containsKey(i)) {
                builderEnd = k;
            }
        }
        for (int k = 0; k < fromAt; k++) {
            out.append(elements.get(k).text());
        }

        Lines lines = new Lines();
        lines.add(BUILDER_COMMENT);
        lines.add(builderFrom());
        List<String> comments = new ArrayList<>();
        for (int k = fromAt + 1; k <= builderEnd; k++) {
            Element e = elements.get(k);
            if (e instanceof Trivia t) {
                if (t.kind() == Trivia.Kind.COMMENT) {
                    comments.add(t.text());
                } else {
                    comments.clear();
                    lines.blank(t.text());
                }
            } else if (e instanceof Instruction i) {
                if (builder.containsKey(i)) {
                    comments.forEach(lines::add);
                    lines.add(builder.get(i));
                }
                comments.clear();
            }
        }
        lines.trimTrailingBlanks();
        lines.blank(nl);
        lines.add(RUNTIME_COMMENT);
        lines.add(replaced.getOrDefault(stage.from(), stage.from().text()));
        comments.clear();
        for (int k = fromAt + 1; k < elements.size(); k++) {
            Element e = elements.get(k);
            if (e instanceof Trivia t) {
                if (t.kind() == Trivia.Kind.COMMENT) {
                    comments.add(t.text());
                } else {
                    comments.forEach(lines::add);
                    comments.clear();
                    lines.blank(t.text());
                }
            } else if (e instanceof Instruction i) {
                if (dropped.containsKey(i)) {
                    comments.clear();
                    continue;
                }
                comments.forEach(lines::add);
                comments.clear();
                insertedBefore.getOrDefault(i, List.of()).forEach(lines::add);
                lines.add(replaced.getOrDefault(i, i.text()));
            }
        }
        comments.forEach(lines::add);
        out.append(lines.text());
        if (!printed.endsWith("\n")) {
            trimFinalLineEnding(out);
        }
        return out.toString();
    }

    private static void trimFinalLineEnding(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
            if (out.length() > 0 && out.charAt(out.length() - 1) == '\r') {
                out.setLength(out.length() - 1);
            }
        }
    }

    /** Lines of output, each ending with a line ending; consecutive blank lines are printed once. */
    private final class Lines {
        private final List<String> lines = new ArrayList<>();

        void add(String line) {
            lines.add(line.endsWith("\n") ? line : line + nl);
        }

        void blank(String line) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                add(line.isBlank() ? line : nl);
            }
        }

        void trimTrailingBlanks() {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
        }

        String text() {
            return String.join("", lines);
        }
    }

    private static <T> int indexOf(List<? extends T> list, T item) {
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) == item) {
                return k;
            }
        }
        throw new IllegalArgumentException(item + " is not part of the Dockerfile");
    }
}
