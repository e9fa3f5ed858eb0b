package dev.slimlab.dockerfile;

/**
 * One piece of a Dockerfile's source: an instruction or a line of trivia. The elements of a
 * {@link Dockerfile} tile its text: concatenated in order they give back the file exactly.
 */
public sealed interface Element permits Instruction, Trivia {

    /** The exact source text, line terminators included. */
    String text();

    SourceSpan span();
}
