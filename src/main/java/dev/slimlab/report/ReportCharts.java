package dev.slimlab.report;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Formats;
import dev.slimlab.experiment.VariantResult;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The charts of an experiment, drawn with JFreeChart: for the HTML report as inline SVG, for
 * export as PNG, and as {@link JFreeChart}s for the desktop app. Colours follow the app's palette
 * ({@link ChartPalette}; risk as colour and as a label, never colour alone).
 *
 * <p>Sizes and durations are written as everywhere else ({@link Formats}); the datasets hold
 * bytes and seconds, the axes show them in the unit that suits the largest value. Variants that
 * did not build have nothing to measure and are left out of the measurement charts; the
 * risk/reward chart names them below its title.
 *
 * <p>The SVG of the same analysis is the same, byte for byte: the ids of its clip paths and
 * gradients have a fixed prefix per chart kind (so that several charts can be inlined in one
 * page), and dates and numbers are formatted in UTC and {@link Locale#ROOT}. Text from the data
 * (variant names, layer instructions) is escaped by JFreeSVG.
 *
 * <p>This class is the entry point; the charts are drawn by their families ({@link BarCharts},
 * {@link RiskRewardChart}, {@link AttributionChart}, {@link HistoryChart}), styled alike by
 * {@link ChartStyle}.
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

        /** A short lower-case name for ids and file names: {@code size}, {@code pull-size}, ... */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The SIZE chart's series: what the daemon reports. */
    static final String ON_DISK = "on disk";
    /** The SIZE and PULL_SIZE charts' series: what a pull transfers. */
    static final String COMPRESSED = "compressed (pull)";
    /** The RISK_REWARD chart's series of working variants. */
    static final String VARIANTS = "variants";
    /** The RISK_REWARD chart's series of Pareto-optimal variants, joined by a line. */
    static final String PARETO_FRONT = "Pareto front";
    /** The ATTRIBUTION chart's step of what the measured steps do not explain. */
    static final String INTERACTION = "interaction";
    static final String INTERACTION_AND_REST = "interaction and the rest";

    static {
        // JFreeChart draws rotated text (the vertical axes' labels) as glyph outlines by default, a
        // workaround for a JDK bug of long ago; in SVG that makes the labels paths instead of text
        // (not selectable, not read out). Every Graphics2D we draw on rotates drawString correctly.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ReportCharts() {
    }

    /**
     * The charts that have something to show for this analysis, in report order: the
     * measurement charts when a variant built, risk against reward when one works, the
     * attribution when ablation runs allow one, the history from two runs on.
     */
    public static List<Kind> available(Analysis analysis) {
        List<Kind> kinds = new ArrayList<>();
        if (!built(analysis).isEmpty()) {
            kinds.addAll(List.of(Kind.SIZE, Kind.PULL_SIZE, Kind.BUILD_TIME));
            if (analysis.experiment().variants().stream().anyMatch(v -> v.built() && !v.layers().isEmpty())) {
                kinds.add(Kind.LAYERS);
            }
        }
        if (!working(analysis).isEmpty()) {
            kinds.add(Kind.RISK_REWARD);
        }
        if (analysis.attribution().isPresent()) {
            kinds.add(Kind.ATTRIBUTION);
        }
        if (analysis.experiment().runs().size() >= 2) {
            kinds.add(Kind.HISTORY);
        }
        return kinds;
    }

    /**
     * The chart itself (for the app, which shows it in a ChartViewer). A kind with nothing to
     * show gives a chart with a message in its plot rather than an error.
     */
    public static JFreeChart chart(Analysis analysis, Kind kind) {
        JFreeChart chart = switch (kind) {
            case SIZE -> BarCharts.size(analysis);
            case PULL_SIZE -> BarCharts.pullSize(analysis);
            case BUILD_TIME -> BarCharts.buildTime(analysis);
            case LAYERS -> BarCharts.layers(analysis);
            case RISK_REWARD -> RiskRewardChart.riskReward(analysis);
            case ATTRIBUTION -> AttributionChart.attribution(analysis);
            case HISTORY -> HistoryChart.history(analysis);
        };
        chart.setID("slimlab-" + kind.slug());
        return chart;
    }

    /**
     * The chart as a standalone SVG element, to inline in HTML: with width, height and a view
     * box (so CSS can scale it), a {@code <title>} for screen readers, and ids prefixed
     * {@code slimlab-<kind>-}.
     */
    public static String svg(Analysis analysis, Kind kind, int width, int height) {
        requireSize(width, height);
        JFreeChart chart = chart(analysis, kind);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("slimlab-" + kind.slug() + "-");
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        String svg = g2.getSVGElement("slimlab-" + kind.slug(), true, new ViewBox(0, 0, width, height), null, null);
        int open = svg.indexOf('>', svg.indexOf("<svg"));
        return svg.substring(0, open + 1) + "<title>" + kind.title() + "</title>" + svg.substring(open + 1);
    }

    /** The chart as a PNG image. */
    public static byte[] png(Analysis analysis, Kind kind, int width, int height) {
        requireSize(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart(analysis, kind), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the " + kind.slug() + " chart as PNG", e);
        }
        return out.toByteArray();
    }

    private static void requireSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a chart needs a positive size, not " + width + "x" + height);
        }
    }

    // ---------------------------------------------------------------- the analysis

    static List<Assessment> built(Analysis analysis) {
        return analysis.variants().stream().filter(Assessment::built).toList();
    }

    /** Built and not regressed: the variants the risk/reward chart places. */
    static List<Assessment> working(Analysis analysis) {
        return analysis.variants().stream().filter(a -> a.built() && !a.failed()).toList();
    }

    static Map<String, VariantResult> results(Analysis analysis) {
        Map<String, VariantResult> byName = new LinkedHashMap<>();
        analysis.experiment().variants().forEach(v -> byName.putIfAbsent(v.name(), v));
        return byName;
    }

    // ---------------------------------------------------------------- text

    /** A number as short as it can be written: 100, 2.5. */
    static String plain(double v) {
        if (Math.abs(v) < 1e-9) {
            return "0";
        }
        return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The text on one line, cut with an ellipsis past {@code longest} characters. */
    static String shorten(String text, int longest) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= longest ? flat : flat.substring(0, longest - 1) + "\u2026";
    }

    /** Axis tick labels in a unit: 1.5 (GB) for 1.5e9 bytes. Always {@link Locale#ROOT}. */
    static final class ScaledFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final double divisor;

        ScaledFormat(double divisor) {
            this.divisor = divisor;
        }

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition position) {
            return out.append(plain(number / divisor));
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition position) {
            return format((double) number, out, position);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ScaledFormat f && f.divisor == divisor;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(divisor);
        }
    }

    /**
     * A category dataset whose value is a median, with the fastest and slowest of the
     * repetitions beside it (the range axis takes them into account).
     */
    static final class MedianRangeDataset extends DefaultCategoryDataset {
        private static final long serialVersionUID = 1L;
        private final DefaultCategoryDataset mins = new DefaultCategoryDataset();
        private final DefaultCategoryDataset maxes = new DefaultCategoryDataset();

        void add(double median, double min, double max, String row, String column) {
            mins.addValue(min, row, column);
            maxes.addValue(max, row, column);
            addValue(median, row, column);
        }

        double getMin(int row, int column) {
            return mins.getValue(getRowKey(row), getColumnKey(column)).doubleValue();
        }

        double getMax(int row, int column) {
            return maxes.getValue(getRowKey(row), getColumnKey(column)).doubleValue();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MedianRangeDataset d && super.equals(d) && mins.equals(d.mins)
                    && maxes.equals(d.maxes);
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + maxes.hashCode();
        }
    }
}
