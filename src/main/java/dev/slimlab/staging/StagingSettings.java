package dev.slimlab.staging;

import dev.slimlab.engine.api.ContainerSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How staging containers run: the time-out of each test, memory and CPU limits, and the labels
 * that mark every container (and committed image) so that a clean-up can find them.
 */
public record StagingSettings(Duration testTimeout, long memoryBytes, long nanoCpus, Map<String, String> labels) {

    /** The label on every staging container and image; its value names the run. */
    public static final String LABEL = "dev.slimlab.staging";

    public StagingSettings {
        Objects.requireNonNull(testTimeout, "testTimeout");
        labels = Map.copyOf(labels);
    }

    public static StagingSettings defaults(String runName) {
        return new StagingSettings(ContainerSpec.DEFAULT_TIMEOUT, ContainerSpec.DEFAULT_MEMORY_BYTES,
                ContainerSpec.DEFAULT_NANO_CPUS, Map.of(LABEL, runName));
    }

    public StagingSettings withLabels(Map<String, String> more) {
        java.util.Map<String, String> all = new java.util.HashMap<>(labels);
        all.putAll(more);
        return new StagingSettings(testTimeout, memoryBytes, nanoCpus, all);
    }

    public StagingSettings withTestTimeout(Duration timeout) {
        return new StagingSettings(timeout, memoryBytes, nanoCpus, labels);
    }

    /** A container of {@code image} under these limits and labels. */
    ContainerSpec container(String image) {
        return ContainerSpec.of(image).withLimits(memoryBytes, nanoCpus).withLabels(labels).withTimeout(testTimeout);
    }
}
