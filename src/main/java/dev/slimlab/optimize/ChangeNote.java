package dev.slimlab.optimize;

/**
 * A human-readable note of one change an optimization made.
 *
 * @param optimizationId the optimization that made it
 * @param line           the 1-based line of the Dockerfile it changed (as it was before the change)
 * @param message        what changed, e.g. {@code FROM python:3.10 → python:3.10-slim}
 */
public record ChangeNote(String optimizationId, int line, String message) {

    @Override
    public String toString() {
        return optimizationId + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
    }
}
