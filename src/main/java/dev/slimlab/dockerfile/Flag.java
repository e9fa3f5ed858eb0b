package dev.slimlab.dockerfile;

import java.util.Optional;

/**
 * A {@code --flag} of an instruction, as BuildKit reads it (quotes removed, escapes resolved),
 * with the logical-line offsets {@code [start, end)} of the word as written.
 */
public record Flag(String text, int start, int end) {

    /** The name without the leading dashes: {@code from} for {@code --from=build}. */
    public String name() {
        int eq = text.indexOf('=');
        String head = eq < 0 ? text : text.substring(0, eq);
        return head.startsWith("--") ? head.substring(2) : head;
    }

    /** The value after the first {@code =}; empty for a flag without one ({@code --no-cache}). */
    public Optional<String> value() {
        int eq = text.indexOf('=');
        return eq < 0 ? Optional.empty() : Optional.of(text.substring(eq + 1));
    }
}
