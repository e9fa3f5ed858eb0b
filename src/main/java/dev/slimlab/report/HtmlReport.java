package dev.slimlab.report;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.analysis.BuildTime;
import dev.slimlab.analysis.RiskLevel;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.io.AtomicFiles;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.Optimization;
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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
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
 * <p><b>Escaping.</b> The page is written through {@link HtmlWriter}, the JDK's XML writer:
 * every text that comes from the user or a build is handed to it as a value, and it does the
 * escaping. Only three pieces of markup are inserted as they are: the fixed style sheet, the SVG
 * of the charts (drawn by {@link ReportCharts}, which escapes its own text) and the lessons,
 * rendered by commonmark with raw HTML escaped and unsafe URLs removed.
 *
 * <p><b>Well-formed.</b> The output is HTML5 that is also well-formed XML (void elements closed,
 * attribute values quoted, no named entities but XML's, characters XML cannot carry replaced), so
 * that tools, and the tests, can read it with an XML parser.
 *
 * <p><b>Deterministic.</b> The same analysis gives the same bytes: the date is the experiment's,
 * and every list is in the experiment's or the catalog's order.
 *
 * <p>This class writes the page around the sections: head, header, lessons and footer; the
 * sections about the whole experiment are {@link OverviewSections}, each variant's details
 * {@link VariantDetails}, and what they share is in {@link ReportSection}.
 */
public final class HtmlReport {

    /** The size the charts are drawn at: two fit side by side in the report's width. */
    static final int CHART_WIDTH = 560;
    static final int CHART_HEIGHT = 340;

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
        return new Page(analysis, budgets, charts, Catalog.standard()).document();
    }

    /** Writes the report to {@code file}, whole or not at all. */
    public static void write(Analysis analysis, Path file) throws IOException {
        write(analysis, file, DEFAULT_CHARTS);
    }

    static void write(Analysis analysis, Path file, BiFunction<Analysis, ReportCharts.Kind, String> charts)
            throws IOException {
        AtomicFiles.write(file, render(analysis, charts).getBytes(StandardCharsets.UTF_8));
    }

    /** The report's style sheet, inlined in every report, with the palette's colours as its variables. */
    static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("    /* palette: light */\n", Palette.LIGHT.cssVariables("    "))
                    .replace("        /* palette: dark */\n", Palette.DARK.cssVariables("        "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One report being written: the page around its sections. */
    private static final class Page extends ReportSection {

        Page(Analysis analysis, List<Budgets.Check> budgets, BiFunction<Analysis, ReportCharts.Kind, String> charts,
             Catalog catalog) {
            super(analysis, budgets, charts, catalog);
        }

        String document() {
            String id = experiment.id();
            out.doctype().open("html", "lang", "en").nl().open("head").nl()
                    .empty("meta", "charset", "utf-8").nl()
                    .empty("meta", "http-equiv", "Content-Security-Policy", "content", CONTENT_SECURITY_POLICY).nl()
                    .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl()
                    .empty("meta", "name", "generator", "content", "SlimLab").nl()
                    .open("title").text("SlimLab report: ").text(id).close().nl()
                    .open("style").raw("\n" + css()).close().nl()
                    .close().nl().open("body").nl();
            header();
            out.open("main").nl();
            OverviewSections overview = new OverviewSections(this);
            overview.recommendation();
            overview.budgets();
            overview.table();
            overview.charts();
            overview.attribution();
            new VariantDetails(this).details();
            lessons();
            out.close().nl();
            out.open("footer", "class", "report-footer").open("p").text("SlimLab report of experiment ")
                    .element("b", id).text(", run started " + when(experiment.startedAt())
                            + ". Sizes are decimal (1 MB = 1,000,000 bytes), as Docker shows them.")
                    .close().close().nl()
                    .close().nl() // body
                    .close().nl(); // html
            return out.html();
        }

        private void header() {
            out.open("header", "class", "report-header").nl()
                    .open("h1").text("SlimLab report: ").text(experiment.id()).close().nl()
                    .open("p", "class", "meta");
            out.open("span").text("Started ")
                    .element("time", when(experiment.startedAt()), "datetime", Objects.toString(experiment.startedAt(), ""))
                    .close();
            EngineInfo engine = experiment.engine();
            if (engine != null) {
                out.open("span").text("Docker Engine ").text(engine.engineVersion()).text(" (API ")
                        .text(engine.apiVersion()).text(", ").text(engine.os()).text(") at ").text(engine.host()).close();
            }
            out.close().nl().open("p", "class", "meta");
            ExperimentSettings settings = experiment.settings();
            if (settings != null) {
                out.element("span", settings.repetitions() + (settings.repetitions() == 1 ? " build" : " builds")
                                + " per variant, " + (settings.noCache() ? "cold (no cache)" : "warm (cache allowed)")
                                + (settings.pull() ? ", base images pulled" : ""))
                        .element("span", "pull times at " + number(settings.bandwidthMbitPerSecond()) + " Mbit/s");
            }
            String builtWith = Figures.builtWith(experiment);
            if (!builtWith.isEmpty()) {
                out.element("span", builtWith, "class", "built-with");
            }
            if (experiment.context() != null && !experiment.context().isEmpty()) {
                out.open("span").text("context ").element("code", experiment.context()).close();
            }
            out.close().nl().open("nav", "class", "toc").element("a", "Recommendation", "href", "#recommendation");
            if (!budgets.isEmpty()) {
                out.element("a", "Budgets", "href", "#budgets");
            }
            out.element("a", "Risk and reward", "href", "#risk-reward").element("a", "Charts", "href", "#charts");
            if (analysis.attribution().isPresent()) {
                out.element("a", "Attribution", "href", "#attribution");
            }
            out.element("a", "Variants", "href", "#variants");
            if (!usedOptimizations().isEmpty()) {
                out.element("a", "Lessons", "href", "#lessons");
            }
            out.close().nl().close().nl();
        }

        private void lessons() {
            List<String> used = usedOptimizations();
            if (used.isEmpty()) {
                return;
            }
            out.open("section", "id", "lessons").nl().element("h2", "Lessons: the optimizations used").nl();
            for (String id : used) {
                out.open("article", "class", "lesson", "id", "lesson-" + slug(id)).nl();
                Optional<Optimization> o = catalog.byId(id);
                if (o.isEmpty()) {
                    out.open("h3").element("code", id).close().nl()
                            .element("p", "Not an optimization this SlimLab knows; its risk is counted as medium.",
                                    "class", "muted").nl()
                            .close().nl();
                    continue;
                }
                Optimization opt = o.get();
                out.open("h3").text(opt.title()).text(" ").element("code", id).close().nl()
                        .open("p", "class", "lesson-risk").text("Risk: ");
                riskBadge(RiskLevel.of(opt.risk()), false);
                out.text(" \u2014 ").text(opt.riskRationale()).close().nl();
                String lesson;
                try {
                    lesson = opt.lesson();
                } catch (RuntimeException e) {
                    out.element("p", "No lesson: " + reason(e), "class", "muted").nl().close().nl();
                    continue;
                }
                // commonmark's HTML, which escapes what the lesson's text holds (see markdown)
                out.raw(markdown(lesson)).close().nl();
            }
            out.close().nl();
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
}
