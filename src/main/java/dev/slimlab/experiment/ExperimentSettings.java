package dev.slimlab.experiment;

import dev.slimlab.engine.api.Builder;
import java.util.Objects;
import java.util.Optional;

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
 * @param builder             the builder asked for ({@code AUTO}: BuildKit where the daemon offers it)
 * @param changedFile         a context file changed before every build after the first (blank lines
 *                            appended, a different number each time), so those builds are warm
 *                            rebuilds after an edit: the steps from its COPY on run again
 */
public record ExperimentSettings(int repetitions, boolean noCache, boolean pull, int parallelBuilds,
                                 long timeoutSeconds, int compressionLevel, double bandwidthMbitPerSecond,
                                 Builder builder, Optional<String> changedFile) {

    public ExperimentSettings {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(changedFile, "changedFile");
        if (changedFile.isPresent() && repetitions < 2) {
            throw new IllegalArgumentException("a changed file between builds needs at least 2 builds per variant,"
                    + " not " + repetitions + ": the first build is measured, the later ones are the rebuilds");
        }
        if (repetitions < 1 || parallelBuilds < 1 || timeoutSeconds < 1 || compressionLevel < 1 || compressionLevel > 9
                || bandwidthMbitPerSecond <= 0) {
            throw new IllegalArgumentException("invalid experiment settings: " + repetitions + " repetitions, "
                    + parallelBuilds + " parallel builds, " + timeoutSeconds + " s time-out, gzip level "
                    + compressionLevel + ", " + bandwidthMbitPerSecond + " Mbit/s");
        }
    }

    public static ExperimentSettings defaults() {
        return new ExperimentSettings(1, false, false, 1, 1800, 6, 100, Builder.AUTO, Optional.empty());
    }

    public ExperimentSettings withRepetitions(int n) {
        return new ExperimentSettings(n, noCache, pull, parallelBuilds, timeoutSeconds, compressionLevel,
                bandwidthMbitPerSecond, builder, changedFile);
    }

    public ExperimentSettings withNoCache(boolean value) {
        return new ExperimentSettings(repetitions, value, pull, parallelBuilds, timeoutSeconds, compressionLevel,
                bandwidthMbitPerSecond, builder, changedFile);
    }

    public ExperimentSettings withTimeoutSeconds(long seconds) {
        return new ExperimentSettings(repetitions, noCache, pull, parallelBuilds, seconds, compressionLevel,
                bandwidthMbitPerSecond, builder, changedFile);
    }

    public ExperimentSettings withPull(boolean value) {
        return new ExperimentSettings(repetitions, noCache, value, parallelBuilds, timeoutSeconds, compressionLevel,
                bandwidthMbitPerSecond, builder, changedFile);
    }

    public ExperimentSettings withBandwidth(double mbitPerSecond) {
        return new ExperimentSettings(repetitions, noCache, pull, parallelBuilds, timeoutSeconds, compressionLevel,
                mbitPerSecond, builder, changedFile);
    }

    public ExperimentSettings withCompressionLevel(int level) {
        return new ExperimentSettings(repetitions, noCache, pull, parallelBuilds, timeoutSeconds, level,
                bandwidthMbitPerSecond, builder, changedFile);
    }

    public ExperimentSettings withParallelBuilds(int n) {
        return new ExperimentSettings(repetitions, noCache, pull, n, timeoutSeconds, compressionLevel,
                bandwidthMbitPerSecond, builder, changedFile);
    }

    public ExperimentSettings withBuilder(Builder value) {
        return new ExperimentSettings(repetitions, noCache, pull, parallelBuilds, timeoutSeconds, compressionLevel,
                bandwidthMbitPerSecond, value, changedFile);
    }

    /** Repetitions and the file changed before each one after the first (see {@code changedFile}). */
    public ExperimentSettings withRebuildsAfterChanging(int builds, Optional<String> file) {
        return new ExperimentSettings(builds, noCache, pull, parallelBuilds, timeoutSeconds, compressionLevel,
                bandwidthMbitPerSecond, builder, file);
    }
}
