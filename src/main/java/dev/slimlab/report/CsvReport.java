package dev.slimlab.report;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import java.util.List;
import java.util.Locale;

/**
 * A row per variant (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
 * line break quoted), sizes in bytes and times in seconds for spreadsheets. A text field that a
 * spreadsheet would take for a formula (starting with = + - @) gets a leading apostrophe.
 */
public final class CsvReport {

    static final List<String> COLUMNS = List.of("variant", "status", "verdict", "reason", "risk", "intrinsic_risk",
            "size_bytes", "size_saved_bytes", "size_saved_percent", "pull_bytes", "pull_saved_bytes",
            "pull_saved_percent", "pull_seconds_saved", "build_median_seconds", "build_min_seconds",
            "build_max_seconds", "build_repetitions", "build_change_seconds", "build_change_within_noise", "layers",
            "efficiency", "wasted_bytes", "checked", "tests_passed", "tests_run", "parity_high", "parity_medium", "parity_low",
            "pareto_optimal", "recommended", "optimizations");

    private CsvReport() {
    }

    public static String render(Analysis analysis) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (Assessment a : analysis.variants()) {
            List<String> row = List.of(text(a.name()), a.built() ? "built" : "not built", a.verdict().label(),
                    text(a.reason()), a.risk().label(), a.intrinsicRisk().label(), num(a.sizeBytes()),
                    num(a.sizeSavedBytes()), num(a.sizeSavedPercent()), num(a.pullBytes()), num(a.pullSavedBytes()),
                    num(a.pullSavedPercent()), num(a.pullSecondsSaved()), num(a.buildTime().median()),
                    num(a.buildTime().min()), num(a.buildTime().max()), num(a.buildTime().repetitions()),
                    num(a.buildSecondsChange()), String.valueOf(a.buildChangeInNoise()), num(a.layers()),
                    num(a.efficiency()), num(a.wastedBytes()), String.valueOf(a.checked()), num(a.testsPassed()), num(a.testsRun()),
                    num(a.parityHigh()), num(a.parityMedium()), num(a.parityLow()), String.valueOf(a.paretoOptimal()),
                    String.valueOf(analysis.recommended().filter(a.name()::equals).isPresent()),
                    text(String.join(";", a.optimizations().stream().sorted().toList())));
            csv.append(String.join(",", row)).append("\r\n");
        }
        return csv.toString();
    }

    private static String num(long n) {
        return Long.toString(n);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
