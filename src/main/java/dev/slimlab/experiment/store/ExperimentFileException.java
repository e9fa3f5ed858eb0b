package dev.slimlab.experiment.store;

import java.nio.file.Path;

/**
 * An experiment file could not be loaded: it is unreadable, not JSON, truncated, written by a
 * newer SlimLab, or lacks (or mistypes) a field. The message says which file and what is wrong
 * with it, in words a user can act on.
 */
public class ExperimentFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ExperimentFileException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public ExperimentFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be loaded. */
    public Path file() {
        return file;
    }
}
