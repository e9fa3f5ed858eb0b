package dev.slimlab.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * One simple command of a shell script: leading {@code NAME=value} assignments, the words
 * (program and arguments), redirections, and the operator that follows it ({@code &&},
 * {@code ||}, {@code ;}, {@code |}, {@code &}, a newline, or {@code ""} at the end).
 * Offsets are in the text the script was read from.
 */
public record ShellCommand(List<ShellWord> assignments, List<ShellWord> words, List<ShellWord> redirections,
                           String operator, int start, int end) {

    public ShellCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
        redirections = List.copyOf(redirections);
    }

    public TextRange range() {
        return new TextRange(start, end);
    }

    /** The program as written ({@code /usr/bin/apt-get}), if the command runs one. */
    public Optional<String> program() {
        return words.isEmpty() ? Optional.empty() : Optional.of(words.get(0).value());
    }

    /** The program's file name: {@code apt-get} for {@code /usr/bin/apt-get}. */
    public Optional<String> programName() {
        return program().map(p -> p.substring(p.lastIndexOf('/') + 1));
    }

    /** The words after the program. */
    public List<ShellWord> arguments() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }

    /**
     * True if this runs {@code program} (by file name) with {@code subcommand} as its first
     * argument that is not an option: {@code runs("apt-get", "install")} matches
     * {@code apt-get -y install curl}.
     */
    public boolean runs(String programName, String subcommand) {
        if (!programName().map(programName::equals).orElse(false)) {
            return false;
        }
        return arguments().stream().map(ShellWord::value).filter(v -> !v.startsWith("-")).findFirst()
                .map(subcommand::equals).orElse(false);
    }

    /** True if one of the arguments has exactly this value ({@code -y}, {@code --no-cache-dir}). */
    public boolean hasArgument(String value) {
        return arguments().stream().anyMatch(w -> w.value().equals(value));
    }
}
