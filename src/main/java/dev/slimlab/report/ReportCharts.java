package dev.slimlab.report;

import dev.slimlab.analysis.Analysis;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The charts of an experiment, drawn with JFreeChart: for the HTML report as inline SVG, for
 * export as PNG, and as {@link JFreeChart}s for the desktop app. Colours follow the app's palette
 * (risk as colour and as a label, never colour alone).
 */
public final class ReportCharts {

    /** The charts SlimLab draws. */
    public enum Kind {
        SIZE("Image size per variant"),
        PULL_SIZE("Pull size per variant"),
        BUILD_TIME("Build time per variant"),
        LAYERS("Layers per variant"),
        RISK_REWARD("Risk against reward"),
        ATTRIBUTION("What each optimization saves"),
        HISTORY("Size and build time across runs");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private ReportCharts() {
    }

    /** The charts that have something to show for this analysis, in report order. */
    public static List<Kind> available(Analysis analysis) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.SIZE, Kind.PULL_SIZE, Kind.BUILD_TIME, Kind.LAYERS,
                Kind.RISK_REWARD));
        if (analysis.attribution().isPresent()) {
            kinds.add(Kind.ATTRIBUTION);
        }
        if (analysis.experiment().runs().size() >= 2) {
            kinds.add(Kind.HISTORY);
        }
        return kinds;
    }

    /** The chart itself (for the app, which shows it in a ChartViewer). */
    public static JFreeChart chart(Analysis analysis, Kind kind) {
        throw new UnsupportedOperationException("not built yet: " + kind);
    }

    /** The chart as a standalone SVG element, to inline in HTML. */
    public static String svg(Analysis analysis, Kind kind, int width, int height) {
        throw new UnsupportedOperationException("not built yet: " + kind);
    }

    /** The chart as a PNG image. */
    public static byte[] png(Analysis analysis, Kind kind, int width, int height) {
        throw new UnsupportedOperationException("not built yet: " + kind);
    }
}
