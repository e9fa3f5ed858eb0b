package dev.slimlab.experiment;

/**
 * Where a variant is: queued, building (step {@code step} of {@code steps}), measuring, testing
 * (staging tests and parity checks, after every variant is built), done, failed or cancelled.
 * {@code message} says it in words.
 */
public record ProgressEvent(String variant, Phase phase, int step, int steps, String message) {

    public enum Phase { QUEUED, BUILDING, MEASURING, TESTING, DONE, FAILED, CANCELLED,
        /** A line of the build log, in {@code message}; frequent, so listeners batch or skip them. */
        LOG }

    public interface Listener {
        /** Called from the runner's threads. */
        void on(ProgressEvent event);

        Listener NONE = event -> { };
    }
}
