package dev.slimlab.report;

import dev.slimlab.analysis.Budgets;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Staging test results as JUnit XML, the format CI servers read: one {@code testsuite} per
 * variant, one {@code testcase} per test (its kind as the class name), a {@code failure} for a
 * test that failed, an {@code error} for one that could not run or a check that could not be
 * made. The JDK's {@link XMLStreamWriter} writes the document and does all the escaping; what
 * XML cannot carry at all (terminal escapes, lone surrogates) is replaced before it gets there
 * ({@link Markup#xmlChars}). The indentation is written here, since the writer does not indent.
 */
public final class JUnitXml {

    private final XMLStreamWriter xml;

    private JUnitXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** {@code results}: variant name → its staging result, in the order to write them. */
    public static String write(Map<String, StagingResult> results) {
        return write(results, List.of());
    }

    /** The staging results, then a testsuite "budgets" with a testcase per CI budget (when there are any). */
    public static String write(Map<String, StagingResult> results, List<Budgets.Check> budgets) {
        StringWriter out = new StringWriter();
        try {
            // the JDK's own writer, whatever StAX implementation the class path brings: the output stays the same
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            new JUnitXml(xml).document(results, budgets);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private void document(Map<String, StagingResult> results, List<Budgets.Check> budgets) throws XMLStreamException {
        long tests = 0;
        long failures = 0;
        long errors = 0;
        double time = 0;
        for (StagingResult result : results.values()) {
            tests += tests(result);
            failures += failures(result);
            errors += errors(result);
            time += seconds(result);
        }
        tests += budgets.size();
        failures += missed(budgets);

        xml.writeStartDocument("UTF-8", "1.0");
        newline(0);
        xml.writeStartElement("testsuites");
        attribute("name", "slimlab");
        attribute("tests", tests);
        attribute("failures", failures);
        attribute("errors", errors);
        attribute("time", seconds(time));
        for (Map.Entry<String, StagingResult> entry : results.entrySet()) {
            newline(2);
            suite(entry.getKey(), entry.getValue());
        }
        if (!budgets.isEmpty()) {
            newline(2);
            budgets(budgets);
        }
        newline(0);
        xml.writeEndElement();
        newline(0);
        xml.writeEndDocument();
    }

    private void suite(String variant, StagingResult result) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        attribute("name", variant);
        attribute("tests", tests(result));
        attribute("failures", failures(result));
        attribute("errors", errors(result));
        attribute("skipped", 0);
        attribute("time", seconds(seconds(result)));
        for (TestOutcome test : result.tests()) {
            newline(4);
            boolean empty = test.passed() && test.output().isEmpty();
            testcase(empty, variant + "." + test.kind(), test.name(), test.seconds());
            if (empty) {
                continue;
            }
            if (!test.passed()) {
                newline(6);
                problem(test.status() == TestOutcome.Status.FAILED ? "failure" : "error",
                        test.message().lines().findFirst().orElse(""), test.status().name().toLowerCase(Locale.ROOT),
                        test.message());
            }
            if (!test.output().isEmpty()) {
                newline(6);
                xml.writeStartElement("system-out");
                text(test.output());
                xml.writeEndElement();
            }
            newline(4);
            xml.writeEndElement();
        }
        for (String problem : result.problems()) {
            newline(4);
            testcase(false, variant + ".staging", "staging checks", 0);
            newline(6);
            problem("error", problem, "error", problem);
            newline(4);
            xml.writeEndElement();
        }
        newline(2);
        xml.writeEndElement();
    }

    private void budgets(List<Budgets.Check> budgets) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        attribute("name", "budgets");
        attribute("tests", budgets.size());
        attribute("failures", missed(budgets));
        attribute("errors", 0);
        attribute("skipped", 0);
        attribute("time", seconds(0));
        for (Budgets.Check b : budgets) {
            newline(4);
            testcase(b.passed(), "budgets", b.name() + " (" + b.variant() + ")", 0);
            if (!b.passed()) {
                newline(6);
                problem("failure", b.message(), "budget", "limit " + b.limit() + ", measured " + b.actual());
                newline(4);
                xml.writeEndElement();
            }
        }
        newline(2);
        xml.writeEndElement();
    }

    /** A testcase's start tag, or the whole testcase when {@code empty}. */
    private void testcase(boolean empty, String classname, String name, double seconds) throws XMLStreamException {
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        attribute("classname", classname);
        attribute("name", name);
        attribute("time", seconds(seconds));
    }

    /** A {@code failure} or {@code error} element. */
    private void problem(String element, String message, String type, String details) throws XMLStreamException {
        xml.writeStartElement(element);
        attribute("message", message);
        attribute("type", type);
        text(details);
        xml.writeEndElement();
    }

    private void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, Markup.xmlChars(value));
    }

    private void attribute(String name, long value) throws XMLStreamException {
        xml.writeAttribute(name, Long.toString(value));
    }

    private void text(String text) throws XMLStreamException {
        xml.writeCharacters(Markup.xmlChars(text));
    }

    /** A line break, then the next line's indentation. */
    private void newline(int indent) throws XMLStreamException {
        xml.writeCharacters("\n" + " ".repeat(indent));
    }

    private static long tests(StagingResult result) {
        return result.tests().size() + result.problems().size();
    }

    private static long failures(StagingResult result) {
        return count(result, TestOutcome.Status.FAILED);
    }

    private static long errors(StagingResult result) {
        return count(result, TestOutcome.Status.ERROR) + result.problems().size();
    }

    private static double seconds(StagingResult result) {
        return result.tests().stream().mapToDouble(TestOutcome::seconds).sum();
    }

    private static long missed(List<Budgets.Check> budgets) {
        return budgets.stream().filter(b -> !b.passed()).count();
    }

    private static long count(StagingResult result, TestOutcome.Status status) {
        return result.tests().stream().filter(t -> t.status() == status).count();
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
