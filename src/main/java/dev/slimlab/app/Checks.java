package dev.slimlab.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The staging checks a run makes on every variant that builds.
 *
 * @param suite         a container-structure-test suite; empty means the context's
 *                      {@value ExperimentService#SUITE_FILE} when there is one
 * @param parity        whether each variant is compared with the original
 * @param versionProbes further commands the parity checks run in both images
 * @param testTimeout   the time-out of each staging test
 */
public record Checks(Optional<Path> suite, boolean parity, List<String> versionProbes, Duration testTimeout) {

    public Checks {
        versionProbes = List.copyOf(versionProbes);
        if (testTimeout.isNegative() || testTimeout.isZero()) {
            throw new IllegalArgumentException("the staging test time-out must be positive, not " + testTimeout);
        }
    }

    /** The context's suite if it has one, parity on, no extra probes, 60 s per test. */
    public static Checks defaults() {
        return new Checks(Optional.empty(), true, List.of(), Duration.ofSeconds(60));
    }

    public Checks withSuite(Path file) {
        return new Checks(Optional.ofNullable(file), parity, versionProbes, testTimeout);
    }

    public Checks withParity(boolean on) {
        return new Checks(suite, on, versionProbes, testTimeout);
    }

    public Checks withVersionProbes(List<String> probes) {
        return new Checks(suite, parity, probes, testTimeout);
    }

    public Checks withTestTimeout(Duration timeout) {
        return new Checks(suite, parity, versionProbes, timeout);
    }
}
