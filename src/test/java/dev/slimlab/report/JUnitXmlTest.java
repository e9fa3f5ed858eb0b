package dev.slimlab.report;

import static org.assertj.core.api.Assertions.assertThat;

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
}
