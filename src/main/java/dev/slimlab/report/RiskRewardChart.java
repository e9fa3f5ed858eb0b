package dev.slimlab.report;

import static dev.slimlab.analysis.Formats.percent;
import static dev.slimlab.report.ChartStyle.ITEM_FONT;
import static dev.slimlab.report.ChartStyle.finish;
import static dev.slimlab.report.ChartStyle.tickUnits;
import static dev.slimlab.report.ReportCharts.PARETO_FRONT;
import static dev.slimlab.report.ReportCharts.VARIANTS;
import static dev.slimlab.report.ReportCharts.shorten;
import static dev.slimlab.report.ReportCharts.working;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.RiskLevel;
import dev.slimlab.report.ReportCharts.Kind;
import dev.slimlab.report.ReportCharts.ScaledFormat;
import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Risk against reward: one point per working variant, placed by its risk level and the share of
 * the original's size it saves, coloured by risk (the axis says it too), with the Pareto front
 * (no other variant saves more at no more risk) joined by a line.
 */
final class RiskRewardChart {

    /** Point labels are cut here, so that they stay near their point. */
    private static final int LONGEST_POINT_LABEL = 32;

    private RiskRewardChart() {
    }

    /** Risk level against size saved, one labelled point per working variant, the Pareto front joined. */
    static JFreeChart riskReward(Analysis analysis) {
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
}
