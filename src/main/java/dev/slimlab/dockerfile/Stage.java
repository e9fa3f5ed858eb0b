package dev.slimlab.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A build stage: its FROM instruction and the instructions up to the next FROM.
 *
 * @param index        0-based position among the stages
 * @param from         the FROM instruction
 * @param instructions the instructions after FROM, in order
 */
public record Stage(int index, Instruction from, List<Instruction> instructions) {

    public Stage {
        instructions = List.copyOf(instructions);
    }

    /** The base image as written (variables not expanded): {@code python:${PY}-slim}. */
    public String baseImage() {
        return from.args().isEmpty() ? "" : from.args().get(0);
    }

    /** The stage name after {@code AS}, lower-cased as BuildKit compares it. */
    public Optional<String> name() {
        List<String> args = from.args();
        if (args.size() >= 3 && args.get(1).equalsIgnoreCase("as")) {
            return Optional.of(args.get(2).toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /** The {@code --platform} flag's value, if given. */
    public Optional<String> platform() {
        return from.flag("platform").flatMap(Flag::value);
    }
}
