package dev.slimlab.dockerfile;

/**
 * A word of a shell command: as written ({@code raw}, quotes kept) and as the shell passes it
 * ({@code value}: quotes removed, backslash escapes resolved, variables left as written), with
 * its offsets {@code [start, end)} in the text the script was read from.
 */
public record ShellWord(String raw, String value, int start, int end) {

    public TextRange range() {
        return new TextRange(start, end);
    }

    /** True if the word was written with quotes or escapes anywhere. */
    public boolean isQuoted() {
        return !raw.equals(value);
    }
}
