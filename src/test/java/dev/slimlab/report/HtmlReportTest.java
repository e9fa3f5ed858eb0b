package dev.slimlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Analyzer;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.optimize.Catalog;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The HTML report of the story's experiment, read back with an XML parser. */
class HtmlReportTest {

    /** Charts that do not depend on ReportCharts being drawn: the kind's name in a tiny SVG. */
    static final BiFunction<Analysis, ReportCharts.Kind, String> FAKE_CHARTS = (analysis, kind) ->
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>" + kind + "</text></svg>";

    private static Analysis analysis;
    private static String html;
    private static Document doc;

    @BeforeAll
    static void render() throws Exception {
        analysis = ReportFixtures.storyAnalysis();
        html = HtmlReport.render(analysis, FAKE_CHARTS);
        doc = parse(html);
    }

    @Test
    void isOneWellFormedDocumentWithCharsetLanguageViewportAndContentSecurityPolicy() throws Exception {
        assertThat(html).startsWith("<!DOCTYPE html>\n");
        assertThat(doc.getDocumentElement().getAttribute("lang")).isEqualTo("en");
        assertThat(nodes("/html/head/meta[@charset='utf-8']")).hasSize(1);
        assertThat(string("/html/head/meta[@http-equiv='Content-Security-Policy']/@content"))
                .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        assertThat(string("/html/head/meta[@name='viewport']/@content")).contains("width=device-width");
        assertThat(string("/html/head/title")).isEqualTo("SlimLab report: story");
        assertThat(string("/html/body/header/h1")).isEqualTo("SlimLab report: story");
        assertThat(nodes("/html/head/style")).hasSize(1);
        assertThat(string("/html/head/style")).contains("prefers-color-scheme: dark").contains("@media print");
    }

    @Test
    void hasNoScriptNoEventHandlerAndFetchesNothing() throws Exception {
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<img")
                .doesNotContain("<iframe").doesNotContain("<link").doesNotContain("@import").doesNotContain("url(");
        for (Element e : elements(doc.getDocumentElement())) {
            assertThat(e.getTagName().toLowerCase(Locale.ROOT))
                    .isNotIn("script", "img", "iframe", "object", "embed", "link", "base", "form");
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attr = (Attr) attributes.item(i);
                String name = attr.getName().toLowerCase(Locale.ROOT);
                assertThat(name).as("event handler attribute on <%s>", e.getTagName()).doesNotStartWith("on");
                if (name.equals("src") || name.equals("href") || name.endsWith(":href") || name.equals("srcset")) {
                    assertThat(attr.getValue().toLowerCase(Locale.ROOT).strip())
                            .as("%s of <%s>", name, e.getTagName())
                            .doesNotStartWith("http:").doesNotStartWith("https:").doesNotStartWith("//")
                            .doesNotStartWith("javascript:");
                }
            }
        }
        // every link stays inside the page
        for (Node href : nodes("//@href")) {
            assertThat(href.getNodeValue()).startsWith("#");
            String target = href.getNodeValue().substring(1);
            assertThat(nodes("//*[@id='" + target + "']")).as("target of %s", href.getNodeValue()).hasSize(1);
        }
    }

    @Test
    void hostileTextFromTheUserAndTheBuildsAppearsOnlyAsText() throws Exception {
        String hostile = ReportFixtures.HOSTILE;
        // the writer escapes < & > (and " in attributes); a ' in text needs no escaping
        assertThat(html).contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;").doesNotContain("<script")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(nodes("//*[@onerror]")).isEmpty();
        // the same text, read back, is the hostile text itself wherever a build or a user put it
        assertThat(texts("//details[@id='variant-original']//pre[@class='dockerfile']")).singleElement()
                .asString().contains(hostile);
        assertThat(texts("//details[@id='variant-minimal']//table[@class='layers']//td[@class='code']"))
                .anySatisfy(t -> assertThat(t).contains("apt-get install").contains(hostile));
        assertThat(texts("//details[@id='variant-minimal']//table[@class='wasted']//td[@class='code']"))
                .contains("/root/.cache/pip/" + hostile);
        assertThat(texts("//details[@id='variant-maximum']//table[@class='parity']/tbody[@class='severity-high']//td"))
                .anySatisfy(t -> assertThat(t).endsWith("resolves in the original and not in the variant " + hostile));
        assertThat(texts("//details[@id='variant-alpine']//pre[@class='error']")).singleElement().asString()
                .isEqualTo("the base image python:3.10-alpine is not on this machine " + hostile);
        assertThat(texts("//details[@id='variant-alpine']//pre[@class='log']")).singleElement().asString()
                .isEqualTo("Pulling python:3.10-alpine\nerror: " + hostile);
        assertThat(texts("//details[@id='variant-minimal']//pre[@class='diff']")).singleElement().asString()
                .contains(hostile);
    }

    @Test
    void theTableHasOneRowPerVariantWithItsVerdictAndNumbers() throws Exception {
        List<Node> rows = nodes("//table[@class='variants']/tbody/tr");
        assertThat(rows).extracting(r -> ((Element) r).getAttribute("data-variant"))
                .containsExactly("original", "minimal", "maximum", "slim-base", "apt-clean-lists", "alpine");
        assertThat(texts("//table[@class='variants']/tbody/tr/td[@class='verdict-cell']/span[contains(@class,'verdict')]"))
                .containsExactly("too large", "best", "over-engineered", "too large", "too large", "broken");
        assertThat(texts("//table[@class='variants']/tbody/tr/td[@class='num size']"))
                .containsExactly("3.1 GB", "1.2 GB", "600.0 MB", "1.5 GB", "3.1 GB", "\u2014");
        assertThat(texts("//table[@class='variants']/tbody/tr/td[@class='num change']"))
                .containsExactly("baseline", "\u221261.3%", "\u221280.6%", "\u221251.6%", "\u22121.6%", "not built");
        assertThat(texts("//table[@class='variants']/tbody/tr/td[@class='num tests']"))
                .containsExactly("2 / 2", "2 / 2", "2 / 2", "2 / 2", "not run", "\u2014");
        assertThat(cell("maximum", "parity-high")).isEqualTo("2");
        assertThat(cell("maximum", "parity-medium")).isEqualTo("0");
        assertThat(cell("maximum", "parity-low")).isEqualTo("1");
        assertThat(cell("minimal", "parity-medium")).isEqualTo("1");
        // the original is the reference, and apt-clean-lists was never checked: no findings to count
        assertThat(cell("original", "parity-high")).isEqualTo("\u2014");
        assertThat(cell("apt-clean-lists", "parity-low")).isEqualTo("\u2014");
        assertThat(cell("minimal", "pull")).startsWith("420.0 MB").endsWith("\u221260.0%");
        assertThat(cell("minimal", "build")).startsWith("6 min 2 s").contains("5 min 55 s\u20136 min 11 s, 3 builds")
                .contains("change \u22121 min 58 s").doesNotContain("within noise");
        assertThat(cell("slim-base", "build")).isEqualTo("6 min 40 s1 build: change not measurable");
        assertThat(cell("original", "build")).doesNotContain("within noise").doesNotContain("+").doesNotContain("\u2212");
        // risk is a word and a colour class, never colour alone
        assertThat(texts("//table[@class='variants']/tbody/tr/td[@class='risk-cell']/span[contains(@class,'badge')]"))
                .containsExactly("none", "medium", "high", "medium", "low", "high");
        assertThat(string("//tr[@data-variant='maximum']/td[@class='risk-cell']/span/@class")).contains("risk-high");
        assertThat(cell("minimal", "risk-cell")).isEqualTo("mediumraised from low"); // git's parity finding
        assertThat(string("//tr[@data-variant='maximum']/td[@class='verdict-cell']/span[@class='reason']"))
                .isEqualTo(analysis.variant("maximum").orElseThrow().reason());
    }

    @Test
    void marksTheRecommendedRowAndTheParetoOptimalOnes() throws Exception {
        assertThat(nodes("//table[@class='variants']/tbody/tr[contains(@class,'recommended')]"))
                .extracting(r -> ((Element) r).getAttribute("data-variant")).containsExactly("minimal");
        assertThat(string("//tr[@data-variant='minimal']/td[@class='variant']")).contains("recommended");
        List<String> pareto = analysis.variants().stream().filter(Assessment::paretoOptimal).map(Assessment::name).toList();
        assertThat(pareto).isNotEmpty();
        assertThat(nodes("//table[@class='variants']/tbody/tr[contains(@class,'pareto')]"))
                .extracting(r -> ((Element) r).getAttribute("data-variant")).containsExactlyElementsOf(pareto);
        assertThat(nodes("//table[@class='variants']/tbody/tr[contains(@class,'pareto')]//span[@class='mark pareto']"))
                .hasSameSizeAs(pareto);
    }

    @Test
    void theRecommendationComesFirstAndProminently() throws Exception {
        assertThat(analysis.recommendation()).startsWith("Ship minimal");
        assertThat(string("//section[@id='recommendation']/p[@class='lead']")).isEqualTo(analysis.recommendation());
        assertThat(string("//section[@id='recommendation']/p[@class='figures']"))
                .isEqualTo("Size 3.1 GB \u2192 1.2 GB (\u221261.3%) \u00b7 pull 1.1 GB \u2192 420.0 MB \u00b7 medium risk"
                        + " \u00b7 tests 2 / 2 passed");
        List<String> sections = texts("/html/body/main/section/@id");
        assertThat(sections).containsExactly("recommendation", "risk-reward", "charts", "attribution", "variants",
                "lessons");
    }

    @Test
    void aBuildTimeChangeInsideTheSpreadIsMarkedWithinNoise() throws Exception {
        ExperimentResult story = ReportFixtures.story();
        List<VariantResult> variants = new ArrayList<>(story.variants());
        VariantResult m = variants.get(1);
        variants.set(1, new VariantResult(m.name(), m.optimizations(), m.status(), m.error(), m.imageId(),
                m.sizeBytes(), m.compressedBytes(), m.estimatedPullSeconds(), m.layers(), List.of(475.0, 490.0, 500.0),
                m.steps(), m.efficiency(), m.wastedBytes(), m.userWastedPercent(), m.topWastedFiles(), m.packages(),
                m.dockerfile(), m.logTail(), m.logFile(), m.staging()));
        Analysis a = new Analyzer(Catalog.standard()).analyze(new ExperimentResult(story.id(), story.dockerfile(),
                story.context(), story.settings(), story.engine(), story.startedAt(), variants));
        assertThat(a.variant("minimal").orElseThrow().buildChangeInNoise()).isTrue();
        Document d = parse(HtmlReport.render(a, FAKE_CHARTS));
        assertThat(XPathFactory.newInstance().newXPath().evaluate(
                "//tr[@data-variant='minimal']/td[contains(@class,'build')]/span[2]", d))
                .isEqualTo("change +10.0 s (within noise)");
        assertThat(XPathFactory.newInstance().newXPath().evaluate(
                "//tr[@data-variant='minimal']/td[contains(@class,'build')]//span[@class='noise']", d))
                .isEqualTo("(within noise)");
    }

    @Test
    void headerGivesTheExperimentsDateAndEngine() throws Exception {
        String meta = String.join(" ", texts("//header/p[@class='meta']"));
        assertThat(meta).contains("2026-11-28 10:00:00 UTC").contains("Docker Engine 28.2.2").contains("linux/amd64")
                .contains("3 builds per variant");
        assertThat(string("//header//time/@datetime")).isEqualTo("2026-11-28T10:00:00Z");
    }

    @Test
    void theSameAnalysisGivesTheSameBytes() {
        assertThat(HtmlReport.render(ReportFixtures.storyAnalysis(), FAKE_CHARTS)).isEqualTo(html);
    }

    @Test
    void eachAvailableChartIsAFigureWithItsTitleAsCaption() throws Exception {
        List<ReportCharts.Kind> kinds = ReportCharts.available(analysis);
        assertThat(nodes("//section[@id='charts']//figure")).hasSize(kinds.size());
        for (ReportCharts.Kind kind : kinds) {
            String figure = "//figure[@id='chart-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "']";
            assertThat(string(figure + "/figcaption")).endsWith(kind.title());
            assertThat(string(figure + "//svg/text")).isEqualTo(kind.name());
        }
    }

    @Test
    void aChartThatFailsShowsWhyAndTheRestOfTheReportStillRenders() throws Exception {
        String report = HtmlReport.render(analysis, (a, kind) -> {
            if (kind == ReportCharts.Kind.SIZE) {
                throw new IllegalStateException("no <fonts> here");
            }
            return FAKE_CHARTS.apply(a, kind);
        });
        Document d = parse(report);
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("//figure[@id='chart-size']//p[@class='chart-unavailable']", d))
                .isEqualTo("chart unavailable: no <fonts> here");
        assertThat(x.evaluate("count(//figure[@id='chart-size']//svg)", d)).isEqualTo("0");
        assertThat(x.evaluate("//figure[@id='chart-pull-size']//svg/text", d)).isEqualTo("PULL_SIZE");
        assertThat(x.evaluate("count(//table[@class='variants']/tbody/tr)", d)).isEqualTo("6");
        assertThat(x.evaluate("count(//article[@class='lesson'])", d)).isNotEqualTo("0");
    }

    @Test
    void aChartThatIsNotAnSvgElementIsNotInserted() throws Exception {
        String report = HtmlReport.render(analysis, (a, kind) -> "<div>not a chart</div>");
        Document d = parse(report);
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("count(//section[@id='charts']//div[not(@class)])", d)).isEqualTo("0");
        assertThat(x.evaluate("//figure[@id='chart-size']//p", d))
                .isEqualTo("chart unavailable: the chart is not an SVG element");
    }

    @Test
    void anXmlDeclarationBeforeTheSvgIsDropped() throws Exception {
        String report = HtmlReport.render(analysis,
                (a, kind) -> "<?xml version=\"1.0\"?>\n" + FAKE_CHARTS.apply(a, kind));
        assertThat(report).doesNotContain("<?xml");
        assertThat(XPathFactory.newInstance().newXPath().evaluate("//figure[@id='chart-size']//svg/text", parse(report)))
                .isEqualTo("SIZE");
    }

    @Test
    void theReportRendersWithTheRealChartsWhateverTheyCanDo() throws Exception {
        // ReportCharts may not draw yet; either way the report is whole and well-formed
        Document d = parse(HtmlReport.render(analysis));
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("count(//section[@id='charts']//figure)", d))
                .isEqualTo(String.valueOf(ReportCharts.available(analysis).size()));
        assertThat(x.evaluate("count(//table[@class='variants']/tbody/tr)", d)).isEqualTo("6");
    }

    @NeedsChromium
    void chromiumShowsTheReportWithItsChartsRunsNothingAndIsRefusedNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("story.html");
        HtmlReport.write(analysis, file);
        Chromium.Page page = Chromium.open(file);
        // a blocked load or script would be logged ("... violates the following Content Security Policy
        // directive ..."): the policy lets the inline style and SVG through and nothing asks for more
        assertThat(page.console()).isEmpty();
        assertThat(page.dom()).contains("<title>SlimLab report: story</title>").doesNotContain("pwned</title>")
                .doesNotContain("<script").doesNotContain("<img");
        long timelines = analysis.experiment().variants().stream().filter(v -> v.built() && !v.steps().isEmpty()).count();
        assertThat(java.util.regex.Pattern.compile("<svg[^>]*class=\"timeline\"").matcher(page.dom()).results().count())
                .as("a step timeline per built variant").isEqualTo(timelines);
        assertThat(page.dom().split("<svg", -1)).as("and the charts")
                .hasSize(ReportCharts.available(analysis).size() + (int) timelines + 1);
        assertThat(page.dom()).doesNotContain("chart unavailable");
    }

    @NeedsChromium
    void evenWithoutItsContentSecurityPolicyNothingInjectedRuns(@TempDir Path dir) throws Exception {
        // escaping alone must keep the hostile text inert: take the policy away and look again
        String html = HtmlReport.render(analysis, List.of());
        String unprotected = html.replaceAll("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
        assertThat(unprotected).isNotEqualTo(html).doesNotContain("Content-Security-Policy");
        Path file = java.nio.file.Files.writeString(dir.resolve("open.html"), unprotected);
        Chromium.Page page = Chromium.open(file);
        assertThat(page.console()).isEmpty();
        assertThat(page.dom()).contains("<title>SlimLab report: story</title>").doesNotContain("pwned</title>")
                .doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;document.title=");
    }

    @Test
    void theDiffOfMinimalShowsTheBaseImageChange() throws Exception {
        String variant = "//details[@id='variant-minimal']";
        assertThat(texts(variant + "//pre[@class='diff']//span[@class='d-del']"))
                .contains("-FROM python:3.10\n", "-RUN apt-get update\n", "-RUN pip install -r requirements.txt\n");
        assertThat(texts(variant + "//pre[@class='diff']//span[@class='d-add']"))
                .contains("+FROM python:3.10-slim\n", "+RUN pip install --no-cache-dir -r requirements.txt\n");
        assertThat(texts(variant + "//pre[@class='diff']//span[@class='d-file']"))
                .containsExactly("--- original/Dockerfile\n", "+++ minimal/Dockerfile\n");
        assertThat(texts(variant + "//pre[@class='diff']//span[@class='d-hunk']")).isNotEmpty();
    }

    @Test
    void variantDetailsAreClosedButTheRecommendedOne() throws Exception {
        assertThat(texts("//section[@id='variants']/details/@id")).containsExactly("variant-original",
                "variant-minimal", "variant-maximum", "variant-slim-base", "variant-apt-clean-lists", "variant-alpine");
        assertThat(texts("//section[@id='variants']/details[@open]/@id")).containsExactly("variant-minimal");
        assertThat(string("//details[@id='variant-maximum']/summary")).contains("maximum").contains("over-engineered")
                .contains("high risk");
    }

    @Test
    void variantDetailsListOptimizationsPackagesTestsAndParityBySeverity() throws Exception {
        String minimal = "//details[@id='variant-minimal']";
        assertThat(texts(minimal + "//h4[.='Optimizations applied']/following-sibling::ul[1]/li/a/code"))
                .containsExactlyElementsOf(Catalog.standard().canonicalOrder(ReportFixtures.MINIMAL));
        assertThat(texts(minimal + "//h5[starts-with(.,'Dropped')]/following-sibling::div[1]//tbody/tr/td[1]"))
                .containsExactly("gcc-12", "git");
        assertThat(string(minimal + "//h5[starts-with(.,'Dropped')]")).isEqualTo("Dropped (2, 110.0 MB)");
        assertThat(nodes(minimal + "//h5[starts-with(.,'Added')]")).isEmpty();
        assertThat(texts(minimal + "//table[@class='tests']/tbody/tr/td[3]"))
                .containsExactly("app imports", "web GET /health");
        assertThat(texts(minimal + "//table[@class='tests']/tbody/tr/td[1]/span")).containsOnly("passed");
        assertThat(texts(minimal + "//table[@class='tests']//pre[@class='output']")).contains("ok\n");

        String maximum = "//details[@id='variant-maximum']";
        assertThat(texts(maximum + "//table[@class='parity']/tbody/tr[@class='group']/th"))
                .containsExactly("high (2)", "low (1)");
        assertThat(texts(maximum + "//table[@class='parity']/tbody[@class='severity-high']/tr[not(@class)]/td[3]"))
                .containsExactly("PYTHONUBUFFERED", "libpq.so.5");
        assertThat(texts(maximum + "//table[@class='parity']/tbody[@class='severity-high']/tr[2]/td[5]"))
                .containsExactly("absent");
        assertThat(texts(maximum + "//table[@class='parity']/tbody[@class='severity-low']/tr[not(@class)]/td[1]"))
                .containsExactly("low");
        assertThat(string("//details[@id='variant-original']//h4[.='Dockerfile']")).isEqualTo("Dockerfile");
    }

    @Test
    void lessonsAppearForTheOptimizationsUsedWithTheirRisk() throws Exception {
        Catalog catalog = Catalog.standard();
        // minimal, slim-base and apt-clean-lists use a subset of maximum's; alpine adds one
        Set<String> all = new TreeSet<>(ReportFixtures.MAXIMUM);
        all.add("alpine-base");
        List<String> used = catalog.canonicalOrder(all);
        assertThat(texts("//section[@id='lessons']/article/@id"))
                .containsExactlyElementsOf(used.stream().map(id -> "lesson-" + id).toList());
        String slim = "//article[@id='lesson-slim-base']";
        assertThat(string(slim + "/h3")).isEqualTo(catalog.byId("slim-base").orElseThrow().title() + " slim-base");
        assertThat(string(slim + "/p[@class='lesson-risk']")).contains("low")
                .contains(catalog.byId("slim-base").orElseThrow().riskRationale());
        // the lesson's own title is dropped and its sections sit under the lesson's heading
        assertThat(nodes(slim + "//h1 | " + slim + "//h2")).isEmpty();
        assertThat(texts(slim + "/h4")).contains("What it does", "Why it saves space", "What can break");
        assertThat(texts(slim + "//pre/code")).anySatisfy(c -> assertThat(c).contains("FROM python:3.10-slim"));
    }

    @Test
    void lessonMarkdownEscapesRawHtmlAndFetchesNothing() {
        String out = HtmlReport.markdown("# Title\n\n## Part\n\nText <script>alert(1)</script> and "
                + "[bad](javascript:alert(1)) and ![a picture](https://example.com/p.png)\n\n<img src=x onerror=alert(1)>\n");
        assertThat(out).doesNotContain("<script").doesNotContain("<img").doesNotContain("javascript:")
                .doesNotContain("https://").doesNotContain("<h1").doesNotContain("Title")
                .contains("<h4>Part</h4>").contains("&lt;script&gt;").contains("[image: a picture]")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void theWriterEscapesMarkupAndQuotesAndReplacesWhatXmlCannotCarry() {
        assertThat(new HtmlWriter().element("p", "<a href='x' title=\"y\">&amp;</a>\u001b[31m",
                "title", "'x' \"y\" <&amp;>\u001b[31m").html())
                .isEqualTo("<p title=\"'x' &quot;y&quot; &lt;&amp;amp;&gt;\uFFFD[31m\">"
                        + "&lt;a href='x' title=\"y\"&gt;&amp;amp;&lt;/a&gt;\uFFFD[31m</p>");
        assertThat(new HtmlWriter().element("p", "tab\tnew\nline \u00e9 \uD83D\uDC33").html())
                .isEqualTo("<p>tab\tnew\nline \u00e9 \uD83D\uDC33</p>");
        assertThat(new HtmlWriter().element("p", null).html()).isEqualTo("<p></p>");
        assertThat(new HtmlWriter().open("p", "class", null).raw("<svg/>").close().empty("br").html())
                .isEqualTo("<p><svg/></p><br/>");
    }

    @Test
    void anOriginalThatDidNotBuildIsNotTheBaselineAndMissingEngineAndSettingsAreLeftOut() throws Exception {
        ExperimentResult story = ReportFixtures.story();
        List<VariantResult> variants = new ArrayList<>(story.variants());
        VariantResult original = variants.get(0);
        variants.set(0, VariantResult.notBuilt(new VariantSpec("original", Set.of()), VariantResult.Status.TIMED_OUT,
                "timed out after 1800 s", original.dockerfile(), List.of(1800.0), List.of(), List.of("Step 4/7"), ""));
        ExperimentResult broken = new ExperimentResult(story.id(), story.dockerfile(), story.context(), null, null,
                "not a date", variants);
        Analysis a = new Analyzer(Catalog.standard()).analyze(broken);
        Document d = parse(HtmlReport.render(a, FAKE_CHARTS));
        XPath x = XPathFactory.newInstance().newXPath();
        // savings are measured against the largest variant that built, and the table says so
        assertThat(x.evaluate("//table[@class='variants']/thead//th[starts-with(.,'Change')]", d))
                .isEqualTo("Changevs apt-clean-lists");
        assertThat(x.evaluate("//tr[@data-variant='apt-clean-lists']/td[contains(@class,'change')]", d))
                .isEqualTo("baseline");
        assertThat(x.evaluate("//tr[@data-variant='original']/td[contains(@class,'change')]", d)).isEqualTo("not built");
        assertThat(x.evaluate("//details[@id='variant-original']//pre[@class='error']", d))
                .isEqualTo("timed out after 1800 s");
        assertThat(x.evaluate("//details[@id='variant-original']//p[starts-with(.,'Status')]", d))
                .isEqualTo("Status: timed out");
        assertThat(x.evaluate("//details[@id='variant-minimal']//h4[.='Packages']/following-sibling::p[1]", d))
                .contains("the original did not build");
        String meta = x.evaluate("string(//header)", d);
        assertThat(meta).contains("Started not a date").doesNotContain("Docker Engine").doesNotContain("per variant");
    }

    @Test
    void budgetsAreListedWithTheirResultInWords() throws Exception {
        List<Budgets.Check> checks = new Budgets(OptionalLong.of(1_000_000_000L), OptionalLong.empty(),
                OptionalDouble.of(0.95), OptionalLong.empty(), false, Optional.empty()).check(analysis);
        Document d = parse(HtmlReport.render(analysis, checks, FAKE_CHARTS));
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("/html/body/main/section[2]/@id", d)).isEqualTo("budgets");
        assertThat(x.evaluate("//section[@id='budgets']/p", d)).isEqualTo("1 of 2 budgets missed.");
        assertThat(x.evaluate("//section[@id='budgets']//tr[@class='missed']/td[1]", d)).isEqualTo("missed");
        assertThat(x.evaluate("//section[@id='budgets']//tr[@class='missed']/td[6]", d))
                .isEqualTo("minimal: size 1.2 GB is over the budget of 1.0 GB by 200.0 MB");
        assertThat(x.evaluate("//section[@id='budgets']//tr[@class='met']/td[1]", d)).isEqualTo("met");
        assertThat(x.evaluate("count(//nav//a[@href='#budgets'])", d)).isEqualTo("1");
        assertThat(nodes("//section[@id='budgets']")).as("no budgets, no section").isEmpty();
    }

    @Test
    void writeSavesTheRenderedReport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports/story.html");
        HtmlReport.write(analysis, file, FAKE_CHARTS);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(html);
    }

    // ---- reading the report back ---------------------------------------------------------

    static Document parse(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private static List<Node> nodes(String xpath) throws Exception {
        NodeList list = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            nodes.add(list.item(i));
        }
        return nodes;
    }

    private static List<String> texts(String xpath) throws Exception {
        return nodes(xpath).stream().map(Node::getTextContent).toList();
    }

    private static String string(String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }

    private static String cell(String variant, String column) throws Exception {
        return string("//tr[@data-variant='" + variant + "']/td[contains(concat(' ',@class,' '),' " + column + " ')]");
    }

    private static List<Element> elements(Element root) {
        List<Element> all = new ArrayList<>();
        all.add(root);
        NodeList list = root.getElementsByTagName("*");
        for (int i = 0; i < list.getLength(); i++) {
            all.add((Element) list.item(i));
        }
        return all;
    }
}
