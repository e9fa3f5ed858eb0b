package dev.slimlab.dockerfile;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** Commands that run the command after them: {@code sudo apt-get ...}, {@code env X=1 pip ...}. */
    private static final Set<String> WRAPPERS = Set.of("sudo", "env", "exec", "nice", "nohup", "time", "command");

    /** Reserved words before a command: {@code if apt-get install ...; then ...}. */
    private static final Set<String> RESERVED = Set.of("!", "{", "if", "then", "else", "elif", "do", "while", "until");

    /**
     * The words of the command that really runs, past reserved words ({@code if}, {@code then},
     * {@code do}...) and wrappers such as {@code sudo}, {@code env X=1} or {@code exec}.
     */
    public List<ShellWord> commandWords() {
        int i = 0;
        while (i < words.size() && RESERVED.contains(words.get(i).raw())) {
            i++;
        }
        while (i < words.size() && WRAPPERS.contains(words.get(i).value())) {
            i++;
            while (i < words.size() && (words.get(i).value().startsWith("-") || words.get(i).value().matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
                i++;
            }
        }
        return words.subList(i, words.size());
    }

    /** The program as written ({@code /usr/bin/apt-get}), if the command runs one (past wrappers). */
    public Optional<String> program() {
        List<ShellWord> command = commandWords();
        return command.isEmpty() ? Optional.empty() : Optional.of(command.get(0).value());
    }

    /** The program's file name: {@code apt-get} for {@code /usr/bin/apt-get}. */
    public Optional<String> programName() {
        return program().map(p -> p.substring(p.lastIndexOf('/') + 1));
    }

    /** The words after the program. */
    public List<ShellWord> arguments() {
        List<ShellWord> command = commandWords();
        return command.isEmpty() ? List.of() : command.subList(1, command.size());
    }

    /** Options that take the next word as their value ({@code apt-get -o Dpkg::Options::=... install}). */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of(
            "-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release");

    /** The first argument that is not an option ({@code install} in {@code apt-get -y install x}). */
    public Optional<ShellWord> subcommand() {
        List<ShellWord> args = arguments();
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).value();
            if (OPTIONS_WITH_VALUE.contains(value)) {
                i++;
            } else if (!value.startsWith("-")) {
                return Optional.of(args.get(i));
            }
        }
        return Optional.empty();
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
        return subcommand().map(w -> w.value().equals(subcommand)).orElse(false);
    }

    /** True if one of the arguments has exactly this value ({@code -y}, {@code --no-cache-dir}). */
    public boolean hasArgument(String value) {
        return arguments().stream().anyMatch(w -> w.value().equals(value));
    }
}
