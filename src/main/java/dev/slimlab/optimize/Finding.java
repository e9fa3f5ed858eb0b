package dev.slimlab.optimize;

/**
 * Where an optimization applies, or why it does not.
 *
 * @param optimizationId the optimization
 * @param applies        true: it applies here; false: it does not, and {@code message} says why
 * @param line           the 1-based line it is about, or 0 for the file as a whole
 * @param excerpt        the source text it is about (the instruction or command), or ""
 * @param message        what it would change and why, or why it does not apply
 */
public record Finding(String optimizationId, boolean applies, int line, String excerpt, String message) {

    public static Finding applies(String id, int line, String excerpt, String message) {
        return new Finding(id, true, line, excerpt, message);
    }

    public static Finding notApplicable(String id, int line, String excerpt, String message) {
        return new Finding(id, false, line, excerpt, message);
    }

    /** A finding about the whole file: the optimization has nothing to work on. */
    public static Finding nothingToDo(String id, String message) {
        return new Finding(id, false, 0, "", message);
    }
}
