package dev.slimlab.report;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Formats;
import dev.slimlab.report.ReportCharts.Kind;
import dev.slimlab.report.ReportCharts.ScaledFormat;
import java.awt.BasicStroke;
import java.awt.Font;
import java.text.NumberFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How every SlimLab chart looks: fonts, colours from {@link ChartPalette}, the plot and axis
 * styling, and the axes of sizes and times that pick the unit suiting their largest value.
 */
final class ChartStyle {

    private static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 15);
    static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    static final Font ITEM_FONT = new Font(FONT_FAMILY, Font.PLAIN, 10);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);

    private ChartStyle() {
    }

    static JFreeChart finish(Kind kind, Plot plot, boolean legend, String subtitle) {
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

    static BarRenderer bars() {
        BarRenderer renderer = new BarRenderer();
        styleBars(renderer);
        renderer.setMaximumBarWidth(0.12);
        return renderer;
    }

    static void styleBars(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultItemLabelFont(ITEM_FONT);
        renderer.setDefaultItemLabelPaint(ChartPalette.FOREGROUND);
        renderer.setItemLabelInsets(new RectangleInsets(3, 3, 3, 3));
    }

    static CategoryPlot categoryPlot(CategoryDataset data, CategoryAxis domain, ValueAxis range,
                                             BarRenderer renderer) {
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setNoDataMessage("No variant built");
        return plot;
    }

    /** Variants along the bottom, the recommended one in bold. */
    static CategoryAxis variantAxis(Analysis analysis) {
        CategoryAxis axis = new CategoryAxis("Variant");
        axis.setMaximumCategoryLabelLines(3);
        axis.setCategoryMargin(0.25);
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.03);
        analysis.recommended().ifPresent(name -> axis.setTickLabelFont(name, TICK_FONT.deriveFont(Font.BOLD)));
        return axis;
    }

    /** A size axis in the decimal unit that suits the largest value: "Image size (GB)". */
    static NumberAxis bytesAxis(String what, double largest) {
        Formats.SizeUnit unit = Formats.sizeUnit(largest);
        NumberAxis axis = new NumberAxis(what + " (" + unit.symbol() + ")");
        axis.setStandardTickUnits(tickUnits(new ScaledFormat(unit.bytes()), unit.bytes()));
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.12);
        return axis;
    }

    /** A time axis in seconds, or in minutes from three minutes on. */
    static NumberAxis secondsAxis(String what, double largest) {
        boolean minutes = largest >= 180;
        double divisor = minutes ? 60 : 1;
        NumberAxis axis = new NumberAxis(what + (minutes ? " (min)" : " (s)"));
        axis.setStandardTickUnits(tickUnits(new ScaledFormat(divisor), divisor));
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.15);
        return axis;
    }

    /** Ticks of 1, 2 and 5 times a power of ten of the axis unit, labelled in that unit. */
    static TickUnits tickUnits(NumberFormat format, double unit) {
        TickUnits units = new TickUnits();
        for (int power = -3; power <= 9; power++) {
            for (double m : new double[] {1, 2, 5}) {
                units.add(new NumberTickUnit(m * Math.pow(10, power) * unit, format, 0));
            }
        }
        return units;
    }

    static double maxValue(CategoryDataset data) {
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

    static double maxY(XYSeriesCollection data) {
        double max = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            max = Math.max(max, data.getSeries(s).getMaxY());
        }
        return max;
    }

    /** A label for one cell of a category dataset. */
    @FunctionalInterface
    interface CellText {
        String text(CategoryDataset data, int row, int column);
    }

    /** A value of a category dataset as a size; nothing for a missing value. */
    static String sizeLabel(Number bytes) {
        return bytes == null ? "" : Formats.size(bytes.longValue());
    }

    /** Item labels from a function of the cell; the row and column labels are the keys. */
    static final class CellLabels implements CategoryItemLabelGenerator {
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
}
