package dev.slimlab.report;

import static dev.slimlab.analysis.Formats.signedSize;
import static dev.slimlab.report.ChartStyle.bytesAxis;
import static dev.slimlab.report.ChartStyle.categoryPlot;
import static dev.slimlab.report.ChartStyle.finish;
import static dev.slimlab.report.ChartStyle.sizeLabel;
import static dev.slimlab.report.ChartStyle.styleBars;
import static dev.slimlab.report.ReportCharts.INTERACTION;
import static dev.slimlab.report.ReportCharts.INTERACTION_AND_REST;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Attribution;
import dev.slimlab.report.ChartStyle.CellLabels;
import dev.slimlab.report.ReportCharts.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * What each optimization saves, as a waterfall: from the original's size, down (or up) through
 * each optimization measured alone and what combining them adds, to the target variant's size.
 */
final class AttributionChart {

    private AttributionChart() {
    }

    /** A waterfall from the original's size, through each measured optimization and the interaction, to the target. */
    static JFreeChart attribution(Analysis analysis) {
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
                ? sizeLabel(d.getValue(row, col)) : signedSize(d.getValue(row, col).longValue())));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6,
                TextAnchor.TOP_CENTER));
        renderer.setDefaultToolTipGenerator((d, row, col) -> d.getColumnKey(col) + ": "
                + (col == 0 || col == last ? sizeLabel(d.getValue(row, col))
                : signedSize(d.getValue(row, col).longValue())));
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

    /** A category key not yet used (an optimization named like a variant would otherwise merge with it). */
    private static String unique(String key, List<String> used) {
        String candidate = key;
        for (int i = 2; used.contains(candidate); i++) {
            candidate = key + " (" + i + ")";
        }
        used.add(candidate);
        return candidate;
    }
}
