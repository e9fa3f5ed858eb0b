package dev.slimlab.report;

import static dev.slimlab.analysis.Formats.duration;
import static dev.slimlab.report.ChartStyle.ITEM_FONT;
import static dev.slimlab.report.ChartStyle.bars;
import static dev.slimlab.report.ChartStyle.bytesAxis;
import static dev.slimlab.report.ChartStyle.categoryPlot;
import static dev.slimlab.report.ChartStyle.finish;
import static dev.slimlab.report.ChartStyle.maxValue;
import static dev.slimlab.report.ChartStyle.secondsAxis;
import static dev.slimlab.report.ChartStyle.sizeLabel;
import static dev.slimlab.report.ChartStyle.styleBars;
import static dev.slimlab.report.ChartStyle.variantAxis;
import static dev.slimlab.report.ReportCharts.COMPRESSED;
import static dev.slimlab.report.ReportCharts.ON_DISK;
import static dev.slimlab.report.ReportCharts.built;
import static dev.slimlab.report.ReportCharts.plain;
import static dev.slimlab.report.ReportCharts.results;
import static dev.slimlab.report.ReportCharts.shorten;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.report.ChartStyle.CellLabels;
import dev.slimlab.report.ReportCharts.Kind;
import dev.slimlab.report.ReportCharts.MedianRangeDataset;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAnchor;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The bar charts of the measurements, one bar (or stack) per built variant: image size on disk
 * and compressed, pull size with its estimated time, build time with the spread of the
 * repetitions, and the layers of each image.
 */
final class BarCharts {

    /** Layer instructions in tooltips are cut here. */
    private static final int LONGEST_TOOLTIP = 120;

    private BarCharts() {
    }

    /** On-disk and compressed size side by side, per built variant. */
    static JFreeChart size(Analysis analysis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Assessment a : built(analysis)) {
            data.addValue(a.sizeBytes(), ON_DISK, a.name());
            data.addValue(a.pullBytes(), COMPRESSED, a.name());
        }
        BarRenderer renderer = bars();
        renderer.setSeriesPaint(0, ChartPalette.ACCENT);
        renderer.setSeriesPaint(1, ChartPalette.ACCENT_LIGHT);
        renderer.setItemMargin(0.04);
        renderer.setDefaultItemLabelGenerator(new CellLabels((d, row, col) -> sizeLabel(d.getValue(row, col))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultToolTipGenerator((d, row, col) -> d.getColumnKey(col) + ", " + d.getRowKey(row) + ": "
                + sizeLabel(d.getValue(row, col)));
        CategoryPlot plot = categoryPlot(data, variantAxis(analysis), bytesAxis("Image size", maxValue(data)), renderer);
        return finish(Kind.SIZE, plot, true, "Compressed: the gzip of each layer, what a pull transfers");
    }

    /** Compressed size per built variant, with the estimated pull time in each bar's label. */
    static JFreeChart pullSize(Analysis analysis) {
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
        renderer.setDefaultItemLabelGenerator(new CellLabels((d, row, col) -> sizeLabel(d.getValue(row, col)) + " · "
                + duration(seconds.get((String) d.getColumnKey(col)))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultToolTipGenerator((d, row, col) -> d.getColumnKey(col) + ": " + sizeLabel(d.getValue(row, col))
                + " to pull, about " + duration(seconds.get((String) d.getColumnKey(col))) + " at "
                + plain(bandwidth) + " Mbit/s");
        CategoryPlot plot = categoryPlot(data, variantAxis(analysis), bytesAxis("Pull size", maxValue(data)), renderer);
        return finish(Kind.PULL_SIZE, plot, false,
                "Labels: compressed size · estimated pull time at " + plain(bandwidth) + " Mbit/s");
    }

    /** Median build time per built variant, with a whisker from the fastest to the slowest build. */
    static JFreeChart buildTime(Analysis analysis) {
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
        // with a file changed between builds, the times compared are the warm rebuilds after the first build
        Optional<String> changed = analysis.experiment().changedFile();
        CategoryPlot plot = categoryPlot(data, variantAxis(analysis),
                secondsAxis(changed.isPresent() ? "Warm rebuild time" : "Build time", max), renderer);
        return finish(Kind.BUILD_TIME, plot, false, changed
                .map(file -> "Bars: the median warm rebuild after changing " + file
                        + "; whiskers: the fastest to the slowest rebuild")
                .orElse("Bars: the median build; whiskers: the fastest to the slowest of the repetitions"));
    }

    /** One stacked segment per layer, oldest at the bottom, so that a stack is as tall as the image. */
    static JFreeChart layers(Analysis analysis) {
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
                    + shorten(r.layers().get(row).createdBy(), LONGEST_TOOLTIP) + " ("
                    + sizeLabel(d.getValue(row, col)) + ")";
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

    private static String layerKey(int index) {
        return "layer " + (index + 1);
    }

    /** A label for one cell, by row and column. */
    @FunctionalInterface
    private interface RowColumnText {
        String text(int row, int column);
    }

    /**
     * Bars to the median, a whisker from the fastest to the slowest repetition, and the label
     * above the whisker (where a label at the bar's end would sit on it).
     */
    private static final class MedianRangeRenderer extends BarRenderer {
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
