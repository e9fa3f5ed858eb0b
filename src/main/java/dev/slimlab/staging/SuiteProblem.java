package dev.slimlab.staging;

import java.util.Objects;

/**
 * One thing wrong with a suite file: the field path it concerns (such as
 * {@code commandTests[2].exitCode}; empty for the file as a whole), what is wrong, and the line
 * of the file it was found on (0 when unknown).
 */
public record SuiteProblem(String path, String message, int line) {

    public SuiteProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, or the message alone for a problem with the whole file. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
