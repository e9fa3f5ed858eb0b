package dev.slimlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Analyzer;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Attribution;
import dev.slimlab.analysis.RiskLevel;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.experiment.RunSummary;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.report.ReportCharts.Kind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The report's charts: well-formed, safe, deterministic SVG and PNG that show the right numbers. */
class ReportChartsTest {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;

    private final Analysis story = ReportFixtures.storyAnalysis();

    // ------------------------------------------------------------ which charts

    @Test
    void theStoryHasEveryChartIncludingAttributionAndHistory() {
        assertThat(ReportCharts.available(story)).containsExactly(Kind.SIZE, Kind.PULL_SIZE, Kind.BUILD_TIME,
                Kind.LAYERS, Kind.RISK_REWARD, Kind.ATTRIBUTION, Kind.HISTORY);
    }

    @Test
    void aFirstRunWithoutAblationsHasNeitherAttributionNorHistory() {
        ExperimentResult story = ReportFixtures.story();
        ExperimentResult plain = new ExperimentResult("plain", story.dockerfile(), story.context(), story.settings(),
                story.engine(), story.startedAt(), story.variants().subList(0, 2));
        Analysis analysis = new Analyzer(Catalog.standard()).analyze(plain);

        assertThat(analysis.attribution()).isEmpty();
        assertThat(ReportCharts.available(analysis)).containsExactly(Kind.SIZE, Kind.PULL_SIZE, Kind.BUILD_TIME,
                Kind.LAYERS, Kind.RISK_REWARD);
    }

    @Test
    void nothingBuiltHasNoChartsButEachKindStillDrawsAnEmptyChart() throws Exception {
        VariantResult failed = VariantResult.notBuilt(new VariantSpec("original", Set.of()),
                VariantResult.Status.FAILED, "no base image", "FROM nowhere\n", List.of(1.0), List.of(), List.of(), "");
        ExperimentResult nothing = new ExperimentResult("nothing", "FROM nowhere\n", "/tmp", ExperimentSettings.defaults(),
                new EngineInfo("unix:///var/run/docker.sock", "28.2.2", "1.50", "linux/amd64", Builder.BUILDKIT), "2026-11-28T10:00:00Z",
                List.of(failed));
        Analysis analysis = new Analyzer(Catalog.standard()).analyze(nothing);

        assertThat(ReportCharts.available(analysis)).isEmpty();
        for (Kind kind : Kind.values()) {
            Document svg = parse(ReportCharts.svg(analysis, kind, WIDTH, HEIGHT));
            assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(text(svg)).as(kind.name()).contains(kind.title());
        }
    }

    // ------------------------------------------------------------ SVG

    @Test
    void everyChartOfTheStoryIsWellFormedSvgOfTheRequestedSize() throws Exception {
        for (Kind kind : ReportCharts.available(story)) {
            String svg = ReportCharts.svg(story, kind, WIDTH, HEIGHT);
            Element root = parse(svg).getDocumentElement();

            assertThat(root.getLocalName()).as(kind.name()).isEqualTo("svg");
            assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(Double.parseDouble(root.getAttribute("width"))).as(kind.name()).isEqualTo(WIDTH);
            assertThat(Double.parseDouble(root.getAttribute("height"))).as(kind.name()).isEqualTo(HEIGHT);
            assertThat(root.getAttribute("viewBox").split(" ")).extracting(Double::parseDouble)
                    .containsExactly(0.0, 0.0, (double) WIDTH, (double) HEIGHT);
            assertThat(root.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo(kind.title());
        }
    }

    @Test
    void theSvgSizeFollowsTheRequest() throws Exception {
        Element root = parse(ReportCharts.svg(story, Kind.SIZE, 480, 300)).getDocumentElement();

        assertThat(Double.parseDouble(root.getAttribute("width"))).isEqualTo(480);
        assertThat(Double.parseDouble(root.getAttribute("height"))).isEqualTo(300);
    }

    @Test
    void theChartsNameTheVariantsAndLabelTheirAxesWithUnits() throws Exception {
        String size = text(Kind.SIZE);
        assertThat(size).contains("Image size per variant", "Image size (GB)", "Variant", "original", "minimal",
                "maximum", "slim-base", "apt-clean-lists", "on disk", "compressed (pull)", "1.2 GB", "1.1 GB", "600.0 MB")
                .doesNotContain("alpine");
        assertThat(text(Kind.PULL_SIZE)).contains("Pull size (GB)", "420.0 MB · 33.6 s", "210.0 MB · 16.8 s",
                "100 Mbit/s").doesNotContain("alpine");
        assertThat(text(Kind.BUILD_TIME)).contains("Build time (min)", "6 min 2 s · 3 builds", "10 min · 3 builds",
                "6 min 40 s", "maximum").doesNotContain("alpine");
        assertThat(text(Kind.LAYERS)).contains("Image size (GB)", "3 layers", "oldest at the bottom", "minimal")
                .doesNotContain("apt-get", "alpine");
        assertThat(text(Kind.RISK_REWARD)).contains("Risk", "Size saved (% of the original)", "none", "low", "medium",
                "high", "original", "minimal", "maximum", "slim-base", "apt-clean-lists", "Pareto front",
                "not shown: alpine (broken)");
        assertThat(text(Kind.ATTRIBUTION)).contains("Image size (GB)", "original", "slim-base", "apt-clean-lists",
                "interaction and", "maximum", "3.1 GB", "\u22121.6 GB", "\u221250.0 MB",
                "\u2212850.0 MB", "600.0 MB", "multi-stage");
        assertThat(text(Kind.HISTORY)).contains("Run (UTC)", "Size (GB)", "Build (min)", "2026-11-14", "original",
                "minimal", "maximum");
    }

    @Test
    void textFromTheDataStaysTextInTheSvg() throws Exception {
        Analysis hostile = hostileAnalysis();
        assertThat(ReportCharts.available(hostile)).contains(Kind.SIZE, Kind.LAYERS, Kind.RISK_REWARD, Kind.HISTORY);

        for (Kind kind : ReportCharts.available(hostile)) {
            String svg = ReportCharts.svg(hostile, kind, WIDTH, HEIGHT);
            Document document = parse(svg);

            assertThat(svg.toLowerCase(Locale.ROOT)).as(kind.name()).doesNotContain("<script", "<img",
                    "<foreignobject", "javascript:");
            assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
            assertThat(document.getElementsByTagNameNS("*", "foreignObject").getLength()).isZero();
            assertNoEventHandlers(document.getDocumentElement());
            if (kind != Kind.ATTRIBUTION) { // the waterfall names optimizations, not variants
                // as text (a long category label is wrapped and cut, so look for its start)
                assertThat(text(document)).as(kind.name()).contains("<script>");
            }
        }
    }

    @Test
    void theSameInputGivesTheSameSvgByteForByte() {
        for (Kind kind : ReportCharts.available(story)) {
            String first = ReportCharts.svg(story, kind, WIDTH, HEIGHT);
            String second = ReportCharts.svg(ReportFixtures.storyAnalysis(), kind, WIDTH, HEIGHT);

            assertThat(second).as(kind.name()).isEqualTo(first);
        }
    }

    @Test
    void theSvgDoesNotDependOnTheDefaultLocaleOrTimeZone() {
        List<String> before = new ArrayList<>();
        for (Kind kind : ReportCharts.available(story)) {
            before.add(ReportCharts.svg(story, kind, WIDTH, HEIGHT));
        }
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            List<String> after = new ArrayList<>();
            for (Kind kind : ReportCharts.available(story)) {
                after.add(ReportCharts.svg(story, kind, WIDTH, HEIGHT));
            }
            assertThat(after).isEqualTo(before);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void theIdsOfEachChartArePrefixedSoChartsCanShareAPage() {
        Pattern idAttribute = Pattern.compile("\\bid='([^']*)'");
        Set<String> all = new HashSet<>();
        for (Kind kind : ReportCharts.available(story)) {
            Matcher m = idAttribute.matcher(ReportCharts.svg(story, kind, WIDTH, HEIGHT));
            List<String> ids = new ArrayList<>();
            while (m.find()) {
                ids.add(m.group(1));
            }
            assertThat(ids).as(kind.name()).isNotEmpty().allMatch(id -> id.startsWith("slimlab-" + kind.slug()));
            for (String id : ids) {
                assertThat(all.add(id)).as("id %s is used by one chart only", id).isTrue();
            }
        }
    }

    // ------------------------------------------------------------ PNG

    @Test
    void thePngIsAPngOfTheRequestedSize() throws IOException {
        for (Kind kind : ReportCharts.available(story)) {
            byte[] png = ReportCharts.png(story, kind, WIDTH, HEIGHT);

            assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).as(kind.name()).isEqualTo(WIDTH);
            assertThat(image.getHeight()).as(kind.name()).isEqualTo(HEIGHT);
            assertThat(image.getRGB(1, 1) & 0xffffff).as("white background").isEqualTo(0xffffff);
        }
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(ReportCharts.png(story, Kind.SIZE, 400, 250)));
        assertThat(small.getWidth()).isEqualTo(400);
        assertThat(small.getHeight()).isEqualTo(250);
    }

    // ------------------------------------------------------------ the numbers

    @Test
    void theSizeChartHoldsOnDiskAndCompressedBytesOfTheBuiltVariants() {
        CategoryDataset data = ReportCharts.chart(story, Kind.SIZE).getCategoryPlot().getDataset();

        assertThat(keys(data.getColumnKeys())).containsExactly("original", "minimal", "maximum", "slim-base",
                "apt-clean-lists");
        assertThat(keys(data.getRowKeys())).containsExactly(ReportCharts.ON_DISK, ReportCharts.COMPRESSED);
        assertThat(data.getValue(ReportCharts.ON_DISK, "minimal").doubleValue()).isEqualTo(1.2e9);
        assertThat(data.getValue(ReportCharts.COMPRESSED, "minimal").doubleValue()).isEqualTo(4.2e8);
        assertThat(data.getValue(ReportCharts.ON_DISK, "original").doubleValue()).isEqualTo(3.1e9);
    }

    @Test
    void thePullChartHoldsTheCompressedBytes() {
        CategoryDataset data = ReportCharts.chart(story, Kind.PULL_SIZE).getCategoryPlot().getDataset();

        assertThat(keys(data.getColumnKeys())).doesNotContain("alpine").hasSize(5);
        assertThat(data.getValue(ReportCharts.COMPRESSED, "maximum").doubleValue()).isEqualTo(2.1e8);
    }

    @Test
    void theBuildTimeChartHoldsMedianFastestAndSlowest() {
        JFreeChart chart = ReportCharts.chart(story, Kind.BUILD_TIME);
        ReportCharts.MedianRangeDataset data = (ReportCharts.MedianRangeDataset) chart.getCategoryPlot().getDataset();
        int minimal = data.getColumnIndex("minimal");

        assertThat(data.getValue(0, minimal).doubleValue()).isEqualTo(362.0);
        assertThat(data.getMin(0, minimal)).isEqualTo(355.0);
        assertThat(data.getMax(0, minimal)).isEqualTo(370.5);
        assertThat(chart.getCategoryPlot().getRangeAxis().getRange().getUpperBound())
                .as("the slowest build of maximum fits on the axis").isGreaterThanOrEqualTo(612.0);
        assertThat(keys(data.getColumnKeys())).doesNotContain("alpine");
    }

    @Test
    void theLayersChartStacksEachLayerOldestFirstUpToTheImageSize() {
        JFreeChart chart = ReportCharts.chart(story, Kind.LAYERS);
        CategoryDataset data = chart.getCategoryPlot().getDataset();

        assertThat(data.getRowCount()).isEqualTo(3);
        assertThat(data.getValue(0, data.getColumnIndex("minimal")).longValue()).isEqualTo(1_200_000_000L * 3 / 10);
        double stack = 0;
        for (int row = 0; row < data.getRowCount(); row++) {
            stack += data.getValue(row, data.getColumnIndex("minimal")).doubleValue();
        }
        assertThat(stack).isEqualTo(1.2e9);
        assertThat(chart.getLegend()).as("no legend of layer names").isNull();
        String tip = chart.getCategoryPlot().getRenderer().getDefaultToolTipGenerator()
                .generateToolTip(data, 1, data.getColumnIndex("minimal"));
        assertThat(tip).startsWith("minimal, layer 2 of 3: /bin/sh -c apt-get install").contains("600.0 MB");
    }

    @Test
    void theRiskChartPlacesWorkingVariantsAndJoinsExactlyTheParetoFront() {
        XYPlot plot = ReportCharts.chart(story, Kind.RISK_REWARD).getXYPlot();
        XYDataset points = plot.getDataset(0);
        XYDataset front = plot.getDataset(1);

        List<Assessment> working = story.variants().stream().filter(a -> a.built() && !a.failed()).toList();
        assertThat(points.getItemCount(0)).isEqualTo(working.size()).isEqualTo(5);
        for (int i = 0; i < working.size(); i++) {
            assertThat(points.getXValue(0, i)).isEqualTo(working.get(i).risk().ordinal());
            assertThat(points.getYValue(0, i)).isEqualTo(working.get(i).sizeSavedPercent());
        }
        assertThat(String.valueOf(front.getSeriesKey(0))).isEqualTo(ReportCharts.PARETO_FRONT);
        List<double[]> expected = story.variants().stream().filter(Assessment::paretoOptimal)
                .map(a -> new double[] {a.risk().ordinal(), a.sizeSavedPercent()})
                .sorted((a, b) -> Double.compare(a[0], b[0])).toList();
        assertThat(expected).as("the story's front: original, apt-clean-lists, minimal, maximum").hasSize(4);
        assertThat(front.getItemCount(0)).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(front.getXValue(0, i)).isEqualTo(expected.get(i)[0]);
            assertThat(front.getYValue(0, i)).isEqualTo(expected.get(i)[1]);
        }
        assertThat(((SymbolAxis) plot.getDomainAxis()).getSymbols())
                .containsExactly("none", "low", "medium", "high");
        assertThat(story.variant("maximum").orElseThrow().risk()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void theWaterfallLeadsFromTheOriginalThroughEachStepToTheTarget() {
        CategoryDataset data = ReportCharts.chart(story, Kind.ATTRIBUTION).getCategoryPlot().getDataset();
        Attribution attribution = story.attribution().orElseThrow();

        assertThat(keys(data.getColumnKeys())).containsExactly("original", "slim-base", "apt-clean-lists",
                ReportCharts.INTERACTION_AND_REST, "maximum");
        assertThat(data.getValue(0, 0).longValue()).isEqualTo(3_100_000_000L);
        assertThat(data.getValue(0, 1).longValue()).isEqualTo(-1_600_000_000L);
        assertThat(data.getValue(0, 2).longValue()).isEqualTo(-50_000_000L);
        assertThat(data.getValue(0, 3).longValue()).isEqualTo(-attribution.interactionBytes());
        long sum = 0;
        for (int c = 0; c < data.getColumnCount() - 1; c++) {
            sum += data.getValue(0, c).longValue();
        }
        assertThat(sum).isEqualTo(600_000_000L).isEqualTo(data.getValue(0, data.getColumnCount() - 1).longValue());
    }

    @Test
    void aWaterfallShowsAnInteractionThatGrowsTheImage() throws Exception {
        Attribution grows = new Attribution("maximum", 3_100_000_000L, 1_500_000_000L,
                List.of(new Attribution.Step("slim-base", 1_600_000_000L), new Attribution.Step("apt-clean-lists",
                        50_000_000L)), List.of(), 50_000_000L - 100_000_000L);
        Analysis analysis = new Analysis(story.experiment(), story.variants(), story.recommended(),
                story.recommendation(), Optional.of(grows));

        CategoryDataset data = ReportCharts.chart(analysis, Kind.ATTRIBUTION).getCategoryPlot().getDataset();

        assertThat(keys(data.getColumnKeys())).contains(ReportCharts.INTERACTION);
        assertThat(data.getValue(0, 3).longValue()).isEqualTo(50_000_000L);
        assertThat(text(parse(ReportCharts.svg(analysis, Kind.ATTRIBUTION, WIDTH, HEIGHT)))).contains("+50.0 MB");
    }

    @Test
    void theHistoryFollowsEachVariantAcrossTheRunsInDateOrder() {
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) ReportCharts.chart(story, Kind.HISTORY).getPlot();
        XYDataset sizes = plot.getSubplots().get(0).getDataset();
        XYDataset times = plot.getSubplots().get(1).getDataset();

        int minimal = seriesIndex(sizes, "minimal");
        assertThat(sizes.getItemCount(minimal)).isEqualTo(3);
        assertThat(List.of(sizes.getYValue(minimal, 0), sizes.getYValue(minimal, 1), sizes.getYValue(minimal, 2)))
                .containsExactly(1.26e9, 1.22e9, 1.2e9);
        assertThat(sizes.getXValue(minimal, 0)).isEqualTo(Instant.parse("2026-11-14T10:00:00Z").toEpochMilli());
        assertThat(times.getYValue(seriesIndex(times, "maximum"), 0)).isEqualTo(630.0);
        assertThat(sizes.getItemCount(seriesIndex(sizes, "slim-base"))).as("measured in the last run only").isEqualTo(1);
        assertThat(seriesIndex(sizes, "alpine")).as("never built").isNegative();
    }

    @Test
    void thePaletteIsTheAppsStyleSheet() {
        String css = Palette.LIGHT.lookedUpColours();
        assertThat(css).contains("-slim-accent: " + Palette.css(ChartPalette.ACCENT) + ";",
                "-slim-risk-low: " + Palette.css(ChartPalette.RISK_LOW) + ";",
                "-slim-risk-medium: " + Palette.css(ChartPalette.RISK_MEDIUM) + ";",
                "-slim-risk-high: " + Palette.css(ChartPalette.RISK_HIGH) + ";",
                "-slim-fg: " + Palette.css(ChartPalette.FOREGROUND) + ";");
    }

    @Test
    void tickLabelsAreAsShortAsTheyCanBe() {
        assertThat(ReportCharts.plain(2.5e9 / 1e9)).isEqualTo("2.5");
        assertThat(ReportCharts.plain(100.0)).isEqualTo("100");
        assertThat(new ReportCharts.ScaledFormat(1e9).format(1.5e9)).isEqualTo("1.5");
    }

    // ------------------------------------------------------------ helpers

    /**
     * The story with a variant named like an attack (as an edited experiment file could name it:
     * only a {@link VariantSpec} checks names) and its layer instructions full of markup.
     */
    private static Analysis hostileAnalysis() {
        ExperimentResult story = ReportFixtures.story();
        List<VariantResult> variants = new ArrayList<>(story.variants());
        VariantResult s = variants.get(3);
        variants.set(3, new VariantResult(ReportFixtures.HOSTILE, s.optimizations(), s.status(), s.error(),
                s.imageId(), s.sizeBytes(), s.compressedBytes(), s.estimatedPullSeconds(), s.layers(),
                s.buildSeconds(), s.steps(), s.efficiency(), s.wastedBytes(), s.userWastedPercent(),
                s.topWastedFiles(), s.packages(), s.dockerfile(), s.logTail(), s.logFile(), s.staging()));
        List<RunSummary> runs = new ArrayList<>(story.history());
        ExperimentResult renamed = new ExperimentResult(story.id(), story.dockerfile(), story.context(),
                story.settings(), story.engine(), story.startedAt(), variants, List.of());
        runs.set(runs.size() - 1, RunSummary.of(renamed));
        return new Analyzer(Catalog.standard()).analyze(new ExperimentResult(story.id(), story.dockerfile(),
                story.context(), story.settings(), story.engine(), story.startedAt(), variants, runs));
    }

    private String text(Kind kind) throws Exception {
        return text(parse(ReportCharts.svg(story, kind, WIDTH, HEIGHT)));
    }

    /** The text of every {@code <text>} element, one a line. */
    private static String text(Document svg) {
        NodeList texts = svg.getElementsByTagNameNS("*", "text");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            out.append(texts.item(i).getTextContent()).append('\n');
        }
        NodeList titles = svg.getElementsByTagNameNS("*", "title");
        for (int i = 0; i < titles.getLength(); i++) {
            out.append(titles.item(i).getTextContent()).append('\n');
        }
        return out.toString();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static void assertNoEventHandlers(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getLocalName() == null ? attributes.item(i).getNodeName()
                    : attributes.item(i).getLocalName();
            assertThat(name.toLowerCase(Locale.ROOT)).as("attribute of <%s>", element.getTagName())
                    .doesNotStartWith("on");
            String value = attributes.item(i).getNodeValue().toLowerCase(Locale.ROOT);
            assertThat(value).doesNotContain("javascript:");
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                assertNoEventHandlers(child);
            }
        }
    }

    /** A dataset's keys (JFreeChart gives a raw list) as strings. */
    private static List<String> keys(List<?> raw) {
        return raw.stream().map(String::valueOf).toList();
    }

    private static int seriesIndex(XYDataset data, String key) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (data.getSeriesKey(s).equals(key)) {
                return s;
            }
        }
        return -1;
    }
}
