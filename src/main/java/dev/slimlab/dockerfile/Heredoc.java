package dev.slimlab.dockerfile;

/**
 * A here-document of a RUN, COPY or ADD: {@code <<EOF}, {@code <<-EOF} (chomp: leading tabs of
 * the terminator line ignored), quoted terminators (no expansion), {@code 3<<EOF}. The content is
 * the body as written, each line with its terminator; {@code contentOffset} is where it starts
 * in the instruction's {@link Instruction#text() text}.
 */
public record Heredoc(String name, boolean chomp, boolean expand, int fileDescriptor, String content,
                      int contentOffset) {

    /** The content's range in the instruction's text, for {@link Dockerfile#editText}. */
    public TextRange contentRange() {
        return new TextRange(contentOffset, contentOffset + content.length());
    }
}
