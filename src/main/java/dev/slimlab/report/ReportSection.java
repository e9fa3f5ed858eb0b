package dev.slimlab.report;

import static dev.slimlab.analysis.Formats.duration;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.analysis.BuildTime;
import dev.slimlab.analysis.RiskLevel;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ParityFinding.Severity;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.optimize.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A part of one HTML report. The sections of a page share what they read (the analysis, the
 * baseline that savings are measured against, each variant's anchor) and the text they write to;
 * this class holds both (the text as an {@link HtmlWriter}), and the small pieces of markup every section uses: badges, code blocks,
 * links to a lesson.
 */
abstract class ReportSection {

    final Analysis analysis;
    final List<Budgets.Check> budgets;
    final ExperimentResult experiment;
    final BiFunction<Analysis, ReportCharts.Kind, String> charts;
    final Catalog catalog;
    final Optional<VariantResult> original;
    /** What savings are measured against: the original, or the largest variant that built. */
    final Optional<VariantResult> baseline;
    final Map<String, VariantResult> results;
    /** The id of each variant's details, in the analysis' order, unique even if two names are alike. */
    final List<String> anchors;
    final HtmlWriter out;

    /** The first section of a page: works out what every section of it reads. */
    ReportSection(Analysis analysis, List<Budgets.Check> budgets, BiFunction<Analysis, ReportCharts.Kind, String> charts,
                  Catalog catalog) {
        this.analysis = analysis;
        this.budgets = List.copyOf(budgets);
        this.experiment = analysis.experiment();
        this.charts = charts;
        this.catalog = catalog;
        this.results = new HashMap<>();
        this.anchors = new ArrayList<>();
        this.out = new HtmlWriter();
        for (VariantResult v : experiment.variants()) {
            results.putIfAbsent(v.name(), v);
        }
        this.original = experiment.original();
        this.baseline = experiment.baseline();
        Set<String> taken = new HashSet<>();
        for (Assessment a : analysis.variants()) {
            String anchor = "variant-" + slug(a.name());
            for (int n = 2; !taken.add(anchor); n++) {
                anchor = "variant-" + slug(a.name()) + "-" + n;
            }
            anchors.add(anchor);
        }
    }

    /** Another section of the same page. */
    ReportSection(ReportSection page) {
        this.analysis = page.analysis;
        this.budgets = page.budgets;
        this.experiment = page.experiment;
        this.charts = page.charts;
        this.catalog = page.catalog;
        this.original = page.original;
        this.baseline = page.baseline;
        this.results = page.results;
        this.anchors = page.anchors;
        this.out = page.out;
    }

    List<String> usedOptimizations() {
        Set<String> used = new LinkedHashSet<>();
        analysis.variants().forEach(a -> used.addAll(a.optimizations()));
        return catalog.canonicalOrder(used);
    }

    boolean isRecommended(Assessment a) {
        return analysis.recommended().map(a.name()::equals).orElse(false);
    }

    /** The risk as a word in a badge of its colour: "medium", or "medium risk" where the context does not say. */
    void riskBadge(RiskLevel risk, boolean sayRisk) {
        out.element("span", risk.label() + (sayRisk ? " risk" : ""), "class", "badge risk risk-" + risk.label());
    }

    void severityBadge(Severity severity) {
        String level = switch (severity) {
            case HIGH -> "high";
            case MEDIUM -> "medium";
            case LOW -> "low";
            case INFO -> "none";
        };
        out.element("span", severity.label(), "class", "badge risk-" + level);
    }

    void verdictBadge(Assessment a) {
        out.element("span", a.verdict().label(), "class", "badge verdict verdict-" + slug(a.verdict().label()));
    }

    void optimizationName(String id) {
        if (catalog.byId(id).isPresent()) {
            out.open("a", "href", "#lesson-" + slug(id)).element("code", id).close();
        } else {
            out.element("code", id);
        }
    }

    void pre(String kind, String text) {
        String t = text == null ? "" : text;
        // HTML drops a newline right after <pre>: keep a leading one by doubling it
        out.element("pre", (t.startsWith("\n") ? "\n" : "") + t, "class", kind).nl();
    }

    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** A lower-case id fragment: letters, digits and dashes. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" : s;
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The spread of the repetitions, as the other reports write durations. */
    static String range(BuildTime t) {
        return duration(t.min()) + "\u2013" + duration(t.max());
    }


}
