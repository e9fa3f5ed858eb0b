package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Small facts several optimizations read of COPY/ADD, ENV and ARG instructions. */
final class DockerfileFacts {

    private DockerfileFacts() {
    }

    /**
     * A COPY or ADD: its sources and destination as written (JSON form unquoted).
     *
     * @param instruction the COPY or ADD
     * @param sources     every argument but the last
     * @param destination the last argument
     */
    record Copy(Instruction instruction, List<String> sources, String destination) {

        Copy {
            sources = List.copyOf(sources);
        }

        /** True if the sources come from the build context (no {@code --from}). */
        boolean fromContext() {
            return instruction.flag("from").isEmpty();
        }

        boolean isAdd() {
            return instruction.is("add");
        }
    }

    /** The COPY or ADD with its sources and destination; empty for other instructions and here-documents. */
    static Optional<Copy> copy(Instruction instruction) {
        if (!(instruction.is("copy") || instruction.is("add")) || !instruction.heredocs().isEmpty()) {
            return Optional.empty();
        }
        List<String> args = instruction.args();
        if (args.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(new Copy(instruction, args.subList(0, args.size() - 1), args.get(args.size() - 1)));
    }

    /**
     * A variable an ENV or ARG declares.
     *
     * @param instruction the ENV or ARG
     * @param name        the variable's name as written
     * @param hasValue    true if the instruction gives it a (non-empty) value
     * @param index       which of the instruction's declarations it is (0 for the first)
     */
    record Declared(Instruction instruction, String name, boolean hasValue, int index) {

        boolean isEnv() {
            return instruction.is("env");
        }

        /** Where the name stands in the instruction's logical line, if it is there as written. */
        Optional<TextRange> nameRange() {
            return instruction.nameRanges().filter(r -> index < r.size()).map(r -> r.get(index))
                    .filter(r -> instruction.logicalLine().substring(r.start(), r.end()).equals(name));
        }

        /** {@code ENV NAME=…} or {@code ARG NAME}: the declaration without its value. */
        String excerptWithoutValue() {
            return instruction.keyword() + " " + name + (hasValue ? "=…" : "");
        }
    }

    /** Every variable the ENV and ARG instructions of the file declare (ONBUILD ones aside), in file order. */
    static List<Declared> declaredVariables(Dockerfile dockerfile) {
        List<Declared> declared = new ArrayList<>();
        for (Instruction i : dockerfile.instructions()) {
            if (i.is("env")) {
                List<String> a = i.args();
                for (int k = 0; k + 1 < a.size(); k += 3) { // key, value, separator
                    declared.add(new Declared(i, a.get(k), !a.get(k + 1).isEmpty(), k / 3));
                }
            } else if (i.is("arg")) {
                List<String> words = i.args();
                for (int k = 0; k < words.size(); k++) {
                    String word = words.get(k);
                    int eq = word.indexOf('=');
                    declared.add(new Declared(i, eq < 0 ? word : word.substring(0, eq),
                            eq >= 0 && eq + 1 < word.length(), k));
                }
            }
        }
        return declared;
    }

    /**
     * A path made comparable: {@code //} and {@code /./} collapsed, {@code ..} resolved, trailing
     * slashes dropped ({@code /} stays {@code /}). Relative paths stay relative ({@code .} for none).
     */
    static String cleanPath(String path) {
        boolean absolute = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else if (!(part.equals("..") && absolute)) {
                parts.addLast(part);
            }
        }
        String joined = String.join("/", parts);
        if (absolute) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** True if {@code path} is {@code folder} or inside it (both cleaned). */
    static boolean isWithin(String path, String folder) {
        return path.equals(folder) || folder.equals("/") && path.startsWith("/")
                || path.startsWith(folder + "/");
    }
}
