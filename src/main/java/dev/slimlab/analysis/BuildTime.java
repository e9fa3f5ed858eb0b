package dev.slimlab.analysis;

import java.util.List;

/**
 * The build times of a variant's repetitions: median, fastest, slowest and how many. When the
 * experiment changes a file between builds, these are the warm rebuilds: every build but the first.
 */
public record BuildTime(double median, double min, double max, int repetitions) {

    public static BuildTime of(List<Double> seconds, boolean rebuildsOnly) {
        return of(rebuildsOnly && seconds.size() > 1 ? seconds.subList(1, seconds.size()) : seconds);
    }

    public static BuildTime of(List<Double> seconds) {
        if (seconds.isEmpty()) {
            return new BuildTime(0, 0, 0, 0);
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new BuildTime(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** The spread of the repetitions, max − min. */
    public double spread() {
        return max - min;
    }
}
