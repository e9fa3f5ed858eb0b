package dev.slimlab.report;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Formats;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.analysis.StepTimeline;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.optimize.UnifiedDiff;
import java.util.List;

/**
 * The experiment as Markdown for a pull-request comment: the verdict, the risk/reward table, and
 * each variant's details folded away. Text from users and builds is escaped for table cells and
 * fenced safely in code blocks, so that it renders as text on GitHub or GitLab.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Analysis analysis, List<Budgets.Check> budgets) {
        StringBuilder md = new StringBuilder();
        md.append("## SlimLab: ").append(inline(analysis.experiment().id())).append("\n\n");
        md.append("**").append(inline(analysis.recommendation())).append("**\n\n");
        String builtWith = Figures.builtWith(analysis.experiment());
        if (!builtWith.isEmpty()) {
            md.append(inline(builtWith)).append(".\n\n");
        }
        md.append("| Variant | Size | Change | Pull size | Build time | Tests | Parity (high/medium/low) | Risk | Verdict |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Assessment a : analysis.variants()) {
            boolean recommended = analysis.recommended().filter(a.name()::equals).isPresent();
            md.append("| ").append(recommended ? "**" + inline(a.name()) + "**" : inline(a.name()))
                    .append(" | ").append(Figures.size(a))
                    .append(" | ").append(Figures.change(a))
                    .append(" | ").append(Figures.pull(a))
                    .append(" | ").append(Figures.buildTime(a))
                    .append(" | ").append(Figures.tests(a))
                    .append(" | ").append(Figures.parity(a))
                    .append(" | ").append(a.risk().label())
                    .append(" | ").append(a.verdict().label()).append(": ").append(inline(a.reason()))
                    .append(" |\n");
        }
        if (!budgets.isEmpty()) {
            md.append("\n**Budgets**\n\n");
            for (Budgets.Check check : budgets) {
                md.append("- ").append(check.passed() ? "✅ " : "❌ ").append(inline(check.message())).append('\n');
            }
        }
        analysis.attribution().ifPresent(attribution -> {
            md.append("\n<details><summary>What each optimization saves on its own</summary>\n\n");
            md.append("| Step | Size change |\n|---|---:|\n");
            md.append("| original | ").append(Formats.size(attribution.originalBytes())).append(" |\n");
            attribution.steps().forEach(step -> md.append("| ").append(inline(step.optimization())).append(" alone | ")
                    .append(Formats.signedSize(-step.savedBytes())).append(" |\n"));
            md.append("| the rest: combining them, and the optimizations not measured alone | ").append(Formats.signedSize(-attribution.interactionBytes())).append(" |\n");
            md.append("| ").append(inline(attribution.target())).append(" | ")
                    .append(Formats.size(attribution.targetBytes())).append(" |\n");
            if (!attribution.unmeasured().isEmpty()) {
                md.append("\nNot measured alone: ").append(inline(String.join(", ", attribution.unmeasured()))).append('\n');
            }
            md.append("\n</details>\n");
        });
        String originalDockerfile = analysis.experiment().dockerfile();
        for (Assessment a : analysis.variants()) {
            VariantResult v = analysis.experiment().variants().stream().filter(r -> r.name().equals(a.name()))
                    .findFirst().orElseThrow();
            md.append("\n<details><summary>").append(html(a.name())).append(": ").append(html(a.verdict().label()))
                    .append("</summary>\n\n");
            md.append("- Optimizations: ").append(a.optimizations().isEmpty() ? "none"
                    : inline(String.join(", ", a.optimizations().stream().sorted().toList()))).append('\n');
            md.append("- Risk: ").append(a.risk().label());
            a.riskReasons().forEach(r -> md.append("; ").append(inline(r)));
            md.append('\n');
            if (a.built()) {
                md.append("- Layers: ").append(a.layers()).append(", efficiency ")
                        .append(Formats.percent(100 * a.efficiency()))
                        .append(", wasted ").append(Formats.size(a.wastedBytes())).append('\n');
            } else {
                md.append("- Error: ").append(inline(v.error().orElse(""))).append('\n');
            }
            v.staging().ifPresent(staging -> {
                List<TestOutcome> failing = staging.tests().stream().filter(t -> !t.passed()).toList();
                failing.forEach(t -> md.append("- Test ").append(t.status().name().toLowerCase(java.util.Locale.ROOT))
                        .append(": ").append(inline(t.name())).append(" — ").append(inline(t.message())).append('\n'));
                staging.parity().stream().filter(f -> f.severity() != ParityFinding.Severity.INFO).limit(20)
                        .forEach(f -> md.append("- Parity ").append(f.severity().label()).append(": ")
                                .append(inline(f.message())).append('\n'));
                if (staging.parity().size() > 20) {
                    md.append("- … and ").append(staging.parity().size() - 20).append(" more parity findings\n");
                }
                staging.problems().forEach(p -> md.append("- Not checked: ").append(inline(p)).append('\n'));
            });
            if (a.built()) {
                slowestSteps(md, StepTimeline.of(v.steps()));
            }
            if (!a.optimizations().isEmpty()) {
                String diff = UnifiedDiff.diff("a/Dockerfile", "b/Dockerfile", originalDockerfile, v.dockerfile());
                if (!diff.isEmpty()) {
                    md.append('\n').append(fenced("diff", diff));
                }
            }
            if (!a.built() && !v.logTail().isEmpty()) {
                md.append('\n').append(fenced("text", String.join("\n", v.logTail()) + "\n"));
            }
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    /** The five steps that took longest (never a cached one: it took no time), and when each started. */
    private static void slowestSteps(StringBuilder md, StepTimeline timeline) {
        List<StepTimeline.Row> slowest = timeline.slowest(5);
        if (slowest.isEmpty()) {
            return;
        }
        md.append("\n**Slowest steps**\n\n| Step | Seconds | Started at | In parallel |\n|---|---:|---:|---|\n");
        for (StepTimeline.Row row : slowest) {
            md.append("| ").append(inline(row.label())).append(" | ").append(Formats.duration(row.seconds()))
                    .append(" | ").append(Formats.duration(row.startSeconds())).append(" | ")
                    .append(row.parallel() ? "yes" : "no").append(" |\n");
        }
        md.append('\n').append(inline(timeline.summary())).append('\n');
    }

    /** Text for a table cell or a line: no line breaks, no pipes, no markup. */
    static String inline(String text) {
        return html(text).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace("|", "\\|")
                .replace("`", "\\`").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]");
    }

    /** What GitHub would read as HTML, escaped. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A code block whose fence is longer than any run of backticks in the text, so it cannot be closed early. */
    static String fenced(String language, String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + language + "\n" + text + (text.endsWith("\n") ? "" : "\n") + fence + "\n";
    }
}
