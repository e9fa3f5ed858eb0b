package dev.slimlab.staging;

import java.util.List;
import java.util.Objects;

/**
 * A container-structure-test suite file could not be read or is invalid. It carries every
 * problem found, each naming its field path, so a user can fix the file in one go.
 */
public class SuiteException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<SuiteProblem> problems;

    public SuiteException(String source, List<SuiteProblem> problems) {
        super(describe(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SuiteException needs at least one problem");
        }
        this.source = Objects.requireNonNull(source, "source");
        this.problems = List.copyOf(problems);
    }

    /** The file (or other source) the suite came from. */
    public String source() {
        return source;
    }

    /** Every problem found, in file order as far as it is known. */
    public List<SuiteProblem> problems() {
        return problems;
    }

    private static String describe(String source, List<SuiteProblem> problems) {
        StringBuilder text = new StringBuilder(source).append(": ");
        if (problems.size() == 1) {
            text.append(where(problems.get(0))).append(problems.get(0));
            return text.toString();
        }
        text.append(problems.size()).append(" problems in the container-structure-test suite");
        for (SuiteProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(where(problem)).append(problem);
        }
        return text.toString();
    }

    private static String where(SuiteProblem problem) {
        return problem.line() > 0 ? "line " + problem.line() + ": " : "";
    }
}
