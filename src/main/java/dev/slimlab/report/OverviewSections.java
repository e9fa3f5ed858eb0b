package dev.slimlab.report;

import static dev.slimlab.analysis.Formats.duration;
import static dev.slimlab.analysis.Formats.signedDuration;
import static dev.slimlab.analysis.Formats.signedPercent;
import static dev.slimlab.analysis.Formats.size;
import static dev.slimlab.report.Markup.escape;

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
        out.append("<section id=\"recommendation\" class=\"recommendation\">\n<h2>Recommendation</h2>\n")
                .append("<p class=\"lead\">").append(escape(analysis.recommendation())).append("</p>\n");
        Optional<Assessment> best = analysis.recommended().flatMap(analysis::variant);
        if (best.isPresent() && baseline.isPresent() && !best.get().name().equals(baseline.get().name())) {
            Assessment b = best.get();
            VariantResult base = baseline.get();
            out.append("<p class=\"figures\">Size ").append(escape(size(base.sizeBytes()))).append(" \u2192 ")
                    .append(escape(size(b.sizeBytes()))).append(" (")
                    .append(escape(signedPercent(-b.sizeSavedPercent()))).append(") \u00b7 pull ")
                    .append(escape(size(base.compressedBytes()))).append(" \u2192 ")
                    .append(escape(size(b.pullBytes()))).append(" \u00b7 ");
            riskBadge(b.risk(), true);
            out.append(" \u00b7 tests ").append(b.testsPassed()).append(" / ").append(b.testsRun()).append(" passed");
            out.append("</p>\n");
        }
        out.append("</section>\n");
    }

    void budgets() {
        if (budgets.isEmpty()) {
            return;
        }
        long missed = budgets.stream().filter(c -> !c.passed()).count();
        out.append("<section id=\"budgets\">\n<h2>Budgets</h2>\n<p>")
                .append(missed == 0 ? "Every budget is met." : missed + " of " + budgets.size()
                        + (budgets.size() == 1 ? " budget" : " budgets") + " missed.")
                .append("</p>\n<div class=\"table-wrap\"><table class=\"budgets\">\n<thead><tr>")
                .append("<th scope=\"col\">Result</th><th scope=\"col\">Budget</th><th scope=\"col\">Variant</th>")
                .append("<th scope=\"col\" class=\"num\">Limit</th><th scope=\"col\" class=\"num\">Measured</th>")
                .append("<th scope=\"col\">What it means</th></tr></thead>\n<tbody>\n");
        for (Budgets.Check c : budgets) {
            out.append("<tr class=\"").append(c.passed() ? "met" : "missed").append("\"><td><span class=\"badge ")
                    .append(c.passed() ? "status-passed\">met" : "status-failed\">missed").append("</span></td><td>")
                    .append(escape(c.name())).append("</td><td>").append(escape(c.variant()))
                    .append("</td><td class=\"num\">").append(escape(c.limit())).append("</td><td class=\"num\">")
                    .append(escape(c.actual())).append("</td><td>").append(escape(c.message())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n</section>\n");
    }

    // ---- the risk/reward table

    void table() {
        String against = baseline.map(VariantResult::name).orElse("original");
        out.append("<section id=\"risk-reward\">\n<h2>Risk and reward</h2>\n<div class=\"table-wrap\">\n")
                .append("<table class=\"variants\">\n<thead>\n<tr>")
                .append("<th rowspan=\"2\" scope=\"col\">Variant</th>")
                .append("<th rowspan=\"2\" scope=\"col\" class=\"num\">Size</th>")
                .append("<th rowspan=\"2\" scope=\"col\" class=\"num\">Change<span class=\"sub\">vs ").append(escape(against))
                .append("</span></th>")
                .append("<th rowspan=\"2\" scope=\"col\" class=\"num\">Pull size</th>")
                .append("<th rowspan=\"2\" scope=\"col\" class=\"num\">Build time<span class=\"sub\">median, range, change</span></th>")
                .append("<th rowspan=\"2\" scope=\"col\" class=\"num\">Tests<span class=\"sub\">passed / run</span></th>")
                .append("<th colspan=\"3\" scope=\"colgroup\" class=\"group\">Parity findings</th>")
                .append("<th rowspan=\"2\" scope=\"col\">Risk</th>")
                .append("<th rowspan=\"2\" scope=\"col\">Verdict</th></tr>\n<tr>")
                .append("<th scope=\"col\" class=\"num\">high</th><th scope=\"col\" class=\"num\">medium</th>")
                .append("<th scope=\"col\" class=\"num\">low</th></tr>\n</thead>\n<tbody>\n");
        for (int i = 0; i < analysis.variants().size(); i++) {
            row(analysis.variants().get(i), anchors.get(i));
        }
        out.append("</tbody>\n</table>\n</div>\n<p class=\"legend\">\u2605 recommended: the variant SlimLab "
                + "would ship. \u25c6 Pareto-optimal: no other working variant saves more at no more risk. "
                + "Risk is the riskiest optimization applied, raised by parity findings and failed tests; "
                + "each risk and verdict is written out, colour only repeats it. A build time change marked "
                + "\u201cwithin noise\u201d is inside the spread of the repetitions.</p>\n</section>\n");
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
        out.append("<tr data-variant=\"").append(escape(a.name())).append("\"");
        if (!classes.isEmpty()) {
            out.append(" class=\"").append(String.join(" ", classes)).append("\"");
        }
        out.append(">");
        out.append("<td class=\"variant\"><a href=\"#").append(escape(anchor)).append("\">")
                .append(escape(a.name())).append("</a>");
        if (recommended) {
            out.append("<span class=\"mark recommended\">\u2605 recommended</span>");
        }
        if (a.paretoOptimal()) {
            out.append("<span class=\"mark pareto\">\u25c6 Pareto-optimal</span>");
        }
        out.append("</td>");
        boolean isBaseline = baseline.isPresent() && baseline.get().name().equals(a.name());
        if (a.built()) {
            out.append("<td class=\"num size\">").append(escape(size(a.sizeBytes()))).append("</td>");
            out.append("<td class=\"num change\">").append(isBaseline ? "baseline"
                    : escape(signedPercent(-a.sizeSavedPercent()))).append("</td>");
            out.append("<td class=\"num pull\">").append(escape(size(a.pullBytes())));
            if (!isBaseline) {
                out.append("<span class=\"sub\">").append(escape(signedPercent(-a.pullSavedPercent())))
                        .append("</span>");
            }
            out.append("</td>");
            buildTimeCell(a, isBaseline);
            out.append("<td class=\"num tests\">");
            if (!a.checked()) {
                out.append("<span class=\"muted\">not run</span>");
            } else if (a.testsRun() == 0) {
                out.append("<span class=\"muted\">no tests</span>");
            } else {
                out.append(a.testsPassed()).append(" / ").append(a.testsRun());
            }
            out.append("</td>");
            if (a.checked() && !a.optimizations().isEmpty()) {
                countCell(a.parityHigh(), "high");
                countCell(a.parityMedium(), "medium");
                countCell(a.parityLow(), "low");
            } else { // the original is the reference; unchecked variants have no findings to count
                out.append("<td class=\"num parity-high zero\">\u2014</td><td class=\"num parity-medium zero\">")
                        .append("\u2014</td><td class=\"num parity-low zero\">\u2014</td>");
            }
        } else {
            out.append("<td class=\"num size\">\u2014</td><td class=\"num change\">not built</td>")
                    .append("<td class=\"num pull\">\u2014</td><td class=\"num build\">\u2014</td>")
                    .append("<td class=\"num tests\">\u2014</td><td class=\"num parity-high\">\u2014</td>")
                    .append("<td class=\"num parity-medium\">\u2014</td><td class=\"num parity-low\">\u2014</td>");
        }
        out.append("<td class=\"risk-cell\">");
        riskBadge(a.risk(), false);
        if (a.risk().compareTo(a.intrinsicRisk()) > 0 && a.built()) {
            out.append("<span class=\"sub\">raised from ").append(a.intrinsicRisk().label()).append("</span>");
        }
        out.append("</td><td class=\"verdict-cell\">");
        verdictBadge(a);
        out.append("<span class=\"reason\">").append(escape(a.reason())).append("</span></td></tr>\n");
    }

    private void buildTimeCell(Assessment a, boolean isBaseline) {
        BuildTime t = a.buildTime();
        out.append("<td class=\"num build\">");
        if (t.repetitions() == 0) {
            out.append("\u2014</td>");
            return;
        }
        out.append(escape(duration(t.median())));
        if (t.repetitions() > 1) {
            out.append("<span class=\"sub\">").append(escape(range(t))).append(", ").append(t.repetitions())
                    .append(" builds</span>");
        }
        if (!isBaseline && t.repetitions() < 2) {
            out.append("<span class=\"sub noise\">1 build: change not measurable</span>");
        } else if (!isBaseline) {
            out.append("<span class=\"sub\">change ").append(escape(signedDuration(a.buildSecondsChange())));
            if (a.buildChangeInNoise()) {
                out.append(" <span class=\"noise\">(within noise)</span>");
            }
            out.append("</span>");
        }
        out.append("</td>");
    }

    private void countCell(long count, String severity) {
        out.append("<td class=\"num parity-").append(severity)
                .append(count == 0 ? " zero" : severity.equals("low") ? "" : " count-" + severity).append("\">")
                .append(count).append("</td>");
    }

    // ---- charts

    void charts() {
        out.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        List<ReportCharts.Kind> kinds;
        try {
            kinds = ReportCharts.available(analysis);
        } catch (RuntimeException e) {
            out.append("<p class=\"chart-unavailable\">").append(escape("charts unavailable: " + reason(e)))
                    .append("</p>\n</section>\n");
            return;
        }
        out.append("<div class=\"charts\">\n");
        int number = 1;
        for (ReportCharts.Kind kind : kinds) {
            out.append("<figure class=\"chart\" id=\"chart-").append(slug(kind.name())).append("\">\n")
                    .append("<div class=\"chart-body\">");
            String svg;
            try {
                svg = svgElement(charts.apply(analysis, kind));
            } catch (RuntimeException e) {
                svg = null;
                out.append("<p class=\"chart-unavailable\">").append(escape("chart unavailable: " + reason(e)))
                        .append("</p>");
            }
            if (svg != null) {
                out.append(svg);
            }
            out.append("</div>\n<figcaption><b>Figure ").append(number++).append(".</b> ")
                    .append(escape(kind.title())).append("</figcaption>\n</figure>\n");
        }
        out.append("</div>\n</section>\n");
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
        out.append("<section id=\"attribution\">\n<h2>What each optimization saves</h2>\n")
                .append("<p>Each optimization of <b>").append(escape(at.target()))
                .append("</b> measured alone against the original (")
                .append(escape(size(at.originalBytes()))).append(" \u2192 ")
                .append(escape(size(at.targetBytes()))).append(").</p>\n")
                .append("<table class=\"compact\">\n<thead><tr><th scope=\"col\">Optimization</th>")
                .append("<th scope=\"col\" class=\"num\">Saved alone</th></tr></thead>\n<tbody>\n");
        for (Attribution.Step step : at.steps()) {
            out.append("<tr><td>");
            optimizationName(step.optimization());
            out.append("</td><td class=\"num\">").append(escape(size(step.savedBytes())))
                    .append("</td></tr>\n");
        }
        out.append("<tr><td>combined beyond (or short of) the sum <span class=\"note\">overlaps and synergies"
                + "</span></td><td class=\"num\">").append(escape(size(at.interactionBytes())))
                .append("</td></tr>\n<tr><th scope=\"row\">total</th><td class=\"num\"><b>")
                .append(escape(size(at.originalBytes() - at.targetBytes()))).append("</b></td></tr>\n")
                .append("</tbody>\n</table>\n");
        if (!at.unmeasured().isEmpty()) {
            out.append("<p class=\"note\">Not measured alone (their saving is inside the combined line): ");
            for (int i = 0; i < at.unmeasured().size(); i++) {
                out.append(i == 0 ? "" : ", ");
                optimizationName(at.unmeasured().get(i));
            }
            out.append(".</p>\n");
        }
        out.append("</section>\n");
    }
}
