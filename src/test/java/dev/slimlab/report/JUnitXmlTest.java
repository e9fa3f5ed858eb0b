package dev.slimlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.analysis.Budgets;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.TestOutcome.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneSuitePerVariantWithFailuresErrorsAndCounts() throws Exception {
        Map<String, StagingResult> results = new LinkedHashMap<>();
        results.put("original", new StagingResult(List.of(
                new TestOutcome("command", "version", Status.PASSED, 0.25, "", ""),
                new TestOutcome("http", "web GET /health", Status.PASSED, 1.5, "", "ok\n")), List.of(), List.of()));
        results.put("maximum", new StagingResult(List.of(
                new TestOutcome("command", "version", Status.FAILED, 0.5, "exit code 1, expected 0\nsecond reason", "boom"),
                new TestOutcome("fileExistence", "firefox", Status.ERROR, 0.1, "cannot start", "")), List.of(),
                List.of("the suite could not run: no shell")));
        Document xml = parse(JUnitXml.write(results));
        Element root = xml.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("5");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("2");
        assertThat(root.getAttribute("time")).isEqualTo("2.350");
        Element maximum = (Element) xml.getElementsByTagName("testsuite").item(1);
        assertThat(maximum.getAttribute("name")).isEqualTo("maximum");
        assertThat(maximum.getAttribute("failures")).isEqualTo("1");
        assertThat(maximum.getAttribute("errors")).isEqualTo("2");
        Element failure = (Element) maximum.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("exit code 1, expected 0");
        assertThat(failure.getTextContent()).isEqualTo("exit code 1, expected 0\nsecond reason");
        assertThat(((Element) maximum.getElementsByTagName("testcase").item(0)).getAttribute("classname"))
                .isEqualTo("maximum.command");
        assertThat(maximum.getElementsByTagName("error").getLength()).isEqualTo(2);
    }

    @Test
    void whatAContainerPrintedCannotBreakOrInjectIntoTheXml() throws Exception {
        String hostile = "</system-out><script>alert(1)</script>]]>&amp; \"quoted\" 'single' \u0001\u001b[31m \uD800 ok";
        String xml = JUnitXml.write(Map.of("v<1>", new StagingResult(List.of(
                new TestOutcome("command", "name \"with\" <tags>", Status.FAILED, 0, hostile, hostile)), List.of(),
                List.of())));
        Document doc = parse(xml);
        Element out = (Element) doc.getElementsByTagName("system-out").item(0);
        assertThat(out.getTextContent()).isEqualTo("</system-out><script>alert(1)</script>]]>&amp; \"quoted\" 'single'"
                + " \uFFFD\uFFFD[31m \uFFFD ok");
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("name")).isEqualTo("v<1>");
        assertThat(((Element) doc.getElementsByTagName("testcase").item(0)).getAttribute("name"))
                .isEqualTo("name \"with\" <tags>");
    }

    @Test
    void theDocumentParsesBackWithEveryCountAndEveryMessageAsWrittenMinusWhatXmlCannotCarry() throws Exception {
        String message = "expected <ok> & \"done\" 'yes'\u0007\u001b[0m";
        String problem = "the suite <could not> run & \"stopped\"\u0000 here";
        Map<String, StagingResult> results = new LinkedHashMap<>();
        results.put("a&b", new StagingResult(List.of(
                new TestOutcome("command", "passes", Status.PASSED, 0.125, "", ""),
                new TestOutcome("command", "fails <1>", Status.FAILED, 1, message + "\nsecond <line>", "out & \u0008err"),
                new TestOutcome("http", "cannot run", Status.ERROR, 0, "no \"port\"", "")), List.of(), List.of(problem)));
        List<Budgets.Check> budgets = List.of(
                new Budgets.Check("max size", "a&b", "1 GB", "2 GB", false, "size <2 GB> & \"over\""),
                new Budgets.Check("min efficiency", "a&b", "0.9", "0.95", true, "met"));

        Document xml = parse(JUnitXml.write(results, budgets));

        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(List.of(root.getAttribute("tests"), root.getAttribute("failures"), root.getAttribute("errors"),
                root.getAttribute("time"))).containsExactly("6", "2", "2", "1.125");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element suite = (Element) suites.item(0);
        assertThat(List.of(suite.getAttribute("name"), suite.getAttribute("tests"), suite.getAttribute("failures"),
                suite.getAttribute("errors"), suite.getAttribute("skipped"), suite.getAttribute("time")))
                .containsExactly("a&b", "4", "1", "2", "0", "1.125");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        assertThat(((Element) cases.item(0)).getChildNodes().getLength()).isZero();
        Element failing = (Element) cases.item(1);
        assertThat(failing.getAttribute("classname")).isEqualTo("a&b.command");
        assertThat(failing.getAttribute("name")).isEqualTo("fails <1>");
        Element failure = (Element) failing.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("expected <ok> & \"done\" 'yes'\uFFFD\uFFFD[0m");
        assertThat(failure.getAttribute("type")).isEqualTo("failed");
        assertThat(failure.getTextContent()).isEqualTo("expected <ok> & \"done\" 'yes'\uFFFD\uFFFD[0m\nsecond <line>");
        assertThat(failing.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("out & \uFFFDerr");
        Element error = (Element) ((Element) cases.item(2)).getElementsByTagName("error").item(0);
        assertThat(List.of(error.getAttribute("message"), error.getAttribute("type"), error.getTextContent()))
                .containsExactly("no \"port\"", "error", "no \"port\"");
        Element staging = (Element) cases.item(3);
        assertThat(staging.getAttribute("classname")).isEqualTo("a&b.staging");
        Element stagingError = (Element) staging.getElementsByTagName("error").item(0);
        assertThat(stagingError.getAttribute("message")).isEqualTo("the suite <could not> run & \"stopped\"\uFFFD here");
        assertThat(stagingError.getTextContent()).isEqualTo("the suite <could not> run & \"stopped\"\uFFFD here");

        Element budgetSuite = (Element) suites.item(1);
        assertThat(List.of(budgetSuite.getAttribute("name"), budgetSuite.getAttribute("tests"),
                budgetSuite.getAttribute("failures"), budgetSuite.getAttribute("errors")))
                .containsExactly("budgets", "2", "1", "0");
        Element missed = (Element) budgetSuite.getElementsByTagName("testcase").item(0);
        assertThat(missed.getAttribute("name")).isEqualTo("max size (a&b)");
        Element budgetFailure = (Element) missed.getElementsByTagName("failure").item(0);
        assertThat(List.of(budgetFailure.getAttribute("message"), budgetFailure.getAttribute("type"),
                budgetFailure.getTextContent())).containsExactly("size <2 GB> & \"over\"", "budget",
                "limit 1 GB, measured 2 GB");
        assertThat(((Element) budgetSuite.getElementsByTagName("testcase").item(1)).getChildNodes().getLength()).isZero();
    }

    @Test
    void onlyWhatXmlCannotCarryIsReplacedBeforeTheWriterEscapes() {
        assertThat(Markup.xmlChars("<a & \"b\">\t\n\r \u00e9 \uD83D\uDC33")).isEqualTo("<a & \"b\">\t\n\r \u00e9 \uD83D\uDC33");
        assertThat(Markup.xmlChars("\u0000\u001b[1m\uD800 \uFFFE")).isEqualTo("\uFFFD\uFFFD[1m\uFFFD \uFFFD");
        assertThat(Markup.xmlChars(null)).isEmpty();
    }
}
