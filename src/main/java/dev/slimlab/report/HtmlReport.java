package dev.slimlab.report;

import static dev.slimlab.report.Markup.escape;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Analyzer;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Attribution;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.analysis.BuildTime;
import dev.slimlab.analysis.RiskLevel;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.engine.api.WastedFile;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.experiment.LayerResult;
import dev.slimlab.experiment.ParityFinding.Severity;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.io.AtomicFiles;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.Optimization;
import dev.slimlab.optimize.UnifiedDiff;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An experiment as one self-contained HTML file: the recommendation, the risk/reward table, the
 * charts, each variant's details (Dockerfile diff, layers, waste, packages, staging tests, parity
 * findings, errors) and the lessons of the optimizations used.
 *
 * <p><b>Self-contained.</b> CSS is inlined, charts are inline SVG, and there is no JavaScript;
 * a Content-Security-Policy forbids fetching anything but inline styles and {@code data:} images.
 *
 * <p><b>Escaping.</b> Every text that comes from the user or a build goes through {@link #escape}
 * and nothing else. Only two pieces of markup are inserted as they are: the SVG of the charts
 * (drawn by {@link ReportCharts}, which escapes its own text) and the lessons, rendered by
 * commonmark with raw HTML escaped and unsafe URLs removed.
 *
 * <p><b>Well-formed.</b> The output is HTML5 that is also well-formed XML (void elements closed,
 * attribute values quoted, no named entities but XML's, characters XML cannot carry replaced), so
 * that tools, and the tests, can read it with an XML parser.
 *
 * <p><b>Deterministic.</b> The same analysis gives the same bytes: the date is the experiment's,
 * and every list is in the experiment's or the catalog's order.
 */
public final class HtmlReport {

    /** The size the charts are drawn at: two fit side by side in the report's width. */
    static final int CHART_WIDTH = 560;
    static final int CHART_HEIGHT = 340;
    /** Packages listed per direction (dropped, added) before the rest are summed up in one line. */
    static final int MAX_PACKAGES = 100;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final BiFunction<Analysis, ReportCharts.Kind, String> DEFAULT_CHARTS =
            (analysis, kind) -> ReportCharts.svg(analysis, kind, CHART_WIDTH, CHART_HEIGHT);

    private HtmlReport() {
    }

    /** The report of {@code analysis}, with the charts drawn by {@link ReportCharts}. */
    public static String render(Analysis analysis) {
        return render(analysis, List.of());
    }

    /** The report with the CI budgets checked against it (none: no budgets section). */
    public static String render(Analysis analysis, List<Budgets.Check> budgets) {
        return render(analysis, budgets, DEFAULT_CHARTS);
    }

    /** The report, with each chart drawn by {@code charts} (an inline {@code <svg>} element). */
    static String render(Analysis analysis, BiFunction<Analysis, ReportCharts.Kind, String> charts) {
        return render(analysis, List.of(), charts);
    }

    static String render(Analysis analysis, List<Budgets.Check> budgets,
                         BiFunction<Analysis, ReportCharts.Kind, String> charts) {
        return new Writer(analysis, budgets, charts, Catalog.standard()).document();
    }

    /** Writes the report to {@code file}, whole or not at all. */
    public static void write(Analysis analysis, Path file) throws IOException {
        write(analysis, file, DEFAULT_CHARTS);
    }

    static void write(Analysis analysis, Path file, BiFunction<Analysis, ReportCharts.Kind, String> charts)
            throws IOException {
        AtomicFiles.write(file, render(analysis, charts).getBytes(StandardCharsets.UTF_8));
    }

    /** The report's style sheet, inlined in every report. */
    static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One report being written. */
    private static final class Writer {

        private final Analysis analysis;
        private final List<Budgets.Check> budgets;
        private final ExperimentResult experiment;
        private final BiFunction<Analysis, ReportCharts.Kind, String> charts;
        private final Catalog catalog;
        private final Optional<VariantResult> original;
        private final Optional<VariantResult> baseline;
        private final Map<String, VariantResult> results = new HashMap<>();
        /** The id of each variant's details, in the analysis' order, unique even if two names are alike. */
        private final List<String> anchors = new ArrayList<>();
        private final StringBuilder out = new StringBuilder(64 * 1024);

        Writer(Analysis analysis, List<Budgets.Check> budgets, BiFunction<Analysis, ReportCharts.Kind, String> charts,
               Catalog catalog) {
            this.analysis = analysis;
            this.budgets = List.copyOf(budgets);
            this.experiment = analysis.experiment();
            this.charts = charts;
            this.catalog = catalog;
            for (VariantResult v : experiment.variants()) {
                results.putIfAbsent(v.name(), v);
            }
            // the same choice as the Analyzer: savings are measured against the original, or,
            // when it did not build, against the largest variant that did
            this.original = experiment.variants().stream().filter(v -> v.optimizations().isEmpty()).findFirst();
            this.baseline = original.filter(VariantResult::built).or(() -> experiment.variants().stream()
                    .filter(VariantResult::built).max(Comparator.comparingLong(VariantResult::sizeBytes)));
            Set<String> taken = new HashSet<>();
            for (Assessment a : analysis.variants()) {
                String anchor = "variant-" + slug(a.name());
                for (int n = 2; !taken.add(anchor); n++) {
                    anchor = "variant-" + slug(a.name()) + "-" + n;
                }
                anchors.add(anchor);
            }
        }

        String document() {
            String id = experiment.id();
            out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
                    .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                    .append(escape(CONTENT_SECURITY_POLICY)).append("\" />\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                    .append("<meta name=\"generator\" content=\"SlimLab\" />\n")
                    .append("<title>SlimLab report: ").append(escape(id)).append("</title>\n")
                    .append("<style>\n").append(css()).append("</style>\n</head>\n<body>\n");
            header();
            out.append("<main>\n");
            recommendation();
            budgets();
            table();
            charts();
            attribution();
            details();
            lessons();
            out.append("</main>\n");
            out.append("<footer class=\"report-footer\"><p>SlimLab report of experiment <b>").append(escape(id))
                    .append("</b>, run started ").append(escape(when(experiment.startedAt())))
                    .append(". Sizes are decimal (1 MB = 1,000,000 bytes), as Docker shows them.</p></footer>\n")
                    .append("</body>\n</html>\n");
            return out.toString();
        }

        // ---- header and recommendation -------------------------------------------------------

        private void header() {
            out.append("<header class=\"report-header\">\n<h1>SlimLab report: ").append(escape(experiment.id()))
                    .append("</h1>\n<p class=\"meta\">");
            out.append("<span>Started <time datetime=\"").append(escape(experiment.startedAt())).append("\">")
                    .append(escape(when(experiment.startedAt()))).append("</time></span>");
            EngineInfo engine = experiment.engine();
            if (engine != null) {
                out.append("<span>Docker Engine ").append(escape(engine.engineVersion())).append(" (API ")
                        .append(escape(engine.apiVersion())).append(", ").append(escape(engine.os())).append(") at ")
                        .append(escape(engine.host())).append("</span>");
            }
            out.append("</p>\n<p class=\"meta\">");
            ExperimentSettings settings = experiment.settings();
            if (settings != null) {
                out.append("<span>").append(settings.repetitions()).append(settings.repetitions() == 1 ? " build" : " builds")
                        .append(" per variant, ").append(settings.noCache() ? "cold (no cache)" : "warm (cache allowed)")
                        .append(settings.pull() ? ", base images pulled" : "").append("</span>")
                        .append("<span>pull times at ").append(number(settings.bandwidthMbitPerSecond()))
                        .append(" Mbit/s</span>");
            }
            if (experiment.context() != null && !experiment.context().isEmpty()) {
                out.append("<span>context <code>").append(escape(experiment.context())).append("</code></span>");
            }
            out.append("</p>\n<nav class=\"toc\"><a href=\"#recommendation\">Recommendation</a>");
            if (!budgets.isEmpty()) {
                out.append("<a href=\"#budgets\">Budgets</a>");
            }
            out.append("<a href=\"#risk-reward\">Risk and reward</a><a href=\"#charts\">Charts</a>");
            if (analysis.attribution().isPresent()) {
                out.append("<a href=\"#attribution\">Attribution</a>");
            }
            out.append("<a href=\"#variants\">Variants</a>");
            if (!usedOptimizations().isEmpty()) {
                out.append("<a href=\"#lessons\">Lessons</a>");
            }
            out.append("</nav>\n</header>\n");
        }

        private void recommendation() {
            out.append("<section id=\"recommendation\" class=\"recommendation\">\n<h2>Recommendation</h2>\n")
                    .append("<p class=\"lead\">").append(escape(analysis.recommendation())).append("</p>\n");
            Optional<Assessment> best = analysis.recommended().flatMap(analysis::variant);
            if (best.isPresent() && baseline.isPresent() && !best.get().name().equals(baseline.get().name())) {
                Assessment b = best.get();
                VariantResult base = baseline.get();
                out.append("<p class=\"figures\">Size ").append(escape(Analyzer.bytes(base.sizeBytes()))).append(" \u2192 ")
                        .append(escape(Analyzer.bytes(b.sizeBytes()))).append(" (")
                        .append(escape(signedPercent(-b.sizeSavedPercent()))).append(") \u00b7 pull ")
                        .append(escape(Analyzer.bytes(base.compressedBytes()))).append(" \u2192 ")
                        .append(escape(Analyzer.bytes(b.pullBytes()))).append(" \u00b7 ");
                riskBadge(b.risk(), true);
                out.append(" \u00b7 tests ").append(b.testsPassed()).append(" / ").append(b.testsRun()).append(" passed");
                out.append("</p>\n");
            }
            out.append("</section>\n");
        }

        // ---- budgets ------------------------------------------------------------------------

        private void budgets() {
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

        // ---- the risk/reward table -----------------------------------------------------------

        private void table() {
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
                out.append("<td class=\"num size\">").append(escape(Analyzer.bytes(a.sizeBytes()))).append("</td>");
                out.append("<td class=\"num change\">").append(isBaseline ? "baseline"
                        : escape(signedPercent(-a.sizeSavedPercent()))).append("</td>");
                out.append("<td class=\"num pull\">").append(escape(Analyzer.bytes(a.pullBytes())));
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
            out.append(escape(Figures.duration(t.median())));
            if (t.repetitions() > 1) {
                out.append("<span class=\"sub\">").append(escape(range(t))).append(", ").append(t.repetitions())
                        .append(" builds</span>");
            }
            if (!isBaseline && t.repetitions() < 2) {
                out.append("<span class=\"sub noise\">1 build: change not measurable</span>");
            } else if (!isBaseline) {
                out.append("<span class=\"sub\">change ").append(escape(Figures.signedDuration(a.buildSecondsChange())));
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

        // ---- charts ------------------------------------------------------------------------

        private void charts() {
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

        // ---- attribution --------------------------------------------------------------------

        private void attribution() {
            if (analysis.attribution().isEmpty()) {
                return;
            }
            Attribution at = analysis.attribution().get();
            out.append("<section id=\"attribution\">\n<h2>What each optimization saves</h2>\n")
                    .append("<p>Each optimization of <b>").append(escape(at.target()))
                    .append("</b> measured alone against the original (")
                    .append(escape(Analyzer.bytes(at.originalBytes()))).append(" \u2192 ")
                    .append(escape(Analyzer.bytes(at.targetBytes()))).append(").</p>\n")
                    .append("<table class=\"compact\">\n<thead><tr><th scope=\"col\">Optimization</th>")
                    .append("<th scope=\"col\" class=\"num\">Saved alone</th></tr></thead>\n<tbody>\n");
            for (Attribution.Step step : at.steps()) {
                out.append("<tr><td>");
                optimizationName(step.optimization());
                out.append("</td><td class=\"num\">").append(escape(Analyzer.bytes(step.savedBytes())))
                        .append("</td></tr>\n");
            }
            out.append("<tr><td>combined beyond (or short of) the sum <span class=\"note\">overlaps and synergies"
                    + "</span></td><td class=\"num\">").append(escape(Analyzer.bytes(at.interactionBytes())))
                    .append("</td></tr>\n<tr><th scope=\"row\">total</th><td class=\"num\"><b>")
                    .append(escape(Analyzer.bytes(at.originalBytes() - at.targetBytes()))).append("</b></td></tr>\n")
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

        // ---- per-variant details ------------------------------------------------------------

        private void details() {
            out.append("<section id=\"variants\">\n<h2>Variants</h2>\n");
            for (int i = 0; i < analysis.variants().size(); i++) {
                Assessment a = analysis.variants().get(i);
                VariantResult v = results.get(a.name());
                boolean recommended = isRecommended(a);
                out.append("<details class=\"variant").append(recommended ? " recommended" : "").append("\" id=\"")
                        .append(escape(anchors.get(i))).append("\"").append(recommended ? " open=\"open\"" : "")
                        .append(">\n<summary><span class=\"name\">").append(escape(a.name())).append("</span>");
                verdictBadge(a);
                riskBadge(a.risk(), true);
                out.append("<span class=\"summary-figures\">");
                if (a.built()) {
                    out.append(escape(Analyzer.bytes(a.sizeBytes())));
                    if (baseline.isPresent() && !baseline.get().name().equals(a.name())) {
                        out.append(" (").append(escape(signedPercent(-a.sizeSavedPercent()))).append(")");
                    }
                } else {
                    out.append("not built");
                }
                if (recommended) {
                    out.append(" \u00b7 \u2605 recommended");
                }
                out.append("</span></summary>\n<div class=\"variant-body\">\n");
                variantBody(a, v);
                out.append("</div>\n</details>\n");
            }
            out.append("</section>\n");
        }

        private void variantBody(Assessment a, VariantResult v) {
            out.append("<p><b>Verdict: ").append(escape(a.verdict().label())).append("</b> \u2014 ")
                    .append(escape(a.reason())).append("</p>\n");
            out.append("<h4>Optimizations applied</h4>\n");
            if (a.optimizations().isEmpty()) {
                out.append("<p class=\"muted\">None: this is the original.</p>\n");
            } else {
                out.append("<ul class=\"plain\">\n");
                for (String id : catalog.canonicalOrder(a.optimizations())) {
                    out.append("<li>");
                    optimizationName(id);
                    Optional<Optimization> o = catalog.byId(id);
                    if (o.isPresent()) {
                        out.append(" ").append(escape(o.get().title())).append(" ");
                        riskBadge(RiskLevel.of(o.get().risk()), true);
                    } else {
                        out.append(" <span class=\"muted\">(not an optimization this SlimLab knows)</span>");
                    }
                    out.append("</li>\n");
                }
                out.append("</ul>\n");
            }
            if (!a.riskReasons().isEmpty()) {
                out.append("<h4>Why the risk is ").append(a.risk().label()).append("</h4>\n<ul class=\"plain\">\n");
                for (String reason : a.riskReasons()) {
                    out.append("<li>").append(escape(reason)).append("</li>\n");
                }
                out.append("</ul>\n");
            }
            if (a.built()) {
                figures(a, v);
            }
            if (v == null) {
                out.append("<p class=\"muted\">No build result was recorded for this variant.</p>\n");
                return;
            }
            if (!v.built()) {
                failure(v);
            }
            dockerfile(v);
            if (v.built()) {
                layers(v);
                waste(v);
                packages(v);
            }
            staging(v);
        }

        private void figures(Assessment a, VariantResult v) {
            out.append("<dl class=\"figures\">\n");
            figure("Image size", Analyzer.bytes(a.sizeBytes()));
            figure("Pull size", Analyzer.bytes(a.pullBytes()) + (v == null ? ""
                    : ", about " + Figures.duration(v.estimatedPullSeconds()) + " to pull"));
            if (baseline.isPresent() && !baseline.get().name().equals(a.name())) {
                figure("Saved vs " + baseline.get().name(), Analyzer.bytes(a.sizeSavedBytes()) + " ("
                        + percent(a.sizeSavedPercent()) + "); pull " + Analyzer.bytes(a.pullSavedBytes()) + ", "
                        + Figures.duration(a.pullSecondsSaved()) + " per pull");
            }
            BuildTime t = a.buildTime();
            if (t.repetitions() > 0) {
                figure("Build time", Figures.duration(t.median()) + ", the median of " + t.repetitions()
                        + (t.repetitions() == 1 ? " build" : " builds (" + range(t) + ")"));
            }
            figure("Layers", String.valueOf(a.layers()));
            figure("Efficiency", percent(100 * a.efficiency()) + ", " + Analyzer.bytes(a.wastedBytes())
                    + " in files repeated across layers");
            out.append("</dl>\n");
        }

        private void figure(String term, String value) {
            out.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
        }

        private void failure(VariantResult v) {
            out.append("<h4>Why it did not build</h4>\n<p>Status: ")
                    .append(escape(v.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</p>\n");
            pre("error", v.error().orElse("no reason recorded"));
            if (!v.logTail().isEmpty()) {
                out.append("<h5>End of the build log</h5>\n");
                pre("log", String.join("\n", v.logTail()));
            }
            if (v.logFile() != null && !v.logFile().isEmpty()) {
                out.append("<p class=\"note\">The whole log: <code>").append(escape(v.logFile())).append("</code></p>\n");
            }
        }

        private void dockerfile(VariantResult v) {
            String reference = experiment.dockerfile() != null ? experiment.dockerfile()
                    : original.map(VariantResult::dockerfile).orElse("");
            if (v.optimizations().isEmpty()) {
                out.append("<h4>Dockerfile</h4>\n");
                pre("dockerfile", v.dockerfile());
                return;
            }
            out.append("<h4>Dockerfile changes against the original</h4>\n");
            String diff = UnifiedDiff.diff("original/Dockerfile", v.name() + "/Dockerfile", reference,
                    v.dockerfile() == null ? "" : v.dockerfile());
            if (diff.isEmpty()) {
                out.append("<p class=\"muted\">Identical to the original.</p>\n");
                return;
            }
            out.append("<pre class=\"diff\"><code>");
            List<String> lines = diff.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String kind = i < 2 ? "d-file"
                        : line.startsWith("@@") ? "d-hunk"
                        : line.startsWith("+") ? "d-add"
                        : line.startsWith("-") ? "d-del"
                        : line.startsWith("\\") ? "d-meta"
                        : "d-ctx";
                out.append("<span class=\"").append(kind).append("\">").append(escape(line)).append("\n</span>");
            }
            out.append("</code></pre>\n");
        }

        private void layers(VariantResult v) {
            out.append("<h4>Layers</h4>\n");
            if (v.layers().isEmpty()) {
                out.append("<p class=\"muted\">No layers recorded.</p>\n");
                return;
            }
            long total = v.layers().stream().mapToLong(LayerResult::sizeBytes).sum();
            out.append("<div class=\"table-wrap\"><table class=\"layers\">\n<thead><tr><th scope=\"col\" class=\"num\">#</th>")
                    .append("<th scope=\"col\">Created by</th><th scope=\"col\" class=\"num\">Size</th>")
                    .append("<th scope=\"col\" class=\"num\">Share</th></tr></thead>\n<tbody>\n");
            int n = 1;
            for (LayerResult layer : v.layers()) {
                out.append("<tr><td class=\"num\">").append(n++).append("</td><td class=\"code\">")
                        .append(escape(layer.createdBy())).append("</td><td class=\"num\">")
                        .append(escape(Analyzer.bytes(layer.sizeBytes()))).append("</td><td class=\"num\">")
                        .append(escape(total == 0 ? "\u2014" : percent(100.0 * layer.sizeBytes() / total)))
                        .append("</td></tr>\n");
            }
            out.append("</tbody>\n</table></div>\n");
        }

        private void waste(VariantResult v) {
            out.append("<h4>Top wasted files</h4>\n");
            if (v.topWastedFiles().isEmpty()) {
                out.append("<p class=\"muted\">No file appears in more than one layer.</p>\n");
                return;
            }
            out.append("<p class=\"note\">Files in two or more layers: every copy but the last still travels with "
                    + "the image. ").append(escape(Analyzer.bytes(v.wastedBytes()))).append(" in all (")
                    .append(escape(percent(v.userWastedPercent()))).append(" of the layers above the base).</p>\n")
                    .append("<div class=\"table-wrap\"><table class=\"wasted\">\n<thead><tr><th scope=\"col\">Path</th>")
                    .append("<th scope=\"col\" class=\"num\">Layers</th><th scope=\"col\" class=\"num\">Total size</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (WastedFile f : v.topWastedFiles()) {
                out.append("<tr><td class=\"code\">").append(escape(f.path())).append("</td><td class=\"num\">")
                        .append(f.layers()).append("</td><td class=\"num\">")
                        .append(escape(Analyzer.bytes(f.totalBytes()))).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table></div>\n");
        }

        private void packages(VariantResult v) {
            out.append("<h4>Packages</h4>\n");
            if (v.optimizations().isEmpty() || original.isEmpty() || !original.get().built()) {
                out.append("<p>").append(v.packages().size()).append(v.packages().size() == 1 ? " package" : " packages")
                        .append(" installed").append(v.optimizations().isEmpty() ? ""
                                : "; the original did not build, so there is nothing to compare them with")
                        .append(".</p>\n");
                return;
            }
            Function<InstalledPackage, String> key = p -> p.manager() + "\u0000" + p.name();
            Set<String> inVariant = v.packages().stream().map(key).collect(Collectors.toSet());
            Set<String> inOriginal = original.get().packages().stream().map(key).collect(Collectors.toSet());
            List<InstalledPackage> dropped = original.get().packages().stream()
                    .filter(p -> !inVariant.contains(key.apply(p))).sorted(BY_SIZE).toList();
            List<InstalledPackage> added = v.packages().stream()
                    .filter(p -> !inOriginal.contains(key.apply(p))).sorted(BY_SIZE).toList();
            out.append("<p>").append(v.packages().size()).append(" installed; ").append(dropped.size())
                    .append(" of the original's dropped, ").append(added.size()).append(" added.</p>\n");
            packageTable("Dropped", dropped);
            packageTable("Added", added);
        }

        private static final Comparator<InstalledPackage> BY_SIZE = Comparator
                .comparingLong(InstalledPackage::installedBytes).reversed()
                .thenComparing(InstalledPackage::name).thenComparing(InstalledPackage::manager);

        private void packageTable(String title, List<InstalledPackage> packages) {
            if (packages.isEmpty()) {
                return;
            }
            long bytes = packages.stream().mapToLong(InstalledPackage::installedBytes).sum();
            out.append("<h5>").append(title).append(" (").append(packages.size()).append(", ")
                    .append(escape(Analyzer.bytes(bytes))).append(")</h5>\n")
                    .append("<div class=\"table-wrap\"><table class=\"packages compact\">\n<thead><tr>")
                    .append("<th scope=\"col\">Package</th><th scope=\"col\">Version</th><th scope=\"col\">Manager</th>")
                    .append("<th scope=\"col\" class=\"num\">Installed size</th></tr></thead>\n<tbody>\n");
            for (InstalledPackage p : packages.subList(0, Math.min(MAX_PACKAGES, packages.size()))) {
                out.append("<tr><td>").append(escape(p.name())).append("</td><td class=\"code\">")
                        .append(escape(p.version())).append("</td><td>").append(escape(p.manager()))
                        .append("</td><td class=\"num\">")
                        .append(p.installedBytes() == 0 ? "\u2014" : escape(Analyzer.bytes(p.installedBytes())))
                        .append("</td></tr>\n");
            }
            if (packages.size() > MAX_PACKAGES) {
                List<InstalledPackage> rest = packages.subList(MAX_PACKAGES, packages.size());
                out.append("<tr><td colspan=\"3\" class=\"muted\">and ").append(rest.size())
                        .append(" smaller ones</td><td class=\"num\">")
                        .append(escape(Analyzer.bytes(rest.stream().mapToLong(InstalledPackage::installedBytes).sum())))
                        .append("</td></tr>\n");
            }
            out.append("</tbody>\n</table></div>\n");
        }

        private void staging(VariantResult v) {
            out.append("<h4>Staging tests</h4>\n");
            if (v.staging().isEmpty()) {
                out.append("<p class=\"muted\">").append(v.built() ? "Not run." : "Not run: the variant did not build.")
                        .append("</p>\n");
                return;
            }
            StagingResult s = v.staging().get();
            if (s.tests().isEmpty()) {
                out.append("<p class=\"muted\">No tests in the suite.</p>\n");
            } else {
                out.append("<div class=\"table-wrap\"><table class=\"tests\">\n<thead><tr><th scope=\"col\">Status</th>")
                        .append("<th scope=\"col\">Kind</th><th scope=\"col\">Test</th>")
                        .append("<th scope=\"col\" class=\"num\">Time</th><th scope=\"col\">Message and output</th>")
                        .append("</tr></thead>\n<tbody>\n");
                for (TestOutcome t : s.tests()) {
                    String status = t.status().name().toLowerCase(Locale.ROOT);
                    out.append("<tr><td><span class=\"badge status-").append(status).append("\">").append(status)
                            .append("</span></td><td>").append(escape(t.kind())).append("</td><td>")
                            .append(escape(t.name())).append("</td><td class=\"num\">")
                            .append(escape(String.format(Locale.ROOT, "%.2f s", t.seconds()))).append("</td><td>");
                    if (!t.message().isEmpty()) {
                        out.append("<div class=\"message\">").append(escape(t.message())).append("</div>");
                    }
                    if (!t.output().isEmpty()) {
                        pre("output", t.output());
                    }
                    if (t.message().isEmpty() && t.output().isEmpty()) {
                        out.append("<span class=\"muted\">\u2014</span>");
                    }
                    out.append("</td></tr>\n");
                }
                out.append("</tbody>\n</table></div>\n");
            }
            parity(v, s);
            if (!s.problems().isEmpty()) {
                out.append("<h4>Checks that could not run</h4>\n<ul class=\"plain\">\n");
                for (String problem : s.problems()) {
                    out.append("<li>").append(escape(problem)).append("</li>\n");
                }
                out.append("</ul>\n");
            }
        }

        private void parity(VariantResult v, StagingResult s) {
            out.append("<h4>Parity with the original</h4>\n");
            if (v.optimizations().isEmpty()) {
                out.append("<p class=\"muted\">The original is what the others are compared with.</p>\n");
                return;
            }
            if (s.parity().isEmpty()) {
                out.append("<p>No differences found.</p>\n");
                return;
            }
            out.append("<div class=\"table-wrap\"><table class=\"parity\">\n<thead><tr><th scope=\"col\">Severity</th>")
                    .append("<th scope=\"col\">Kind</th><th scope=\"col\">Subject</th><th scope=\"col\">Original</th>")
                    .append("<th scope=\"col\">Variant</th><th scope=\"col\">What it means</th></tr></thead>\n");
            for (Severity severity : Severity.values()) {
                List<ParityFinding> group = s.parity().stream().filter(f -> f.severity() == severity).toList();
                if (group.isEmpty()) {
                    continue;
                }
                out.append("<tbody class=\"severity-").append(severity.label()).append("\">\n<tr class=\"group\">")
                        .append("<th colspan=\"6\" scope=\"rowgroup\">").append(severity.label()).append(" (")
                        .append(group.size()).append(")</th></tr>\n");
                for (ParityFinding f : group) {
                    out.append("<tr><td>");
                    severityBadge(severity);
                    out.append("</td><td>").append(escape(f.kind())).append("</td><td class=\"code\">")
                            .append(escape(f.subject())).append("</td>");
                    valueCell(f.original());
                    valueCell(f.variant());
                    out.append("<td>").append(escape(f.message())).append("</td></tr>\n");
                }
                out.append("</tbody>\n");
            }
            out.append("</table></div>\n");
        }

        private void valueCell(String value) {
            if (value.isEmpty()) {
                out.append("<td class=\"absent\">absent</td>");
            } else {
                out.append("<td class=\"code\">").append(escape(value)).append("</td>");
            }
        }

        // ---- lessons ------------------------------------------------------------------------

        private List<String> usedOptimizations() {
            Set<String> used = new LinkedHashSet<>();
            analysis.variants().forEach(a -> used.addAll(a.optimizations()));
            return catalog.canonicalOrder(used);
        }

        private void lessons() {
            List<String> used = usedOptimizations();
            if (used.isEmpty()) {
                return;
            }
            out.append("<section id=\"lessons\">\n<h2>Lessons: the optimizations used</h2>\n");
            for (String id : used) {
                out.append("<article class=\"lesson\" id=\"lesson-").append(escape(slug(id))).append("\">\n");
                Optional<Optimization> o = catalog.byId(id);
                if (o.isEmpty()) {
                    out.append("<h3><code>").append(escape(id)).append("</code></h3>\n<p class=\"muted\">")
                            .append("Not an optimization this SlimLab knows; its risk is counted as medium.</p>\n")
                            .append("</article>\n");
                    continue;
                }
                Optimization opt = o.get();
                out.append("<h3>").append(escape(opt.title())).append(" <code>").append(escape(id)).append("</code></h3>\n")
                        .append("<p class=\"lesson-risk\">Risk: ");
                riskBadge(RiskLevel.of(opt.risk()), false);
                out.append(" \u2014 ").append(escape(opt.riskRationale())).append("</p>\n");
                String lesson;
                try {
                    lesson = opt.lesson();
                } catch (RuntimeException e) {
                    out.append("<p class=\"muted\">").append(escape("No lesson: " + reason(e))).append("</p>\n")
                            .append("</article>\n");
                    continue;
                }
                out.append(markdown(lesson)).append("</article>\n");
            }
            out.append("</section>\n");
        }

        // ---- small pieces -------------------------------------------------------------------

        private boolean isRecommended(Assessment a) {
            return analysis.recommended().map(a.name()::equals).orElse(false);
        }

        /** The risk as a word in a badge of its colour: "medium", or "medium risk" where the context does not say. */
        private void riskBadge(RiskLevel risk, boolean sayRisk) {
            out.append("<span class=\"badge risk risk-").append(risk.label()).append("\">").append(risk.label())
                    .append(sayRisk ? " risk" : "").append("</span>");
        }

        private void severityBadge(Severity severity) {
            String level = switch (severity) {
                case HIGH -> "high";
                case MEDIUM -> "medium";
                case LOW -> "low";
                case INFO -> "none";
            };
            out.append("<span class=\"badge risk-").append(level).append("\">").append(severity.label()).append("</span>");
        }

        private void verdictBadge(Assessment a) {
            out.append("<span class=\"badge verdict verdict-").append(slug(a.verdict().label())).append("\">")
                    .append(escape(a.verdict().label())).append("</span>");
        }

        private void optimizationName(String id) {
            if (catalog.byId(id).isPresent()) {
                out.append("<a href=\"#lesson-").append(escape(slug(id))).append("\"><code>").append(escape(id))
                        .append("</code></a>");
            } else {
                out.append("<code>").append(escape(id)).append("</code>");
            }
        }

        private void pre(String kind, String text) {
            String t = text == null ? "" : text;
            // HTML drops a newline right after <pre>: keep a leading one by doubling it
            out.append("<pre class=\"").append(kind).append("\">").append(t.startsWith("\n") ? "\n" : "")
                    .append(escape(t)).append("</pre>\n");
        }
    }

    // ---- Markdown --------------------------------------------------------------------------

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /**
     * A lesson as HTML: raw HTML in it escaped, unsafe link targets dropped, images replaced by
     * their description (a report fetches nothing), its title dropped (the report gives its own)
     * and its headings moved under the report's.
     */
    static String markdown(String text) {
        Node document = MARKDOWN.parse(text);
        Node first = document.getFirstChild();
        if (first instanceof Heading h && h.getLevel() == 1) {
            h.unlink();
        }
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
                visitChildren(heading);
            }

            @Override
            public void visit(Image image) {
                images.add(image);
            }
        });
        for (Image image : images) {
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            image.insertBefore(new Text("[image: " + alt + "]"));
            image.unlink();
        }
        return MARKDOWN_HTML.render(document);
    }

    // ---- formatting ------------------------------------------------------------------------

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** A lower-case id fragment: letters, digits and dashes. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" : s;
    }

    /** The experiment's start as {@code 2026-11-28 10:00:00 UTC}, or as it was recorded when it is not ISO-8601. */
    static String when(String startedAt) {
        if (startedAt == null) {
            return "at an unknown time";
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(startedAt);
            String time = t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT));
            return time + (t.getOffset().equals(ZoneOffset.UTC) ? " UTC" : " " + t.getOffset());
        } catch (DateTimeParseException e) {
            return startedAt;
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The spread of the repetitions, as the other reports write durations. */
    private static String range(BuildTime t) {
        return Figures.duration(t.min()) + "\u2013" + Figures.duration(t.max());
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** A change as a signed percentage, with a true minus sign: {@code −61.3%}, {@code +2.0%}. */
    private static String signedPercent(double p) {
        String abs = String.format(Locale.ROOT, "%.1f%%", Math.abs(p));
        return (abs.equals("0.0%") ? "\u00b1" : p > 0 ? "+" : "\u2212") + abs;
    }
}
