package dev.slimlab.cli;

import dev.slimlab.analysis.Budgets;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** The CI budget options shared by {@code run} and {@code report}. */
final class BudgetOptions {

    @Option(names = "--max-size", paramLabel = "SIZE",
            description = "Budget: the checked variant's image size at most SIZE (e.g. 1.2GB, 500MB, 600MiB).")
    String maxSize;

    @Option(names = "--max-pull-size", paramLabel = "SIZE", description = "Budget: its compressed (pull) size at most SIZE.")
    String maxPullSize;

    @Option(names = "--min-efficiency", paramLabel = "0-1", description = "Budget: dive's efficiency at least this.")
    Double minEfficiency;

    @Option(names = "--max-wasted", paramLabel = "SIZE", description = "Budget: wasted bytes at most SIZE.")
    String maxWasted;

    @Option(names = "--fail-on-regression",
            description = "Budget: no staging test that passes on the original fails, and no high parity finding.")
    boolean failOnRegression;

    @Option(names = "--budget-variant", paramLabel = "NAME",
            description = "The variant the budgets apply to (default: the recommended one).")
    String variant;

    /** The budgets asked for; a malformed value is an IllegalArgumentException saying which. */
    Budgets budgets() {
        if (minEfficiency != null && (minEfficiency < 0 || minEfficiency > 1)) {
            throw new IllegalArgumentException("--min-efficiency must be between 0 and 1, not " + minEfficiency);
        }
        return new Budgets(size("--max-size", maxSize), size("--max-pull-size", maxPullSize),
                minEfficiency == null ? OptionalDouble.empty() : OptionalDouble.of(minEfficiency),
                size("--max-wasted", maxWasted), failOnRegression, Optional.ofNullable(variant));
    }

    private static OptionalLong size(String option, String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Budgets.parseSize(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }
}
