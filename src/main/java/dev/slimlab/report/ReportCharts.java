package dev.slimlab.report;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Attribution;
import dev.slimlab.analysis.RiskLevel;
import dev.slimlab.experiment.RunSummary;
import dev.slimlab.experiment.VariantResult;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAnchor;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The charts of an experiment, drawn with JFreeChart: for the HTML report as inline SVG, for
 * export as PNG, and as {@link JFreeChart}s for the desktop app. Colours follow the app's palette
 * ({@link ChartPalette}; risk as colour and as a label, never colour alone).
 *
 * <p>Sizes are in decimal units, as Docker shows them (1 GB = 10⁹ bytes, labels with three
 * significant digits like {@code docker images}); the datasets hold bytes and seconds, the axes
 * show them in the unit that suits the largest value. Variants that
 * did not build have nothing to measure and are left out of the measurement charts; the
 * risk/reward chart names them below its title.
 *
 * <p>The SVG of the same analysis is the same, byte for byte: the ids of its clip paths and
 * gradients have a fixed prefix per chart kind (so that several charts can be inlined in one
 * page), and dates and numbers are formatted in UTC and {@link Locale#ROOT}. Text from the data
 * (variant names, layer instructions) is escaped by JFreeSVG.
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

    private static final String FONT_FAMILY = Font.SANS_SERIF;
    private static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 15);
    private static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    private static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    private static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    private static final Font ITEM_FONT = new Font(FONT_FAMILY, Font.PLAIN, 10);
    private static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    /** Layer instructions in tooltips are cut here. */
    private static final int LONGEST_TOOLTIP = 120;
    /** Point labels of the risk/reward chart are cut here, so that they stay near their point. */
    private static final int LONGEST_POINT_LABEL = 32;

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
            case SIZE -> size(analysis);
            case PULL_SIZE -> pullSize(analysis);
            case BUILD_TIME -> buildTime(analysis);
            case LAYERS -> layers(analysis);
            case RISK_REWARD -> riskReward(analysis);
            case ATTRIBUTION -> attribution(analysis);
            case HISTORY -> history(analysis);
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

    // ---------------------------------------------------------------- the charts

    /** On-disk and compressed size side by side, per built variant. */
    private static JFreeChart size(Analysis analysis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Assessment a : built(analysis)) {
            data.addValue(a.sizeBytes(), ON_DISK, a.name());
            data.addValue(a.pullBytes(), COMPRESSED, a.name());
        }
        BarRenderer renderer = bars();
        renderer.setSeriesPaint(0, ChartPalette.ACCENT);
        renderer.setSeriesPaint(1, ChartPalette.ACCENT_LIGHT);
        renderer.setItemMargin(0.04);
        renderer.setDefaultItemLabelGenerator(new CellLabels((d, row, col) -> bytes(d.getValue(row, col))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultToolTipGenerator((d, row, col) -> d.getColumnKey(col) + ", " + d.getRowKey(row) + ": "
                + bytes(d.getValue(row, col)));
        CategoryPlot plot = categoryPlot(data, variantAxis(analysis), bytesAxis("Image size", maxValue(data)), renderer);
        return finish(Kind.SIZE, plot, true, "Compressed: the gzip of each layer, what a pull transfers");
    }

    /** Compressed size per built variant, with the estimated pull time in each bar's label. */
    private static JFreeChart pullSize(Analysis analysis) {
        Map<String, VariantResult> results = results(analysis);
        double bandwidth = analysis.experiment().settings() == null ? 100
                : analysis.experiment().settings().bandwidthMbitPerSecond();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Assessment a : built(analysis)) {
            data.addValue(a.pullBytes(), COMPRESSED, a.name());
            VariantResult r = results.get(a.name());
            double estimate = r != null && r.estimatedPullSeconds() > 0 ? r.estimatedPullSeconds()
                    : a.pullBytes() * 8 / (bandwidth * 1e6);
            seconds.put(a.name(), estimate);
        }
        BarRenderer renderer = bars();
        renderer.setSeriesPaint(0, ChartPalette.ACCENT_LIGHT);
        renderer.setDefaultItemLabelGenerator(new CellLabels((d, row, col) -> bytes(d.getValue(row, col)) + " · "
                + duration(seconds.get((String) d.getColumnKey(col)))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultToolTipGenerator((d, row, col) -> d.getColumnKey(col) + ": " + bytes(d.getValue(row, col))
                + " to pull, about " + duration(seconds.get((String) d.getColumnKey(col))) + " at "
                + plain(bandwidth) + " Mbit/s");
        CategoryPlot plot = categoryPlot(data, variantAxis(analysis), bytesAxis("Pull size", maxValue(data)), renderer);
        return finish(Kind.PULL_SIZE, plot, false,
                "Labels: compressed size · estimated pull time at " + plain(bandwidth) + " Mbit/s");
    }

    /** Median build time per built variant, with a whisker from the fastest to the slowest build. */
    private static JFreeChart buildTime(Analysis analysis) {
        MedianRangeDataset data = new MedianRangeDataset();
        Map<String, Integer> repetitions = new LinkedHashMap<>();
        for (Assessment a : built(analysis)) {
            data.add(a.buildTime().median(), a.buildTime().min(), a.buildTime().max(), "median build time", a.name());
            repetitions.put(a.name(), a.buildTime().repetitions());
        }
        MedianRangeRenderer renderer = new MedianRangeRenderer(data, (row, col) -> {
            int n = repetitions.get((String) data.getColumnKey(col));
            return duration(data.getValue(row, col).doubleValue()) + (n > 1 ? " · " + n + " builds" : "");
        });
        styleBars(renderer);
        renderer.setSeriesPaint(0, ChartPalette.ACCENT);
        renderer.setDefaultToolTipGenerator((d, row, col) -> d.getColumnKey(col) + ": median "
                + duration(data.getValue(row, col).doubleValue()) + ", fastest " + duration(data.getMin(row, col))
                + ", slowest " + duration(data.getMax(row, col)) + " (" + repetitions.get((String) d.getColumnKey(col))
                + " builds)");
        double max = 0;
        for (int c = 0; c < data.getColumnCount(); c++) {
            max = Math.max(max, data.getMax(0, c));
        }
        CategoryPlot plot = categoryPlot(data, variantAxis(analysis), secondsAxis("Build time", max), renderer);
        return finish(Kind.BUILD_TIME, plot, false,
                "Bars: the median build; whiskers: the fastest to the slowest of the repetitions");
    }

    /** One stacked segment per layer, oldest at the bottom, so that a stack is as tall as the image. */
    private static JFreeChart layers(Analysis analysis) {
        Map<String, VariantResult> results = results(analysis);
        List<VariantResult> shown = built(analysis).stream().map(a -> results.get(a.name()))
                .filter(r -> r != null && !r.layers().isEmpty()).toList();
        int deepest = shown.stream().mapToInt(r -> r.layers().size()).max().orElse(0);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < deepest; i++) {
            for (VariantResult r : shown) {
                data.addValue(i < r.layers().size() ? r.layers().get(i).sizeBytes() : null, layerKey(i), r.name());
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        styleBars(renderer);
        renderer.setMaximumBarWidth(0.16);
        for (int i = 0; i < deepest; i++) {
            renderer.setSeriesPaint(i, i % 2 == 0 ? ChartPalette.ACCENT : ChartPalette.ACCENT_LIGHT);
        }
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(ChartPalette.BACKGROUND);
        renderer.setAutoPopulateSeriesOutlinePaint(false);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        renderer.setAutoPopulateSeriesOutlineStroke(false);
        renderer.setDefaultToolTipGenerator((d, row, col) -> {
            VariantResult r = results.get((String) d.getColumnKey(col));
            return r.name() + ", layer " + (row + 1) + " of " + r.layers().size() + ": "
                    + shorten(r.layers().get(row).createdBy(), LONGEST_TOOLTIP) + " (" + bytes(d.getValue(row, col)) + ")";
        });
        long tallest = 0;
        for (VariantResult r : shown) {
            tallest = Math.max(tallest, r.layers().stream().mapToLong(l -> l.sizeBytes()).sum());
        }
        NumberAxis sizeAxis = bytesAxis("Image size", tallest);
        CategoryPlot plot = categoryPlot(data, variantAxis(analysis), sizeAxis, renderer);
        for (VariantResult r : shown) {
            long total = r.layers().stream().mapToLong(l -> l.sizeBytes()).sum();
            int n = r.layers().size();
            CategoryTextAnnotation note = new CategoryTextAnnotation(n + (n == 1 ? " layer" : " layers"),
                    r.name(), total + tallest * 0.015);
            note.setFont(ITEM_FONT);
            note.setPaint(ChartPalette.FOREGROUND);
            note.setCategoryAnchor(CategoryAnchor.MIDDLE);
            note.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(note);
        }
        return finish(Kind.LAYERS, plot, false, "One segment per layer, the oldest at the bottom");
    }

    /** Risk level against size saved, one labelled point per working variant, the Pareto front joined. */
    private static JFreeChart riskReward(Analysis analysis) {
        List<Assessment> working = working(analysis);
        XYSeries points = new XYSeries(VARIANTS, false, true);
        for (Assessment a : working) {
            points.add(a.risk().ordinal(), a.sizeSavedPercent());
        }
        XYSeries front = new XYSeries(PARETO_FRONT, false, true);
        working.stream().filter(Assessment::paretoOptimal)
                .sorted((x, y) -> x.risk() != y.risk() ? x.risk().compareTo(y.risk())
                        : Double.compare(x.sizeSavedPercent(), y.sizeSavedPercent()))
                .forEach(a -> front.add(a.risk().ordinal(), a.sizeSavedPercent()));

        String[] levels = new String[RiskLevel.values().length];
        for (RiskLevel level : RiskLevel.values()) {
            levels[level.ordinal()] = level.label();
        }
        SymbolAxis riskAxis = new SymbolAxis("Risk", levels);
        riskAxis.setGridBandsVisible(false);
        riskAxis.setRange(-0.5, RiskLevel.values().length - 0.5);
        riskAxis.setAutoRange(false);
        NumberAxis savedAxis = new NumberAxis("Size saved (% of the original)");
        savedAxis.setStandardTickUnits(tickUnits(new ScaledFormat(1), 1));
        double low = Math.min(0, working.stream().mapToDouble(Assessment::sizeSavedPercent).min().orElse(0));
        double high = Math.max(0, working.stream().mapToDouble(Assessment::sizeSavedPercent).max().orElse(0));
        double pad = Math.max(4, (high - low) * 0.1);
        savedAxis.setRange(low - pad, high + pad);
        List<String> labels = pointLabels(working);

        // The front rises from lower left to upper right, so below right of a point is clear of its
        // line; at the right end (high risk) a label goes above left, inside the chart.
        ItemLabelPosition belowRight = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE4, TextAnchor.TOP_LEFT);
        ItemLabelPosition aboveLeft = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE10, TextAnchor.BOTTOM_RIGHT);
        RiskLevel riskiest = RiskLevel.values()[RiskLevel.values().length - 1];
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int series, int item) {
                return ChartPalette.risk(working.get(item).risk());
            }

            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
                return working.get(item).risk() == riskiest ? aboveLeft : belowRight;
            }

            @Override
            public ItemLabelPosition getNegativeItemLabelPosition(int series, int item) {
                return getPositiveItemLabelPosition(series, item);
            }
        };
        dots.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
        dots.setUseOutlinePaint(true);
        dots.setSeriesOutlinePaint(0, ChartPalette.BACKGROUND);
        dots.setDrawOutlines(true);
        dots.setDefaultItemLabelGenerator((d, s, i) -> labels.get(i));
        dots.setDefaultItemLabelsVisible(true);
        dots.setDefaultItemLabelFont(ITEM_FONT);
        dots.setDefaultItemLabelPaint(ChartPalette.FOREGROUND);
        dots.setItemLabelInsets(new RectangleInsets(3, 3, 3, 3));
        dots.setDefaultToolTipGenerator((d, s, i) -> {
            Assessment a = working.get(i);
            return a.name() + ": saves " + percent(a.sizeSavedPercent()) + " at " + a.risk().label() + " risk ("
                    + a.verdict().label() + ")";
        });

        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ChartPalette.FOREGROUND);
        line.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 4f}, 0f));

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(riskAxis);
        plot.setRangeAxis(savedAxis);
        plot.setDataset(0, new XYSeriesCollection(points));
        plot.setRenderer(0, dots);
        plot.setDataset(1, new XYSeriesCollection(front));
        plot.setRenderer(1, line);
        plot.setNoDataMessage("No variant built and passed its tests");
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("Pareto front: no other variant saves more at no more risk", null, null, null,
                new Line2D.Double(-9, 0, 9, 0), line.getSeriesStroke(0), ChartPalette.FOREGROUND));
        plot.setFixedLegendItems(legend);
        List<Assessment> left = analysis.variants().stream().filter(a -> !a.built() || a.failed()).toList();
        String note = "Colour repeats the risk on the axis"
                + (left.isEmpty() ? "" : "; not shown: " + left.stream()
                        .map(a -> a.name() + " (" + a.verdict().label() + ")").collect(Collectors.joining(", ")));
        return finish(Kind.RISK_REWARD, plot, true, note);
    }

    /** A waterfall from the original's size, through each measured optimization and the interaction, to the target. */
    private static JFreeChart attribution(Analysis analysis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Optional<Attribution> found = analysis.attribution();
        String subtitle = "Each optimization measured alone against the original";
        if (found.isPresent()) {
            Attribution at = found.get();
            String original = analysis.variants().stream().filter(a -> a.optimizations().isEmpty())
                    .map(Assessment::name).findFirst().orElse("original");
            List<String> used = new ArrayList<>();
            data.addValue(at.originalBytes(), "size", unique(original, used));
            for (Attribution.Step step : at.steps()) {
                data.addValue(-step.savedBytes(), "size", unique(step.optimization(), used));
            }
            data.addValue(-at.interactionBytes(), "size",
                    unique(at.unmeasured().isEmpty() ? INTERACTION : INTERACTION_AND_REST, used));
            data.addValue(at.targetBytes(), "size", unique(at.target(), used));
            subtitle += at.unmeasured().isEmpty()
                    ? "; interaction: what combining them saves beyond (or short of) the sum"
                    : "; the rest: " + String.join(", ", at.unmeasured())
                            + " (not measured alone) and what combining saves beyond the sum";
        }
        WaterfallBarRenderer renderer = new WaterfallBarRenderer(ChartPalette.NEUTRAL, ChartPalette.GROWTH,
                ChartPalette.SAVING, ChartPalette.ACCENT);
        styleBars(renderer);
        renderer.setMaximumBarWidth(0.14);
        int last = data.getColumnCount() - 1;
        renderer.setDefaultItemLabelGenerator(new CellLabels((d, row, col) -> col == 0 || col == last
                ? bytes(d.getValue(row, col)) : signedBytes(d.getValue(row, col).longValue())));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6,
                TextAnchor.TOP_CENTER));
        renderer.setDefaultToolTipGenerator((d, row, col) -> d.getColumnKey(col) + ": "
                + (col == 0 || col == last ? bytes(d.getValue(row, col))
                : signedBytes(d.getValue(row, col).longValue())));
        double top = 0;
        double running = 0;
        for (int c = 0; c < last; c++) {
            running += data.getValue(0, c).doubleValue();
            top = Math.max(top, running);
        }
        CategoryAxis steps = new CategoryAxis(null);
        steps.setMaximumCategoryLabelLines(3);
        steps.setCategoryMargin(0.2);
        CategoryPlot plot = categoryPlot(data, steps, bytesAxis("Image size", top), renderer);
        return finish(Kind.ATTRIBUTION, plot, false, subtitle);
    }

    /** Size (top) and median build time (bottom) of each variant, across the runs of the experiment. */
    private static JFreeChart history(Analysis analysis) {
        List<RunSummary> runs = analysis.experiment().runs();
        Map<String, XYSeries> sizes = new LinkedHashMap<>();
        Map<String, XYSeries> times = new LinkedHashMap<>();
        analysis.variants().forEach(a -> {
            sizes.put(a.name(), new XYSeries(a.name(), true, true));
            times.put(a.name(), new XYSeries(a.name(), true, true));
        });
        long first = Long.MAX_VALUE;
        long lastRun = Long.MIN_VALUE;
        for (RunSummary run : runs) {
            OptionalLong when = epochMillis(run.startedAt());
            if (when.isEmpty()) {
                continue;
            }
            first = Math.min(first, when.getAsLong());
            lastRun = Math.max(lastRun, when.getAsLong());
            for (RunSummary.Variant v : run.variants()) {
                if (v.status() != VariantResult.Status.BUILT) {
                    continue;
                }
                sizes.computeIfAbsent(v.name(), n -> new XYSeries(n, true, true)).add(when.getAsLong(), v.sizeBytes());
                times.computeIfAbsent(v.name(), n -> new XYSeries(n, true, true))
                        .add(when.getAsLong(), v.medianBuildSeconds());
            }
        }
        XYSeriesCollection sizeData = new XYSeriesCollection();
        XYSeriesCollection timeData = new XYSeriesCollection();
        sizes.values().stream().filter(s -> s.getItemCount() > 0).forEach(sizeData::addSeries);
        times.values().stream().filter(s -> s.getItemCount() > 0).forEach(timeData::addSeries);

        DateAxis runAxis = new DateAxis("Run (UTC)", TimeZone.getTimeZone("UTC"), Locale.ROOT);
        boolean withinTwoDays = first != Long.MAX_VALUE && lastRun - first < 2L * 24 * 3600 * 1000;
        SimpleDateFormat format = new SimpleDateFormat(withinTwoDays ? "MM-dd HH:mm" : "yyyy-MM-dd", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        runAxis.setDateFormatOverride(format);
        runAxis.setLowerMargin(0.04);
        runAxis.setUpperMargin(0.04);

        double maxSize = maxY(sizeData);
        double maxTime = maxY(timeData);
        XYPlot sizePlot = new XYPlot(sizeData, null, bytesAxis("Size", maxSize), historyLines(sizeData, true));
        XYPlot timePlot = new XYPlot(timeData, null, secondsAxis("Build", maxTime), historyLines(timeData, false));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(runAxis);
        plot.setGap(8);
        plot.add(sizePlot, 3);
        plot.add(timePlot, 2);
        return finish(Kind.HISTORY, plot, true, "Variants that did not build in a run have no point for it");
    }

    /**
     * The label of each point: its name, or the names of all the points that share its place
     * (same risk, savings within a percentage point) on the first of them and nothing on the others.
     */
    private static List<String> pointLabels(List<Assessment> points) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Assessment a = points.get(i);
            boolean shown = false;
            for (int j = 0; j < i && !shown; j++) {
                shown = together(points.get(j), a);
            }
            labels.add(shown ? null : shorten(points.stream().skip(i).filter(b -> together(a, b))
                    .map(Assessment::name).collect(Collectors.joining(", ")), LONGEST_POINT_LABEL));
        }
        return labels;
    }

    private static boolean together(Assessment a, Assessment b) {
        return a.risk() == b.risk() && Math.abs(a.sizeSavedPercent() - b.sizeSavedPercent()) < 1;
    }

    private static XYLineAndShapeRenderer historyLines(XYSeriesCollection data, boolean inLegend) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, ChartPalette.series(s));
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        renderer.setDefaultSeriesVisibleInLegend(inLegend);
        return renderer;
    }

    // ---------------------------------------------------------------- the analysis

    private static List<Assessment> built(Analysis analysis) {
        return analysis.variants().stream().filter(Assessment::built).toList();
    }

    /** Built and not regressed: the variants the risk/reward chart places. */
    private static List<Assessment> working(Analysis analysis) {
        return analysis.variants().stream().filter(a -> a.built() && !a.failed()).toList();
    }

    private static Map<String, VariantResult> results(Analysis analysis) {
        Map<String, VariantResult> byName = new LinkedHashMap<>();
        analysis.experiment().variants().forEach(v -> byName.putIfAbsent(v.name(), v));
        return byName;
    }

    private static String layerKey(int index) {
        return "layer " + (index + 1);
    }

    /** A category key not yet used (an optimization named like a variant would otherwise merge with it). */
    private static String unique(String key, List<String> used) {
        String candidate = key;
        for (int i = 2; used.contains(candidate); i++) {
            candidate = key + " (" + i + ")";
        }
        used.add(candidate);
        return candidate;
    }

    private static OptionalLong epochMillis(String when) {
        try {
            return OptionalLong.of(Instant.parse(when).toEpochMilli());
        } catch (DateTimeParseException | NullPointerException e) {
            // try the looser forms below
        }
        try {
            return OptionalLong.of(OffsetDateTime.parse(when).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return OptionalLong.of(LocalDateTime.parse(when).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return OptionalLong.of(LocalDate.parse(when).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }

    // ---------------------------------------------------------------- style

    private static JFreeChart finish(Kind kind, Plot plot, boolean legend, String subtitle) {
        JFreeChart chart = new JFreeChart(kind.title(), TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(ChartPalette.BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 8, 6, 12));
        chart.getTitle().setPaint(ChartPalette.FOREGROUND);
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setMargin(2, 4, 2, 4);
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT);
            sub.setPaint(ChartPalette.MUTED);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setTextAlignment(HorizontalAlignment.LEFT);
            sub.setMargin(0, 4, 6, 4);
            chart.addSubtitle(sub);
        }
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(LEGEND_FONT);
            legendTitle.setItemPaint(ChartPalette.FOREGROUND);
            legendTitle.setBackgroundPaint(ChartPalette.BACKGROUND);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setPosition(RectangleEdge.BOTTOM);
        }
        stylePlot(plot);
        return chart;
    }

    private static void stylePlot(Plot plot) {
        plot.setBackgroundPaint(ChartPalette.BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setNoDataMessageFont(AXIS_LABEL_FONT);
        plot.setNoDataMessagePaint(ChartPalette.MUTED);
        if (plot instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(ChartPalette.GRID);
            p.setRangeGridlineStroke(new BasicStroke(1f));
            p.setDomainGridlinesVisible(false);
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            styleAxis(p.getDomainAxis());
            styleAxis(p.getRangeAxis());
        } else if (plot instanceof CombinedDomainXYPlot p) {
            styleAxis(p.getDomainAxis());
            for (XYPlot sub : p.getSubplots()) {
                stylePlot(sub);
            }
        } else if (plot instanceof XYPlot p) {
            p.setRangeGridlinePaint(ChartPalette.GRID);
            p.setRangeGridlineStroke(new BasicStroke(1f));
            p.setDomainGridlinePaint(ChartPalette.GRID);
            p.setDomainGridlineStroke(new BasicStroke(1f));
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            if (p.getDomainAxis() != null) {
                styleAxis(p.getDomainAxis());
            }
            styleAxis(p.getRangeAxis());
        }
    }

    private static void styleAxis(Axis axis) {
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setLabelPaint(ChartPalette.FOREGROUND);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(ChartPalette.MUTED);
        axis.setAxisLinePaint(ChartPalette.MUTED);
        axis.setTickMarkPaint(ChartPalette.MUTED);
    }

    private static BarRenderer bars() {
        BarRenderer renderer = new BarRenderer();
        styleBars(renderer);
        renderer.setMaximumBarWidth(0.12);
        return renderer;
    }

    private static void styleBars(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultItemLabelFont(ITEM_FONT);
        renderer.setDefaultItemLabelPaint(ChartPalette.FOREGROUND);
        renderer.setItemLabelInsets(new RectangleInsets(3, 3, 3, 3));
    }

    private static CategoryPlot categoryPlot(CategoryDataset data, CategoryAxis domain, ValueAxis range,
                                             BarRenderer renderer) {
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setNoDataMessage("No variant built");
        return plot;
    }

    /** Variants along the bottom, the recommended one in bold. */
    private static CategoryAxis variantAxis(Analysis analysis) {
        CategoryAxis axis = new CategoryAxis("Variant");
        axis.setMaximumCategoryLabelLines(3);
        axis.setCategoryMargin(0.25);
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.03);
        analysis.recommended().ifPresent(name -> axis.setTickLabelFont(name, TICK_FONT.deriveFont(Font.BOLD)));
        return axis;
    }

    /** A size axis in the decimal unit that suits the largest value: "Image size (GB)". */
    private static NumberAxis bytesAxis(String what, double largest) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        int unit = 0;
        double divisor = 1;
        while (unit < units.length - 1 && Math.abs(largest) >= divisor * 1000) {
            divisor *= 1000;
            unit++;
        }
        NumberAxis axis = new NumberAxis(what + " (" + units[unit] + ")");
        axis.setStandardTickUnits(tickUnits(new ScaledFormat(divisor), divisor));
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.12);
        return axis;
    }

    /** A time axis in seconds, or in minutes from three minutes on. */
    private static NumberAxis secondsAxis(String what, double largest) {
        boolean minutes = largest >= 180;
        double divisor = minutes ? 60 : 1;
        NumberAxis axis = new NumberAxis(what + (minutes ? " (min)" : " (s)"));
        axis.setStandardTickUnits(tickUnits(new ScaledFormat(divisor), divisor));
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.15);
        return axis;
    }

    /** Ticks of 1, 2 and 5 times a power of ten of the axis unit, labelled in that unit. */
    private static TickUnits tickUnits(NumberFormat format, double unit) {
        TickUnits units = new TickUnits();
        for (int power = -3; power <= 9; power++) {
            for (double m : new double[] {1, 2, 5}) {
                units.add(new NumberTickUnit(m * Math.pow(10, power) * unit, format, 0));
            }
        }
        return units;
    }

    private static double maxValue(CategoryDataset data) {
        double max = 0;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number n = data.getValue(r, c);
                if (n != null) {
                    max = Math.max(max, n.doubleValue());
                }
            }
        }
        return max;
    }

    private static double maxY(XYSeriesCollection data) {
        double max = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            max = Math.max(max, data.getSeries(s).getMaxY());
        }
        return max;
    }

    // ---------------------------------------------------------------- text

    static String bytes(Number n) {
        return n == null ? "" : bytes(n.longValue());
    }

    /**
     * A size as {@code docker images} shows it: decimal units, three significant digits
     * ("1.05 GB", "336 MB", "40.4 MB"), short enough to label a bar.
     */
    static String bytes(long n) {
        if (Math.abs(n) < 1000) {
            return n + " B";
        }
        BigDecimal value = new BigDecimal(n).round(new MathContext(3, RoundingMode.HALF_UP));
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        int unit = -1;
        while (value.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 && unit < units.length - 1) {
            value = value.movePointLeft(3);
            unit++;
        }
        return value.stripTrailingZeros().toPlainString() + " " + units[unit];
    }

    /** A step of the waterfall: "−1.6 GB" smaller, "+50 MB" larger. */
    static String signedBytes(long delta) {
        return delta < 0 ? "\u2212" + bytes(-delta) : "+" + bytes(delta);
    }

    /** "8 s", "34 s", "6 min 2 s". */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        long h = s / 3600;
        long m = s % 3600 / 60;
        long rest = s % 60;
        return (h > 0 ? h + " h " : "") + m + " min" + (rest > 0 && h == 0 ? " " + rest + " s" : "");
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** A number as short as it can be written: 100, 2.5. */
    static String plain(double v) {
        if (Math.abs(v) < 1e-9) {
            return "0";
        }
        return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The text on one line, cut with an ellipsis past {@code longest} characters. */
    private static String shorten(String text, int longest) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= longest ? flat : flat.substring(0, longest - 1) + "\u2026";
    }

    // ---------------------------------------------------------------- JFreeChart helpers

    /** A label for one cell of a category dataset. */
    @FunctionalInterface
    interface CellText {
        String text(CategoryDataset data, int row, int column);
    }

    /** Item labels from a function of the cell; the row and column labels are the keys. */
    private static final class CellLabels implements CategoryItemLabelGenerator {
        private final CellText text;

        CellLabels(CellText text) {
            this.text = text;
        }

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return String.valueOf(dataset.getRowKey(row));
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return String.valueOf(dataset.getColumnKey(column));
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            return dataset.getValue(row, column) == null ? null : text.text(dataset, row, column);
        }
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

    /** A label for one cell, by row and column. */
    @FunctionalInterface
    interface RowColumnText {
        String text(int row, int column);
    }

    /**
     * Bars to the median, a whisker from the fastest to the slowest repetition, and the label
     * above the whisker (where a label at the bar's end would sit on it).
     */
    static final class MedianRangeRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient MedianRangeDataset data;
        private final transient RowColumnText label;

        MedianRangeRenderer(MedianRangeDataset data, RowColumnText label) {
            this.data = data;
            this.label = label;
        }

        @Override
        public Range findRangeBounds(CategoryDataset dataset, boolean includeInterval) {
            Range bars = super.findRangeBounds(dataset, includeInterval);
            if (bars == null || dataset != data) {
                return bars;
            }
            double top = bars.getUpperBound();
            for (int r = 0; r < data.getRowCount(); r++) {
                for (int c = 0; c < data.getColumnCount(); c++) {
                    top = Math.max(top, data.getMax(r, c));
                }
            }
            return new Range(Math.min(0, bars.getLowerBound()), top);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                             CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row,
                             int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            if (dataset != data || data.getValue(row, column) == null) {
                return;
            }
            double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column)
                    + state.getBarWidth() / 2;
            RectangleEdge edge = plot.getRangeAxisEdge();
            double yMin = rangeAxis.valueToJava2D(data.getMin(row, column), dataArea, edge);
            double yMax = rangeAxis.valueToJava2D(data.getMax(row, column), dataArea, edge);
            double cap = Math.min(8, state.getBarWidth() * 0.3);
            Stroke saved = g2.getStroke();
            Paint savedPaint = g2.getPaint();
            Font savedFont = g2.getFont();
            g2.setStroke(new BasicStroke(1.5f));
            g2.setPaint(ChartPalette.FOREGROUND);
            if (yMin - yMax > 0.5) {
                g2.draw(new Line2D.Double(x, yMin, x, yMax));
                g2.draw(new Line2D.Double(x - cap, yMin, x + cap, yMin));
                g2.draw(new Line2D.Double(x - cap, yMax, x + cap, yMax));
            }
            double yMedian = rangeAxis.valueToJava2D(data.getValue(row, column).doubleValue(), dataArea, edge);
            g2.setFont(ITEM_FONT);
            TextUtils.drawAlignedString(label.text(row, column), g2, (float) x, (float) (Math.min(yMax, yMedian) - 4),
                    TextAnchor.BOTTOM_CENTER);
            g2.setStroke(saved);
            g2.setPaint(savedPaint);
            g2.setFont(savedFont);
        }
    }
}
