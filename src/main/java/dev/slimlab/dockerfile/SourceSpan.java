package dev.slimlab.dockerfile;

/**
 * Where a piece of a Dockerfile stands in its source: 1-based first and last physical line
 * (inclusive) and the character offsets {@code [start, end)} in the decoded text (after the BOM).
 */
public record SourceSpan(int startLine, int endLine, int start, int end) {

    public int lineCount() {
        return endLine - startLine + 1;
    }
}
