package dev.slimlab.experiment;

/**
 * How an experiment builds and measures.
 *
 * @param repetitions         builds per variant, for timing (the first one is measured)
 * @param noCache             cold builds ({@code --no-cache}) rather than warm ones
 * @param pull                {@code --pull} on every build
 * @param parallelBuilds      how many variants build at once
 * @param timeoutSeconds      a build running longer is cancelled and recorded as timed out
 * @param compressionLevel    gzip level for the compressed (pull) size, 1–9
 * @param bandwidthMbitPerSecond for the estimated pull time
 */
public record ExperimentSettings(int repetitions, boolean noCache, boolean pull, int parallelBuilds,
                                 long timeoutSeconds, int compressionLevel, double bandwidthMbitPerSecond) {

    public ExperimentSettings {
        if (repetitions < 1 || parallelBuilds < 1 || timeoutSeconds < 1 || compressionLevel < 1 || compressionLevel > 9
                || bandwidthMbitPerSecond <= 0) {
            throw new IllegalArgumentException("invalid experiment settings: " + repetitions + " repetitions, "
                    + parallelBuilds + " parallel builds, " + timeoutSeconds + " s time-out, gzip level "
                    + compressionLevel + ", " + bandwidthMbitPerSecond + " Mbit/s");
        }
    }

    public static ExperimentSettings defaults() {
        return new ExperimentSettings(1, false, false, 1, 1800, 6, 100);
    }

    public ExperimentSettings withRepetitions(int n) {
        return new ExperimentSettings(n, noCache, pull, parallelBuilds, timeoutSeconds, compressionLevel,
                bandwidthMbitPerSecond);
    }

    public ExperimentSettings withNoCache(boolean value) {
        return new ExperimentSettings(repetitions, value, pull, parallelBuilds, timeoutSeconds, compressionLevel,
                bandwidthMbitPerSecond);
    }

    public ExperimentSettings withTimeoutSeconds(long seconds) {
        return new ExperimentSettings(repetitions, noCache, pull, parallelBuilds, seconds, compressionLevel,
                bandwidthMbitPerSecond);
    }

    public ExperimentSettings withPull(boolean value) {
        return new ExperimentSettings(repetitions, noCache, value, parallelBuilds, timeoutSeconds, compressionLevel,
                bandwidthMbitPerSecond);
    }

    public ExperimentSettings withBandwidth(double mbitPerSecond) {
        return new ExperimentSettings(repetitions, noCache, pull, parallelBuilds, timeoutSeconds, compressionLevel,
                mbitPerSecond);
    }

    public ExperimentSettings withCompressionLevel(int level) {
        return new ExperimentSettings(repetitions, noCache, pull, parallelBuilds, timeoutSeconds, level,
                bandwidthMbitPerSecond);
    }

    public ExperimentSettings withParallelBuilds(int n) {
        return new ExperimentSettings(repetitions, noCache, pull, n, timeoutSeconds, compressionLevel,
                bandwidthMbitPerSecond);
    }
}
