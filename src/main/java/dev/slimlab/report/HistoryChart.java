package dev.slimlab.report;

import static dev.slimlab.report.ChartStyle.bytesAxis;
import static dev.slimlab.report.ChartStyle.finish;
import static dev.slimlab.report.ChartStyle.maxY;
import static dev.slimlab.report.ChartStyle.secondsAxis;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.experiment.RunSummary;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.report.ReportCharts.Kind;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The trend across the runs of an experiment: each variant's size (top) and median build time (bottom). */
final class HistoryChart {

    private HistoryChart() {
    }

    /** Size (top) and median build time (bottom) of each variant, across the runs of the experiment. */
    static JFreeChart history(Analysis analysis) {
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
}
