package dev.slimlab.dockerfile;

/** A source line that is not part of an instruction: a parser directive, a comment or a blank line. */
public record Trivia(Kind kind, String text, SourceSpan span) implements Element {

    public enum Kind { DIRECTIVE, COMMENT, BLANK }
}
