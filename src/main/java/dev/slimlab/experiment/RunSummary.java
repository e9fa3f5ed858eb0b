package dev.slimlab.experiment;

import java.util.List;

/**
 * One run of an experiment, in short, for the history kept in its file: when it ran and what
 * each variant measured.
 */
public record RunSummary(String startedAt, List<Variant> variants) {

    /** A variant's headline figures in one run; sizes are 0 when it did not build. */
    public record Variant(String name, VariantResult.Status status, long sizeBytes, long compressedBytes,
                          double medianBuildSeconds) {
    }

    public RunSummary {
        variants = List.copyOf(variants);
    }

    public static RunSummary of(ExperimentResult result) {
        return new RunSummary(result.startedAt(), result.variants().stream()
                .map(v -> new Variant(v.name(), v.status(), v.sizeBytes(), v.compressedBytes(), v.medianBuildSeconds()))
                .toList());
    }
}
