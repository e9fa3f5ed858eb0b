package dev.slimlab.dockerfile;

import dev.slimlab.gotext.GoText;
import java.util.List;
import java.util.Optional;

/**
 * One Dockerfile instruction: its keyword as written, flags, arguments as BuildKit reads them,
 * here-documents, and where every part stands in the source.
 *
 * <p>The <em>logical line</em> is the instruction with line continuations joined and comment
 * lines inside it dropped, as BuildKit sees it; offsets into it map back to the source text, so
 * an edit of one part re-prints only that part.
 */
public final class Instruction implements Element {

    private final String keyword;
    private final String name;
    private final TextRange keywordRange;
    private final List<Flag> flags;
    private final String arguments;
    private final TextRange argumentsRange;
    private final List<String> args;
    private final List<TextRange> argRanges;
    private final List<TextRange> nameRanges;
    private final boolean json;
    private final Instruction onbuild;
    private final List<Heredoc> heredocs;
    private final String logicalLine;
    private final String text;
    private final SourceSpan span;
    private final LogicalMap map;

    Instruction(String keyword, TextRange keywordRange, List<Flag> flags, String arguments,
                TextRange argumentsRange, List<String> args, List<TextRange> argRanges, List<TextRange> nameRanges,
                boolean json, Instruction onbuild, List<Heredoc> heredocs, String logicalLine, String text,
                SourceSpan span, LogicalMap map) {
        this.keyword = keyword;
        this.name = GoText.toLower(keyword);
        this.keywordRange = keywordRange;
        this.flags = List.copyOf(flags);
        this.arguments = arguments;
        this.argumentsRange = argumentsRange;
        this.args = List.copyOf(args);
        this.argRanges = argRanges == null ? null : List.copyOf(argRanges);
        this.nameRanges = nameRanges == null ? null : List.copyOf(nameRanges);
        this.json = json;
        this.onbuild = onbuild;
        this.heredocs = List.copyOf(heredocs);
        this.logicalLine = logicalLine;
        this.text = text;
        this.span = span;
        this.map = map;
    }

    /** The keyword as written ({@code Run}, {@code FROM}). */
    public String keyword() {
        return keyword;
    }

    /** The keyword lower-cased, as BuildKit dispatches on it: {@code run}, {@code from}. */
    public String name() {
        return name;
    }

    public boolean is(String instructionName) {
        return name().equalsIgnoreCase(instructionName);
    }

    public TextRange keywordRange() {
        return keywordRange;
    }

    public List<Flag> flags() {
        return flags;
    }

    /** The last flag of that name ({@code from} for {@code --from=...}); later flags win in BuildKit. */
    public Optional<Flag> flag(String flagName) {
        Flag found = null;
        for (Flag f : flags) {
            if (f.name().equals(flagName)) {
                found = f;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The argument text after the flags, trimmed (for RUN in shell form: the command). */
    public String arguments() {
        return arguments;
    }

    /** Where {@link #arguments()} stands in the logical line, if it is a plain part of it. */
    public Optional<TextRange> argumentsRange() {
        return Optional.ofNullable(argumentsRange);
    }

    /** The arguments as BuildKit splits them for this instruction (what {@code parse --dump} prints). */
    public List<String> args() {
        return args;
    }

    /**
     * Logical-line ranges of each of {@link #args()}, for instructions whose arguments are split
     * at whitespace (FROM, EXPOSE, COPY/ADD/VOLUME in shell form); empty otherwise.
     */
    public Optional<List<TextRange>> argRanges() {
        return Optional.ofNullable(argRanges);
    }

    /**
     * For ENV, LABEL and ARG: logical-line ranges of each declared name as written (an ENV or
     * LABEL key, one per pair of {@link #args()}; an ARG word up to its {@code =}), so a name can
     * be edited in place; empty for other instructions.
     */
    public Optional<List<TextRange>> nameRanges() {
        return Optional.ofNullable(nameRanges);
    }

    /** JSON (exec) form: {@code CMD ["app", "--port=80"]}. */
    public boolean isJsonForm() {
        return json;
    }

    /** For {@code ONBUILD}: the instruction it registers. */
    public Optional<Instruction> onbuild() {
        return Optional.ofNullable(onbuild);
    }

    public List<Heredoc> heredocs() {
        return heredocs;
    }

    public String logicalLine() {
        return logicalLine;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public SourceSpan span() {
        return span;
    }

    /** The 1-based line the instruction starts on. */
    public int line() {
        return span.startLine();
    }

    /** Offset in {@link #text()} of the logical-line character at {@code logicalOffset}. */
    int textOffset(int logicalOffset) {
        return map.textOffset(logicalOffset);
    }

    /** Offset in {@link #text()} just after the logical-line character before {@code logicalEnd}. */
    int textEndOffset(int logicalEnd) {
        return logicalEnd == 0 ? map.textOffset(0) : map.textOffset(logicalEnd - 1) + 1;
    }

    @Override
    public String toString() {
        return "Instruction[line " + line() + ": " + logicalLine + "]";
    }
}
