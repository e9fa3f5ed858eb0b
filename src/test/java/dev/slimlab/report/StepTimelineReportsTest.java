package dev.slimlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Analyzer;
import dev.slimlab.analysis.StepTimeline;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.optimize.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Where the build time went, in the HTML, Markdown and JSON reports of the story's experiment. */
class StepTimelineReportsTest {

    private static final String MINIMAL_TIMELINE =
            "//details[@id='variant-minimal']//*[local-name()='svg'][@class='timeline']";

    private final Analysis analysis = ReportFixtures.storyAnalysis();
    private final String html = HtmlReport.render(analysis, HtmlReportTest.FAKE_CHARTS);

    @Test
    void drawsOneBarPerStepPlacedAndSizedByItsStartAndDuration() throws Exception {
        List<Element> steps = elements(HtmlReportTest.parse(html), MINIMAL_TIMELINE + "/*[local-name()='g']"
                + "[contains(concat(' ',@class,' '),' step ')]");
        List<StepTimeline.Row> rows = StepTimeline.of(ReportFixtures.BUILDKIT_STEPS).rows();
        assertThat(steps).hasSize(rows.size()).hasSize(11);

        double origin = attribute(bar(steps.get(0)), "x"); // the first step starts the build
        double scale = attribute(bar(steps.get(6)), "width") / rows.get(6).seconds();
        for (int i = 0; i < rows.size(); i++) {
            StepTimeline.Row row = rows.get(i);
            Element bar = bar(steps.get(i));
            assertThat(attribute(bar, "x")).as(row.name()).isCloseTo(origin + row.startSeconds() * scale, within(0.01));
            if (!row.cached()) {
                assertThat(attribute(bar, "width")).as(row.name()).isCloseTo(row.seconds() * scale, within(0.01));
            }
        }
        // the builder's pip install and the final stage's apt-get overlap on the axis
        Element pip = bar(steps.get(6));
        Element apt = bar(steps.get(7));
        assertThat(attribute(apt, "x")).isLessThan(attribute(pip, "x") + attribute(pip, "width"));
    }

    @Test
    void marksCachedParallelAndSlowestStepsInClassAndWords() throws Exception {
        Document doc = HtmlReportTest.parse(html);
        List<Element> steps = elements(doc, MINIMAL_TIMELINE + "/*[local-name()='g'][contains(@class,'step')]");

        assertThat(steps.stream().filter(g -> g.getAttribute("class").contains("cached")))
                .hasSize(3).allMatch(g -> text(g, "value").equals("cached"));
        assertThat(steps.stream().filter(g -> g.getAttribute("class").contains("parallel")))
                .extracting(g -> text(g, "value")).containsExactly("24.5 s, parallel", "9.2 s, parallel");
        assertThat(steps.stream().filter(g -> g.getAttribute("class").contains("slowest")))
                .extracting(g -> text(g, "value")).containsExactly("24.5 s, parallel", "9.2 s, parallel", "2.1 s");
        assertThat(XPathFactory.newInstance().newXPath().evaluate(
                "//details[@id='variant-minimal']//p[@class='timeline-summary']", doc))
                .isEqualTo(StepTimeline.of(ReportFixtures.BUILDKIT_STEPS).summary())
                .contains("3 cached. 2 steps ran in parallel.");
    }

    @Test
    void escapesStepNamesAndKeepsTheWholeNameInTheTooltip() throws Exception {
        assertThat(ReportFixtures.HOSTILE_STEP).contains("<script>&\"");
        assertThat(html).doesNotContain("<script>&").contains("echo \"&lt;script&gt;&amp;\"");
        Element pip = elements(HtmlReportTest.parse(html), MINIMAL_TIMELINE + "/*[local-name()='g']").get(7);
        Element title = (Element) pip.getElementsByTagName("title").item(0);
        assertThat(title.getTextContent()).isEqualTo(ReportFixtures.HOSTILE_STEP
                + "\nstarted at 0.8 s, took 24.5 s, in parallel with another step");
        assertThat(text(pip, "label")).endsWith("\u2026").hasSize(StepTimeline.LABEL_LENGTH);
    }

    @Test
    void saysWhichBuilderBuiltTheImagesAndWhatTheTimesMeasure() throws Exception {
        assertThat(header(html)).contains("Images built with BuildKit");

        ExperimentResult story = ReportFixtures.story();
        ExperimentResult classic = new ExperimentResult(story.id(), story.dockerfile(), story.context(),
                story.settings().withRebuildsAfterChanging(3, Optional.of("app.py")),
                story.engine().withBuilder(Builder.CLASSIC), story.startedAt(), story.variants());
        String rebuilt = HtmlReport.render(new Analyzer(Catalog.standard()).analyze(classic),
                HtmlReportTest.FAKE_CHARTS);

        assertThat(header(rebuilt)).contains(
                "Images built with the classic builder; the build times are warm rebuilds after changing app.py");
        assertThat(rebuilt).contains("2 steps ran in parallel. Steps of the first build.</p>");
    }

    @Test
    void markdownListsTheFiveSlowestStepsOfEachBuiltVariant() {
        String md = MarkdownReport.render(analysis, List.of());
        String minimal = md.substring(md.indexOf("<summary>minimal"), md.indexOf("<summary>maximum"));

        assertThat(md).contains("Images built with BuildKit.\n");
        assertThat(minimal).contains("""
                | Step | Seconds | Started at | In parallel |
                |---|---:|---:|---|
                | \\[builder 3/3\\] RUN pip install --prefix=/ins… | 24.5 s | 0.8 s | yes |
                | \\[stage-1 2/4\\] RUN apt-get update &amp;&amp; apt-get… | 9.2 s | 0.8 s | yes |
                | exporting to image | 2.1 s | 27.0 s | no |
                | \\[stage-1 3/4\\] COPY --from=builder /install … | 1.4 s | 25.3 s | no |
                | \\[internal\\] load metadata for docker.io/libr… | 0.6 s | 0.0 s | no |
                """);
        String alpine = md.substring(md.indexOf("<summary>alpine"));
        assertThat(alpine).doesNotContain("Slowest steps");
    }

    @Test
    void jsonGivesEachVariantsStepsWithWhetherTheyRanInParallel() throws Exception {
        JsonNode variants = new ObjectMapper().readTree(JsonReport.render(analysis, List.of()))
                .path("analysis").path("variants");
        JsonNode steps = variants.get(1).path("steps");

        assertThat(variants.get(1).path("name").asText()).isEqualTo("minimal");
        assertThat(steps).hasSize(11);
        assertThat(steps.get(6).path("instruction").asText()).isEqualTo(ReportFixtures.HOSTILE_STEP);
        assertThat(steps.get(6).path("startSeconds").asDouble()).isEqualTo(0.8);
        assertThat(steps.get(6).path("seconds").asDouble()).isEqualTo(24.5);
        List<Integer> parallel = new ArrayList<>();
        steps.forEach(s -> {
            if (s.path("parallel").asBoolean()) {
                parallel.add(s.path("number").asInt());
            }
        });
        assertThat(parallel).containsExactly(7, 8);
        assertThat(steps.get(3).path("cached").asBoolean()).isTrue();
    }

    // ---- reading the SVG back

    private static List<Element> elements(Document doc, String xpath) throws Exception {
        NodeList list = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static Element bar(Element step) {
        return (Element) step.getElementsByTagName("rect").item(0);
    }

    private static double attribute(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    private static String text(Element step, String kind) {
        NodeList texts = step.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            if (((Element) texts.item(i)).getAttribute("class").equals(kind)) {
                return texts.item(i).getTextContent();
            }
        }
        throw new AssertionError("no " + kind + " in the step");
    }

    private static String header(String page) {
        return page.substring(page.indexOf("<header"), page.indexOf("</header>"));
    }
}
