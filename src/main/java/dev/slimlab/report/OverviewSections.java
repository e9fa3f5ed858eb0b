package dev.slimlab.report;

import static dev.slimlab.analysis.Formats.duration;
import static dev.slimlab.analysis.Formats.signedDuration;
import static dev.slimlab.analysis.Formats.signedPercent;
import static dev.slimlab.analysis.Formats.size;

import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Attribution;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.analysis.BuildTime;
import dev.slimlab.experiment.VariantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sections of a report that look at the experiment as a whole: the recommendation, the CI
 * budgets, the risk/reward table, the charts and what each optimization saves.
 */
final class OverviewSections extends ReportSection {

    OverviewSections(ReportSection page) {
        super(page);
    }

    void recommendation() {
        out.open("section", "id", "recommendation", "class", "recommendation").nl()
                .element("h2", "Recommendation").nl()
                .element("p", analysis.recommendation(), "class", "lead").nl();
        Optional<Assessment> best = analysis.recommended().flatMap(analysis::variant);
        if (best.isPresent() && baseline.isPresent() && !best.get().name().equals(baseline.get().name())) {
            Assessment b = best.get();
            VariantResult base = baseline.get();
            out.open("p", "class", "figures").text("Size " + size(base.sizeBytes()) + " \u2192 " + size(b.sizeBytes())
                    + " (" + signedPercent(-b.sizeSavedPercent()) + ") \u00b7 pull " + size(base.compressedBytes())
                    + " \u2192 " + size(b.pullBytes()) + " \u00b7 ");
            riskBadge(b.risk(), true);
            out.text(" \u00b7 tests " + b.testsPassed() + " / " + b.testsRun() + " passed").close().nl();
        }
        out.close().nl();
    }

    void budgets() {
        if (budgets.isEmpty()) {
            return;
        }
        long missed = budgets.stream().filter(c -> !c.passed()).count();
        out.open("section", "id", "budgets").nl().element("h2", "Budgets").nl()
                .element("p", missed == 0 ? "Every budget is met." : missed + " of " + budgets.size()
                        + (budgets.size() == 1 ? " budget" : " budgets") + " missed.").nl()
                .open("div", "class", "table-wrap").open("table", "class", "budgets").nl().open("thead").open("tr")
                .element("th", "Result", "scope", "col").element("th", "Budget", "scope", "col")
                .element("th", "Variant", "scope", "col").element("th", "Limit", "scope", "col", "class", "num")
                .element("th", "Measured", "scope", "col", "class", "num").element("th", "What it means", "scope", "col")
                .close().close().nl().open("tbody").nl();
        for (Budgets.Check c : budgets) {
            out.open("tr", "class", c.passed() ? "met" : "missed")
                    .open("td").element("span", c.passed() ? "met" : "missed",
                            "class", c.passed() ? "badge status-passed" : "badge status-failed").close()
                    .element("td", c.name()).element("td", c.variant())
                    .element("td", c.limit(), "class", "num").element("td", c.actual(), "class", "num")
                    .element("td", c.message()).close().nl();
        }
        out.close().nl().close().close().nl().close().nl();
    }

    // ---- the risk/reward table

    void table() {
        String against = baseline.map(VariantResult::name).orElse("original");
        out.open("section", "id", "risk-reward").nl().element("h2", "Risk and reward").nl()
                .open("div", "class", "table-wrap").nl().open("table", "class", "variants").nl()
                .open("thead").nl().open("tr")
                .element("th", "Variant", "rowspan", "2", "scope", "col")
                .element("th", "Size", "rowspan", "2", "scope", "col", "class", "num")
                .open("th", "rowspan", "2", "scope", "col", "class", "num").text("Change")
                .element("span", "vs " + against, "class", "sub").close()
                .element("th", "Pull size", "rowspan", "2", "scope", "col", "class", "num")
                .open("th", "rowspan", "2", "scope", "col", "class", "num").text("Build time")
                .element("span", "median, range, change", "class", "sub").close()
                .open("th", "rowspan", "2", "scope", "col", "class", "num").text("Tests")
                .element("span", "passed / run", "class", "sub").close()
                .element("th", "Parity findings", "colspan", "3", "scope", "colgroup", "class", "group")
                .element("th", "Risk", "rowspan", "2", "scope", "col")
                .element("th", "Verdict", "rowspan", "2", "scope", "col").close().nl().open("tr")
                .element("th", "high", "scope", "col", "class", "num")
                .element("th", "medium", "scope", "col", "class", "num")
                .element("th", "low", "scope", "col", "class", "num").close().nl().close().nl()
                .open("tbody").nl();
        for (int i = 0; i < analysis.variants().size(); i++) {
            row(analysis.variants().get(i), anchors.get(i));
        }
        out.close().nl().close().nl().close().nl()
                .element("p", "\u2605 recommended: the variant SlimLab "
                        + "would ship. \u25c6 Pareto-optimal: no other working variant saves more at no more risk. "
                        + "Risk is the riskiest optimization applied, raised by parity findings and failed tests; "
                        + "each risk and verdict is written out, colour only repeats it. A build time change marked "
                        + "\u201cwithin noise\u201d is inside the spread of the repetitions.", "class", "legend").nl()
                .close().nl();
    }

    private void row(Assessment a, String anchor) {
        boolean recommended = isRecommended(a);
        List<String> classes = new ArrayList<>();
        if (recommended) {
            classes.add("recommended");
        }
        if (a.paretoOptimal()) {
            classes.add("pareto");
        }
        if (!a.built()) {
            classes.add("broken");
        }
        out.open("tr", "data-variant", a.name(), "class", classes.isEmpty() ? null : String.join(" ", classes));
        out.open("td", "class", "variant").element("a", a.name(), "href", "#" + anchor);
        if (recommended) {
            out.element("span", "\u2605 recommended", "class", "mark recommended");
        }
        if (a.paretoOptimal()) {
            out.element("span", "\u25c6 Pareto-optimal", "class", "mark pareto");
        }
        out.close();
        boolean isBaseline = baseline.isPresent() && baseline.get().name().equals(a.name());
        if (a.built()) {
            out.element("td", size(a.sizeBytes()), "class", "num size")
                    .element("td", isBaseline ? "baseline" : signedPercent(-a.sizeSavedPercent()), "class", "num change")
                    .open("td", "class", "num pull").text(size(a.pullBytes()));
            if (!isBaseline) {
                out.element("span", signedPercent(-a.pullSavedPercent()), "class", "sub");
            }
            out.close();
            buildTimeCell(a, isBaseline);
            out.open("td", "class", "num tests");
            if (!a.checked()) {
                out.element("span", "not run", "class", "muted");
            } else if (a.testsRun() == 0) {
                out.element("span", "no tests", "class", "muted");
            } else {
                out.text(a.testsPassed() + " / " + a.testsRun());
            }
            out.close();
            if (a.checked() && !a.optimizations().isEmpty()) {
                countCell(a.parityHigh(), "high");
                countCell(a.parityMedium(), "medium");
                countCell(a.parityLow(), "low");
            } else { // the original is the reference; unchecked variants have no findings to count
                out.element("td", "\u2014", "class", "num parity-high zero")
                        .element("td", "\u2014", "class", "num parity-medium zero")
                        .element("td", "\u2014", "class", "num parity-low zero");
            }
        } else {
            out.element("td", "\u2014", "class", "num size").element("td", "not built", "class", "num change")
                    .element("td", "\u2014", "class", "num pull").element("td", "\u2014", "class", "num build")
                    .element("td", "\u2014", "class", "num tests").element("td", "\u2014", "class", "num parity-high")
                    .element("td", "\u2014", "class", "num parity-medium")
                    .element("td", "\u2014", "class", "num parity-low");
        }
        out.open("td", "class", "risk-cell");
        riskBadge(a.risk(), false);
        if (a.risk().compareTo(a.intrinsicRisk()) > 0 && a.built()) {
            out.element("span", "raised from " + a.intrinsicRisk().label(), "class", "sub");
        }
        out.close().open("td", "class", "verdict-cell");
        verdictBadge(a);
        out.element("span", a.reason(), "class", "reason").close().close().nl();
    }

    private void buildTimeCell(Assessment a, boolean isBaseline) {
        BuildTime t = a.buildTime();
        out.open("td", "class", "num build");
        if (t.repetitions() == 0) {
            out.text("\u2014").close();
            return;
        }
        out.text(duration(t.median()));
        if (t.repetitions() > 1) {
            out.element("span", range(t) + ", " + t.repetitions() + " builds", "class", "sub");
        }
        if (!isBaseline && t.repetitions() < 2) {
            out.element("span", "1 build: change not measurable", "class", "sub noise");
        } else if (!isBaseline) {
            out.open("span", "class", "sub").text("change " + signedDuration(a.buildSecondsChange()));
            if (a.buildChangeInNoise()) {
                out.text(" ").element("span", "(within noise)", "class", "noise");
            }
            out.close();
        }
        out.close();
    }

    private void countCell(long count, String severity) {
        out.element("td", count, "class", "num parity-" + severity
                + (count == 0 ? " zero" : severity.equals("low") ? "" : " count-" + severity));
    }

    // ---- charts

    void charts() {
        out.open("section", "id", "charts").nl().element("h2", "Charts").nl();
        List<ReportCharts.Kind> kinds;
        try {
            kinds = ReportCharts.available(analysis);
        } catch (RuntimeException e) {
            out.element("p", "charts unavailable: " + reason(e), "class", "chart-unavailable").nl().close().nl();
            return;
        }
        out.open("div", "class", "charts").nl();
        int number = 1;
        for (ReportCharts.Kind kind : kinds) {
            out.open("figure", "class", "chart", "id", "chart-" + slug(kind.name())).nl()
                    .open("div", "class", "chart-body");
            String svg;
            try {
                svg = svgElement(charts.apply(analysis, kind));
            } catch (RuntimeException e) {
                svg = null;
                out.element("p", "chart unavailable: " + reason(e), "class", "chart-unavailable");
            }
            if (svg != null) {
                out.raw(svg); // JFreeSVG's markup, which escapes its own text
            }
            out.close().nl().open("figcaption").element("b", "Figure " + number++ + ".").text(" " + kind.title())
                    .close().nl().close().nl();
        }
        out.close().nl().close().nl();
    }

    /** The chart's {@code <svg>} element, without an XML declaration or doctype before it. */
    private static String svgElement(String svg) {
        if (svg == null) {
            throw new IllegalStateException("no chart was drawn");
        }
        String s = svg.strip();
        if (s.startsWith("<?xml")) {
            s = s.substring(s.indexOf("?>") + 2).strip();
        }
        if (s.startsWith("<!DOCTYPE")) {
            s = s.substring(s.indexOf('>') + 1).strip();
        }
        if (!s.startsWith("<svg") || !s.endsWith("</svg>") && !s.endsWith("/>")) {
            throw new IllegalStateException("the chart is not an SVG element");
        }
        return s;
    }

    // ---- attribution

    void attribution() {
        if (analysis.attribution().isEmpty()) {
            return;
        }
        Attribution at = analysis.attribution().get();
        out.open("section", "id", "attribution").nl().element("h2", "What each optimization saves").nl()
                .open("p").text("Each optimization of ").element("b", at.target())
                .text(" measured alone against the original (" + size(at.originalBytes()) + " \u2192 "
                        + size(at.targetBytes()) + ").").close().nl()
                .open("table", "class", "compact").nl().open("thead").open("tr")
                .element("th", "Optimization", "scope", "col").element("th", "Saved alone", "scope", "col", "class", "num")
                .close().close().nl().open("tbody").nl();
        for (Attribution.Step step : at.steps()) {
            out.open("tr").open("td");
            optimizationName(step.optimization());
            out.close().element("td", size(step.savedBytes()), "class", "num").close().nl();
        }
        out.open("tr").open("td").text("combined beyond (or short of) the sum ")
                .element("span", "overlaps and synergies", "class", "note").close()
                .element("td", size(at.interactionBytes()), "class", "num").close().nl()
                .open("tr").element("th", "total", "scope", "row")
                .open("td", "class", "num").element("b", size(at.originalBytes() - at.targetBytes())).close()
                .close().nl().close().nl().close().nl();
        if (!at.unmeasured().isEmpty()) {
            out.open("p", "class", "note").text("Not measured alone (their saving is inside the combined line): ");
            for (int i = 0; i < at.unmeasured().size(); i++) {
                out.text(i == 0 ? "" : ", ");
                optimizationName(at.unmeasured().get(i));
            }
            out.text(".").close().nl();
        }
        out.close().nl();
    }
}
