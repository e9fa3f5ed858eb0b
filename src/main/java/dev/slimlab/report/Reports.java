package dev.slimlab.report;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.experiment.StagingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One place that turns an analysis into a report of any format. */
public final class Reports {

    private Reports() {
    }

    public static String render(Analysis analysis, ReportFormat format, List<Budgets.Check> budgets) {
        return switch (format) {
            case HTML -> HtmlReport.render(analysis, budgets);
            case MARKDOWN -> MarkdownReport.render(analysis, budgets);
            case CSV -> CsvReport.render(analysis);
            case JSON -> JsonReport.render(analysis, budgets);
            case JUNIT -> JUnitXml.write(staging(analysis), budgets);
        };
    }

    /** Each variant's staging result, in the experiment's order. */
    static Map<String, StagingResult> staging(Analysis analysis) {
        Map<String, StagingResult> staging = new LinkedHashMap<>();
        analysis.experiment().variants().forEach(v -> v.staging().ifPresent(s -> staging.put(v.name(), s)));
        return staging;
    }
}
