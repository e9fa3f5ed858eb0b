package dev.slimlab.app;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.io.AtomicFiles;
import dev.slimlab.report.ReportCharts;
import dev.slimlab.report.ReportFormat;
import dev.slimlab.report.Reports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes reports and charts to files, atomically. */
public final class ReportExporter {

    /** A chart's size as a PNG, in pixels, and as an SVG, in points. */
    static final int PNG_WIDTH = 1280;
    static final int PNG_HEIGHT = 720;
    static final int SVG_WIDTH = 960;
    static final int SVG_HEIGHT = 540;

    public void report(Analysis analysis, ReportFormat format, List<Budgets.Check> budgets, Path file)
            throws IOException {
        AtomicFiles.write(file, Reports.render(analysis, format, budgets).getBytes(StandardCharsets.UTF_8));
    }

    /** One chart, as SVG when the file's name ends in {@code .svg}, else as PNG. */
    public void chart(Analysis analysis, ReportCharts.Kind kind, Path file) throws IOException {
        byte[] bytes = file.toString().toLowerCase(Locale.ROOT).endsWith(".svg")
                ? ReportCharts.svg(analysis, kind, SVG_WIDTH, SVG_HEIGHT).getBytes(StandardCharsets.UTF_8)
                : ReportCharts.png(analysis, kind, PNG_WIDTH, PNG_HEIGHT);
        AtomicFiles.write(file, bytes);
    }
}
