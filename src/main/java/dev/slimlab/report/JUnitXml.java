package dev.slimlab.report;

import static dev.slimlab.report.Markup.escape;

import dev.slimlab.analysis.Budgets;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Staging test results as JUnit XML, the format CI servers read: one {@code testsuite} per
 * variant, one {@code testcase} per test (its kind as the class name), a {@code failure} for a
 * test that failed, an {@code error} for one that could not run or a check that could not be
 * made. Everything from a container is escaped, and characters XML cannot carry are replaced.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    /** {@code results}: variant name → its staging result, in the order to write them. */
    public static String write(Map<String, StagingResult> results) {
        return write(results, List.of());
    }

    /** The staging results, then a testsuite "budgets" with a testcase per CI budget (when there are any). */
    public static String write(Map<String, StagingResult> results, List<Budgets.Check> budgets) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = 0;
        long failures = 0;
        long errors = 0;
        double time = 0;
        StringBuilder suites = new StringBuilder();
        for (Map.Entry<String, StagingResult> entry : results.entrySet()) {
            StagingResult result = entry.getValue();
            long suiteFailures = count(result, TestOutcome.Status.FAILED);
            long suiteErrors = count(result, TestOutcome.Status.ERROR) + result.problems().size();
            long suiteTests = result.tests().size() + result.problems().size();
            double suiteTime = result.tests().stream().mapToDouble(TestOutcome::seconds).sum();
            tests += suiteTests;
            failures += suiteFailures;
            errors += suiteErrors;
            time += suiteTime;
            suites.append("  <testsuite name=\"").append(escape(entry.getKey())).append("\" tests=\"").append(suiteTests)
                    .append("\" failures=\"").append(suiteFailures).append("\" errors=\"").append(suiteErrors)
                    .append("\" skipped=\"0\" time=\"").append(seconds(suiteTime)).append("\">\n");
            for (TestOutcome test : result.tests()) {
                suites.append("    <testcase classname=\"").append(escape(entry.getKey() + "." + test.kind()))
                        .append("\" name=\"").append(escape(test.name())).append("\" time=\"")
                        .append(seconds(test.seconds())).append("\"");
                if (test.passed() && test.output().isEmpty()) {
                    suites.append("/>\n");
                    continue;
                }
                suites.append(">\n");
                if (!test.passed()) {
                    String element = test.status() == TestOutcome.Status.FAILED ? "failure" : "error";
                    suites.append("      <").append(element).append(" message=\"")
                            .append(escape(test.message().lines().findFirst().orElse(""))).append("\" type=\"")
                            .append(test.status().name().toLowerCase(Locale.ROOT)).append("\">")
                            .append(escape(test.message())).append("</").append(element).append(">\n");
                }
                if (!test.output().isEmpty()) {
                    suites.append("      <system-out>").append(escape(test.output())).append("</system-out>\n");
                }
                suites.append("    </testcase>\n");
            }
            for (String problem : result.problems()) {
                suites.append("    <testcase classname=\"").append(escape(entry.getKey() + ".staging"))
                        .append("\" name=\"staging checks\" time=\"0.000\">\n      <error message=\"")
                        .append(escape(problem)).append("\" type=\"error\">").append(escape(problem))
                        .append("</error>\n    </testcase>\n");
            }
            suites.append("  </testsuite>\n");
        }
        if (!budgets.isEmpty()) {
            long missed = budgets.stream().filter(b -> !b.passed()).count();
            tests += budgets.size();
            failures += missed;
            suites.append("  <testsuite name=\"budgets\" tests=\"").append(budgets.size()).append("\" failures=\"")
                    .append(missed).append("\" errors=\"0\" skipped=\"0\" time=\"0.000\">\n");
            for (Budgets.Check b : budgets) {
                suites.append("    <testcase classname=\"budgets\" name=\"").append(escape(b.name() + " (" + b.variant() + ")"))
                        .append("\" time=\"0.000\"");
                if (b.passed()) {
                    suites.append("/>\n");
                } else {
                    suites.append(">\n      <failure message=\"").append(escape(b.message())).append("\" type=\"budget\">")
                            .append(escape("limit " + b.limit() + ", measured " + b.actual())).append("</failure>\n")
                            .append("    </testcase>\n");
                }
            }
            suites.append("  </testsuite>\n");
        }
        xml.append("<testsuites name=\"slimlab\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" time=\"").append(seconds(time)).append("\">\n")
                .append(suites).append("</testsuites>\n");
        return xml.toString();
    }

    private static long count(StagingResult result, TestOutcome.Status status) {
        return result.tests().stream().filter(t -> t.status() == status).count();
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
