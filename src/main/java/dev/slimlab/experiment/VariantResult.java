package dev.slimlab.experiment;

import dev.slimlab.engine.api.BuildStep;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.engine.api.WastedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What building and measuring one variant gave.
 *
 * @param name            the variant's name
 * @param optimizations   the optimizations it applies
 * @param status          how it ended
 * @param error           why it failed, was cancelled or timed out
 * @param imageId         the image, when built
 * @param sizeBytes       the daemon's size of the image
 * @param compressedBytes what a pull transfers (gzip of each layer)
 * @param estimatedPullSeconds compressed size at the experiment's bandwidth
 * @param layers          layers, oldest first
 * @param buildSeconds    wall time of each repetition
 * @param steps           the steps of the first build, timed, with cache hits
 * @param efficiency      dive's efficiency, 0–1
 * @param wastedBytes     bytes of files that appear in two or more layers
 * @param userWastedPercent wasted bytes as a percentage of all layers but the first (the base)
 * @param topWastedFiles  the biggest of those
 * @param packages        packages installed in the image
 * @param dockerfile      the variant's Dockerfile text
 * @param logTail         the end of the build log
 * @param logFile         where the whole build log was written, or "" when it was not
 * @param staging         its staging tests and parity findings, when they were run
 */
public record VariantResult(String name, Set<String> optimizations, Status status, Optional<String> error,
                            Optional<String> imageId, long sizeBytes, long compressedBytes,
                            double estimatedPullSeconds, List<LayerResult> layers, List<Double> buildSeconds,
                            List<BuildStep> steps, double efficiency, long wastedBytes, double userWastedPercent,
                            List<WastedFile> topWastedFiles, List<InstalledPackage> packages, String dockerfile,
                            List<String> logTail, String logFile, Optional<StagingResult> staging) {

    public enum Status { BUILT, FAILED, CANCELLED, TIMED_OUT }

    public VariantResult {
        optimizations = Set.copyOf(optimizations);
        layers = List.copyOf(layers);
        buildSeconds = List.copyOf(buildSeconds);
        steps = List.copyOf(steps);
        topWastedFiles = List.copyOf(topWastedFiles);
        packages = List.copyOf(packages);
        logTail = List.copyOf(logTail);
        java.util.Objects.requireNonNull(staging, "staging");
    }

    /** A result before staging checks ran. */
    public VariantResult(String name, Set<String> optimizations, Status status, Optional<String> error,
                         Optional<String> imageId, long sizeBytes, long compressedBytes, double estimatedPullSeconds,
                         List<LayerResult> layers, List<Double> buildSeconds, List<BuildStep> steps, double efficiency,
                         long wastedBytes, double userWastedPercent, List<WastedFile> topWastedFiles,
                         List<InstalledPackage> packages, String dockerfile, List<String> logTail, String logFile) {
        this(name, optimizations, status, error, imageId, sizeBytes, compressedBytes, estimatedPullSeconds, layers,
                buildSeconds, steps, efficiency, wastedBytes, userWastedPercent, topWastedFiles, packages, dockerfile,
                logTail, logFile, Optional.empty());
    }

    public VariantResult withStaging(StagingResult result) {
        return new VariantResult(name, optimizations, status, error, imageId, sizeBytes, compressedBytes,
                estimatedPullSeconds, layers, buildSeconds, steps, efficiency, wastedBytes, userWastedPercent,
                topWastedFiles, packages, dockerfile, logTail, logFile, Optional.of(result));
    }

    /** The same result under another variant's name (an identical Dockerfile was built once). */
    public VariantResult renamed(VariantSpec spec) {
        return new VariantResult(spec.name(), spec.optimizations(), status, error, imageId, sizeBytes, compressedBytes,
                estimatedPullSeconds, layers, buildSeconds, steps, efficiency, wastedBytes, userWastedPercent,
                topWastedFiles, packages, dockerfile, logTail, logFile, staging);
    }

    /** A variant that did not build: no measurements, the reason and the log's end. */
    public static VariantResult notBuilt(VariantSpec spec, Status status, String error, String dockerfile,
                                         List<Double> buildSeconds, List<BuildStep> steps, List<String> logTail,
                                         String logFile) {
        return new VariantResult(spec.name(), spec.optimizations(), status, Optional.of(error), Optional.empty(),
                0, 0, 0, List.of(), buildSeconds, steps, 0, 0, 0, List.of(), List.of(), dockerfile, logTail, logFile);
    }

    /**
     * This variant as not finished: built perhaps, but the run was cancelled before its checks
     * ran, so it counts as cancelled and none of its figures are compared.
     */
    public VariantResult cancelled(String why) {
        return new VariantResult(name, optimizations, Status.CANCELLED, Optional.of(why), Optional.empty(), 0, 0, 0,
                List.of(), buildSeconds, steps, 0, 0, 0, List.of(), List.of(), dockerfile, logTail, logFile,
                Optional.empty());
    }

    /** It ran to an end of its own: built and measured, failed or timed out; not cancelled. */
    public boolean finished() {
        return status != Status.CANCELLED;
    }

    public boolean built() {
        return status == Status.BUILT;
    }

    /** The median of the build times (the middle one, or the mean of the two middle ones). */
    public double medianBuildSeconds() {
        if (buildSeconds.isEmpty()) {
            return 0;
        }
        List<Double> sorted = buildSeconds.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
