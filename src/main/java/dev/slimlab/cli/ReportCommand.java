package dev.slimlab.cli;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.experiment.store.ExperimentFileException;
import dev.slimlab.report.ReportFormat;
import dev.slimlab.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slimlab report EXPERIMENT.json --format html --out report.html}: renders a saved experiment. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {"Render a saved experiment (slimlab run --out) as a report: html (one self-contained file),"
                + " md (for a pull-request comment), csv (a row per variant), json (everything) or junit (staging"
                + " tests and budgets).",
            "Exit codes: 0 written (1 with budgets when one is missed), 1 the file cannot be read or written,"
                + " 2 bad usage."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SlimLabCommand root;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "An experiment file written by slimlab run --out.")
    Path experiment;

    @Option(names = "--format", required = true, paramLabel = "html|md|csv|json|junit", description = "The report format.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: standard output).")
    Path out;

    @Mixin
    BudgetOptions budgetOptions;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat reportFormat;
        Budgets budgets;
        try {
            reportFormat = ReportFormat.parse(format);
            budgets = budgetOptions.budgets();
        } catch (IllegalArgumentException e) {
            err.println("slimlab report: " + e.getMessage());
            return SlimLabCommand.EXIT_USAGE;
        }
        Analysis analysis;
        try {
            analysis = root.service().analyze(root.service().store().load(experiment));
        } catch (ExperimentFileException e) {
            err.println("slimlab report: " + e.getMessage());
            return SlimLabCommand.EXIT_FAILURE;
        }
        List<Budgets.Check> checks = budgets.check(analysis);
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(Reports.render(analysis, reportFormat, checks));
            stdout.flush();
        } else {
            try {
                root.service().exporter().report(analysis, reportFormat, checks, out);
            } catch (IOException e) {
                err.println("slimlab report: cannot write " + out + ": " + e.getMessage());
                return SlimLabCommand.EXIT_FAILURE;
            }
            err.println("slimlab report: wrote " + out);
        }
        return RunCommand.reportBudgets(checks, err) ? 0 : SlimLabCommand.EXIT_FAILURE;
    }
}
