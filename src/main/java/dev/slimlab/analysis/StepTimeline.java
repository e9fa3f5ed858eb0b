package dev.slimlab.analysis;

import dev.slimlab.engine.api.BuildStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a build's time went, for the report's timeline and the lab's: one row per step that took
 * time or was cached, with which steps ran in parallel, the slowest steps and a one-line summary.
 * Both faces draw from this, so that they show the same rows and say the same sentence.
 */
public final class StepTimeline {

    /** Past this many rows, the steps that took next to no time are left out of the chart. */
    public static final int MAX_ROWS = 25;
    /** A step shorter than this (and not cached) is "next to no time". */
    public static final double SHORT_SECONDS = 0.05;
    /**
     * Labels longer than this are cut with an ellipsis (the full name stays in {@link Row#name()}):
     * 44 characters fit the report's label column even in the cached steps' italics.
     */
    public static final int LABEL_LENGTH = 44;

    /**
     * One step on the time axis.
     *
     * @param number       the builder's step number
     * @param name         the step as the builder named it, whole
     * @param label        the name on one line, cut to {@link #LABEL_LENGTH} characters
     * @param startSeconds when it started, after the build's first step
     * @param seconds      how long it ran
     * @param cached       a cache hit
     * @param parallel     it ran while another step did
     */
    public record Row(int number, String name, String label, double startSeconds, double seconds, boolean cached,
                      boolean parallel) {

        public double endSeconds() {
            return startSeconds + seconds;
        }

        /** What its bar is labelled with: {@code 24.5 s}, {@code 24.5 s, parallel} or {@code cached}. */
        public String time() {
            return cached ? "cached" : Formats.duration(seconds) + (parallel ? ", parallel" : "");
        }
    }

    private final List<Row> steps;
    private final List<Row> rows;
    private final double totalSeconds;

    private StepTimeline(List<Row> steps, List<Row> rows, double totalSeconds) {
        this.steps = steps;
        this.rows = rows;
        this.totalSeconds = totalSeconds;
    }

    /** The timeline of a build's steps, in the order the builder gave them. */
    public static StepTimeline of(List<BuildStep> buildSteps) {
        List<Boolean> parallel = BuildStep.ranInParallel(buildSteps);
        List<Row> all = new ArrayList<>();
        for (int i = 0; i < buildSteps.size(); i++) {
            BuildStep s = buildSteps.get(i);
            all.add(new Row(s.number(), s.instruction(), label(s.instruction()), s.startSeconds(), s.seconds(),
                    s.cached(), parallel.get(i)));
        }
        // a step that neither ran nor hit the cache (metadata, a build cut short) has nothing to draw
        List<Row> shown = all.stream().filter(StepTimeline::drawable).toList();
        if (shown.size() > MAX_ROWS) {
            shown = shown.stream().filter(r -> r.cached() || r.seconds() >= SHORT_SECONDS).toList();
        }
        // start times count from the build's first step, so the last end is the whole
        double end = all.stream().mapToDouble(Row::endSeconds).max().orElse(0);
        return new StepTimeline(List.copyOf(all), shown, Math.max(0, end));
    }

    /** The rows to draw, in the builder's order. */
    public List<Row> rows() {
        return rows;
    }

    /** Every step, drawn or not. */
    public List<Row> steps() {
        return steps;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** From the first step's start to the last one's end: the wall time of the steps, parallel ones once. */
    public double totalSeconds() {
        return totalSeconds;
    }

    /** Steps that took time but are left out of the chart, as too short to see among many. */
    public int hidden() {
        return (int) steps.stream().filter(StepTimeline::drawable).count() - rows.size();
    }

    public int cached() {
        return (int) steps.stream().filter(Row::cached).count();
    }

    public int parallel() {
        return (int) steps.stream().filter(Row::parallel).count();
    }

    /** The {@code n} steps that took longest, longest first (cached steps took none). */
    public List<Row> slowest(int n) {
        return steps.stream().filter(r -> r.seconds() > 0 && !r.cached())
                .sorted(Comparator.comparingDouble(Row::seconds).reversed().thenComparingInt(Row::number))
                .limit(n).toList();
    }

    /** A step's part of the total, in percent. */
    public double sharePercent(Row row) {
        return totalSeconds == 0 ? 0 : 100 * row.seconds() / totalSeconds;
    }

    /**
     * The summary, saying when the steps are the first build's while the build times compared
     * are the warm rebuilds after it ({@code rebuildsCompared}).
     */
    public String summary(boolean rebuildsCompared) {
        return summary() + (rebuildsCompared && !isEmpty() ? " Steps of the first build." : "");
    }

    /**
     * One line: the total, the three slowest steps with their time and share, how many were cached,
     * how many ran in parallel and how many are not drawn.
     */
    public String summary() {
        if (steps.isEmpty()) {
            return "No build steps were recorded.";
        }
        StringBuilder text = new StringBuilder("Total " + Formats.duration(totalSeconds) + " over "
                + count(steps.size()) + ".");
        List<Row> slowest = slowest(3);
        if (!slowest.isEmpty()) {
            List<String> named = slowest.stream().map(r -> r.label() + " " + Formats.duration(r.seconds()) + " ("
                    + Formats.percent(sharePercent(r)) + ")").toList();
            text.append(" Slowest: ").append(String.join(", ", named)).append('.');
        }
        text.append(' ').append(cached() == 0 ? "None" : cached()).append(" cached.");
        if (parallel() > 0) {
            text.append(' ').append(count(parallel())).append(" ran in parallel.");
        }
        if (hidden() > 0) {
            // written out: Formats.duration would round 0.05 s up to 0.1 s
            text.append(' ').append(count(hidden())).append(" under 0.05 s not drawn.");
        }
        return text.toString();
    }

    private static boolean drawable(Row row) {
        return row.seconds() > 0 || row.cached();
    }

    private static String count(int n) {
        return n + (n == 1 ? " step" : " steps");
    }

    /** The name on one line, cut with an ellipsis past {@link #LABEL_LENGTH} characters. */
    static String label(String name) {
        String flat = name == null ? "" : name.replaceAll("\\s+", " ").strip();
        return flat.length() <= LABEL_LENGTH ? flat : flat.substring(0, LABEL_LENGTH - 1) + "\u2026";
    }
}
