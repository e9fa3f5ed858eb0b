package dev.slimlab.report;

import static dev.slimlab.analysis.Formats.duration;

import dev.slimlab.analysis.StepTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A build's steps as a Gantt chart in inline SVG: one row per step, a bar from its start to its
 * end on one time axis, so steps that ran in parallel overlap. Written element by element through
 * the page's {@link HtmlWriter}, which escapes the step names (they come from Dockerfiles). The
 * colours are the report's CSS variables ({@code svg.timeline} in report.css), so it reads in light
 * and dark; the slowest steps are drawn in the accent, cached ones hollow and labelled "cached".
 */
final class TimelineSvg {

    static final int WIDTH = 760;
    /** Where the bars start: the labels are right-aligned before it. */
    static final int PLOT_X = 300;
    /** Room after the longest bar for its "24.5 s, parallel". */
    static final int VALUE_WIDTH = 100;
    static final int AXIS_HEIGHT = 22;
    static final int ROW_HEIGHT = 18;
    static final int BAR_HEIGHT = 12;
    /** A cached step took no time: a sliver shows where it stands. */
    static final double CACHED_WIDTH = 3;
    /** At most this many ticks on the axis. */
    private static final int TICKS = 8;

    private TimelineSvg() {
    }

    /** Seconds to SVG units: the plot's width spans the build's steps. */
    static double scale(StepTimeline timeline) {
        return (WIDTH - PLOT_X - VALUE_WIDTH) / Math.max(timeline.totalSeconds(), 0.001);
    }

    static void write(HtmlWriter out, StepTimeline timeline) {
        List<StepTimeline.Row> rows = timeline.rows();
        List<StepTimeline.Row> slowest = timeline.slowest(3);
        double scale = scale(timeline);
        int height = AXIS_HEIGHT + rows.size() * ROW_HEIGHT + 4;
        out.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "timeline", "width", String.valueOf(WIDTH),
                "height", String.valueOf(height), "viewBox", "0 0 " + WIDTH + " " + height, "role", "img");
        out.element("title", "Build steps on a time axis: " + timeline.summary());
        out.open("g", "class", "axis");
        for (double tick : ticks(timeline.totalSeconds())) {
            String x = number(PLOT_X + tick * scale);
            out.empty("line", "x1", x, "x2", x, "y1", String.valueOf(AXIS_HEIGHT - 4), "y2", String.valueOf(height));
            out.element("text", duration(tick), "x", x, "y", String.valueOf(AXIS_HEIGHT - 8),
                    "text-anchor", "middle");
        }
        out.close();
        for (int i = 0; i < rows.size(); i++) {
            StepTimeline.Row row = rows.get(i);
            int top = AXIS_HEIGHT + i * ROW_HEIGHT;
            String baseline = String.valueOf(top + BAR_HEIGHT);
            double x = PLOT_X + row.startSeconds() * scale;
            double width = row.cached() ? CACHED_WIDTH : row.seconds() * scale;
            out.open("g", "class", "step" + (row.cached() ? " cached" : "") + (row.parallel() ? " parallel" : "")
                    + (slowest.contains(row) ? " slowest" : ""));
            out.element("title", row.name() + "\n" + detail(row));
            out.element("text", row.label(), "class", "label", "x", String.valueOf(PLOT_X - 8), "y", baseline,
                    "text-anchor", "end");
            out.empty("rect", "class", "bar", "x", number(x), "y", String.valueOf(top + 2), "width", number(width),
                    "height", String.valueOf(BAR_HEIGHT), "rx", "2");
            out.element("text", row.time(), "class", "value", "x", number(x + width + 4), "y", baseline);
            out.close();
        }
        out.close().nl();
    }

    /** What the tooltip adds to the name: when it started, how long it took, and how. */
    private static String detail(StepTimeline.Row row) {
        return "started at " + duration(row.startSeconds()) + (row.cached() ? ", cached"
                : ", took " + duration(row.seconds())) + (row.parallel() ? ", in parallel with another step" : "");
    }

    /** 0 and every round step (1, 2 or 5 times a power of ten) up to {@code seconds}, at most {@link #TICKS} of them. */
    static List<Double> ticks(double seconds) {
        double step = 0.1;
        for (int i = 1; seconds / step > TICKS; i++) {
            step = new double[] {1, 2, 5}[i % 3] * Math.pow(10, Math.floorDiv(i, 3) - 1);
        }
        List<Double> ticks = new ArrayList<>();
        for (int n = 0; n * step <= seconds + 1e-9; n++) {
            ticks.add(n * step);
        }
        return ticks;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
