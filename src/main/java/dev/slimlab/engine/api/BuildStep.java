package dev.slimlab.engine.api;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a build, timed. BuildKit gives each step's start and end (its own timestamps);
 * the classic builder gives none, so its steps are timed on arrival of their log lines and
 * follow one another.
 *
 * @param number       1-based, in the order the steps started
 * @param instruction  the step as the builder named it ({@code RUN apt-get update},
 *                     {@code [stage-1 2/4] COPY . .}, {@code exporting to image})
 * @param startSeconds when it started, in seconds after the build's first step started
 * @param seconds      how long it ran (0 for a cached step)
 * @param cached       true if the builder reused a cached result
 */
public record BuildStep(int number, String instruction, double startSeconds, double seconds, boolean cached) {

    /** Slack for timestamps that touch: a step that starts as another ends did not run beside it. */
    private static final double TOUCHING_SECONDS = 0.01;

    public double endSeconds() {
        return startSeconds + seconds;
    }

    /** True if the two steps ran at the same time for a while (BuildKit runs independent stages in parallel). */
    public boolean overlaps(BuildStep other) {
        return this != other && seconds > 0 && other.seconds > 0
                && startSeconds < other.endSeconds() - TOUCHING_SECONDS
                && other.startSeconds < endSeconds() - TOUCHING_SECONDS;
    }

    /** For each step, whether it ran while another did. */
    public static List<Boolean> ranInParallel(List<BuildStep> steps) {
        List<Boolean> parallel = new ArrayList<>(steps.size());
        for (BuildStep step : steps) {
            parallel.add(steps.stream().anyMatch(step::overlaps));
        }
        return parallel;
    }
}
