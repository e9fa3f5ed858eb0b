package dev.slimlab.cli;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Analyzer;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.analysis.Formats;
import dev.slimlab.app.Checks;
import dev.slimlab.app.ExperimentService;
import dev.slimlab.app.ExperimentSetup;
import dev.slimlab.app.RunRequest;
import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.experiment.Experiment;
import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.experiment.ProgressEvent;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.Preset;
import dev.slimlab.optimize.Project;
import dev.slimlab.report.ReportFormat;
import dev.slimlab.staging.SuiteException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slimlab run}: builds the variants of a Dockerfile on the local daemon and compares them. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Build the original and the chosen variants on the Docker daemon, measure them and print "
                + "a comparison. Progress goes to standard error, the results table to standard output.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SlimLabCommand root;

    @Option(names = "--dockerfile", required = true, paramLabel = "FILE", description = "The Dockerfile.")
    Path dockerfile;

    @Option(names = "--context", paramLabel = "DIR", description = "The build context (default: the Dockerfile's folder).")
    Path context;

    @Option(names = "--preset", paramLabel = "PRESET", description = "A variant per preset: minimal, maximum.")
    List<String> presets = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "NAME=ID,ID", description = "A variant of your own: a name and optimization ids.")
    Map<String, String> variants = new LinkedHashMap<>();

    @Option(names = "--ablation", description = "Each optimization that applies, alone, plus the presets.")
    boolean ablation;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Builds per variant, for timing.")
    int repeat;

    @Option(names = "--change", paramLabel = "FILE",
            description = "A context file to change before every build after the first (blank lines appended), so "
                    + "those builds are warm rebuilds after an edit and their times are compared; needs --repeat 2 or more.")
    String change;

    @Option(names = "--builder", paramLabel = "BUILDER", defaultValue = "auto",
            description = "auto (BuildKit where the daemon offers it, as docker build), buildkit or classic "
                    + "(default: ${DEFAULT-VALUE}).")
    String builder;

    @Option(names = "--no-cache", description = "Cold builds (docker build --no-cache).")
    boolean noCache;

    @Option(names = "--pull", description = "Try to pull newer base images on every build (docker build --pull).")
    boolean pull;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "Variants built at once.")
    int parallel;

    @Option(names = "--bandwidth", paramLabel = "MBIT", defaultValue = "100",
            description = "Network speed for the estimated pull time, in Mbit/s (default: ${DEFAULT-VALUE}).")
    double bandwidth;

    @Option(names = "--gzip-level", paramLabel = "1-9", defaultValue = "6",
            description = "gzip level of the compressed (pull) size (default: ${DEFAULT-VALUE}; 1 is faster).")
    int gzipLevel;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800", description = "Time-out per build.")
    long timeout;

    @Option(names = "--id", paramLabel = "ID", description = "Experiment id; images are tagged slimlab/ID:VARIANT.")
    String id;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the experiment as JSON.")
    Path out;

    @Option(names = "--suite", paramLabel = "FILE",
            description = "A container-structure-test suite (YAML) to run on every variant that builds.")
    Path suite;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write the staging test results as JUnit XML, one testsuite per variant.")
    Path junit;

    @Option(names = "--no-parity", description = "Skip the parity checks of each variant against the original.")
    boolean noParity;

    @Option(names = "--version-probe", paramLabel = "COMMAND",
            description = "Another command the parity checks run in both images, e.g. 'ffmpeg -version'. Repeatable.")
    List<String> versionProbes = new ArrayList<>();

    @Mixin
    BudgetOptions budgetOptions;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time-out of each staging test (default: ${DEFAULT-VALUE}).")
    long testTimeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Dockerfile> original = DockerfileInput.read("run", dockerfile.toString(), err);
        if (original.isEmpty()) {
            return SlimLabCommand.EXIT_FAILURE;
        }
        Path contextDir = context != null ? context : Optional.ofNullable(dockerfile.toAbsolutePath().getParent())
                .orElse(Path.of("."));
        ExperimentService service = root.service();
        Project project = Project.of(original.get(), DockerfileInput.contextFiles(dockerfile.toString(), contextDir, err));
        RunRequest request;
        Experiment experiment;
        Budgets budgets;
        try {
            ExperimentSetup setup = ExperimentSetup.of(project, contextDir)
                    .withVariants(variants(service.catalog()))
                    .withAblation(ablation)
                    .withSettings(ExperimentSettings.defaults().withRepetitions(repeat).withNoCache(noCache)
                            .withPull(pull).withParallelBuilds(parallel).withTimeoutSeconds(timeout)
                            .withBandwidth(bandwidth).withCompressionLevel(gzipLevel)
                            .withBuilder(Builder.parse(builder))
                            .withRebuildsAfterChanging(repeat, Optional.ofNullable(change)))
                    .withId(id)
                    .withChecks(Checks.defaults().withSuite(suite).withParity(!noParity)
                            .withVersionProbes(versionProbes).withTestTimeout(Duration.ofSeconds(testTimeout)));
            experiment = service.assemble(setup); // bad usage is told before anything runs
            request = RunRequest.of(setup).savingTo(out);
            budgets = budgetOptions.budgets();
        } catch (IllegalArgumentException e) {
            err.println("slimlab run: " + e.getMessage());
            return SlimLabCommand.EXIT_USAGE;
        }
        ExperimentService.RunOutcome outcome;
        Consumer<String> notes = note -> {
            err.println("slimlab run: " + note);
            err.flush();
        };
        notes.accept("experiment " + experiment.id() + ", " + experiment.variants().size() + " variants");
        Cancellation cancellation = new Cancellation();
        try (CancelOnInterrupt onInterrupt = new CancelOnInterrupt(cancellation)) {
            outcome = service.run(request, progress(err), notes, cancellation);
        } catch (SuiteException e) {
            err.println("slimlab run: " + e.getMessage());
            return SlimLabCommand.EXIT_USAGE;
        } catch (EngineException e) {
            err.println("slimlab run: " + e.getMessage());
            return SlimLabCommand.EXIT_FAILURE;
        }
        Analysis analysis = outcome.analysis();
        EngineInfo engine = outcome.result().engine();
        notes.accept("built on Docker " + engine.engineVersion() + " at " + engine.host() + " with "
                + (engine.builder() == Builder.BUILDKIT ? "BuildKit" : "the classic builder"));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(table(analysis));
        stdout.println();
        stdout.println(analysis.recommendation());
        stdout.flush();
        outcome.savedTo().ifPresent(f -> notes.accept("saved " + f + " (run " + outcome.result().history().size()
                + " of this experiment)"));
        if (junit != null) {
            service.exporter().report(analysis, ReportFormat.JUNIT, List.of(), junit);
            notes.accept("wrote " + junit);
        }
        return reportBudgets(budgets.check(analysis), err) ? 0 : SlimLabCommand.EXIT_FAILURE;
    }

    /** Prints each budget's outcome; true when none was missed. */
    static boolean reportBudgets(List<Budgets.Check> checks, PrintWriter err) {
        for (Budgets.Check check : checks) {
            err.println((check.passed() ? "budget met: " : "BUDGET MISSED: ") + check.message());
        }
        err.flush();
        return checks.stream().allMatch(Budgets.Check::passed);
    }

    /** The presets, then the user's variants (the service adds the original and the ablation runs). */
    private List<VariantSpec> variants(Catalog catalog) {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        for (String p : presets) {
            Preset preset = Preset.parse(p);
            all.put(preset.label(), catalog.preset(preset));
        }
        for (Map.Entry<String, String> v : variants.entrySet()) {
            Set<String> ids = new LinkedHashSet<>(Arrays.asList(v.getValue().split(",")));
            ids.removeIf(String::isBlank);
            all.put(v.getKey(), ids);
        }
        List<VariantSpec> specs = new ArrayList<>();
        all.forEach((name, ids) -> specs.add(new VariantSpec(name, ids)));
        return specs;
    }

    /** A live line per variant on a terminal; plain lines otherwise. */
    private static ProgressEvent.Listener progress(PrintWriter err) {
        boolean terminal = System.console() != null;
        return event -> {
            if (event.phase() == ProgressEvent.Phase.LOG) {
                return; // the whole log goes to --out's .logs folder; the terminal shows the steps
            }
            synchronized (err) {
                String text = switch (event.phase()) {
                    case BUILDING -> "step " + event.step() + "/" + event.steps() + ": " + event.message();
                    default -> event.message();
                };
                String line = String.format(Locale.ROOT, "%-24s %-9s %s", event.variant(),
                        event.phase().name().toLowerCase(Locale.ROOT), text);
                if (terminal && event.phase() == ProgressEvent.Phase.BUILDING) {
                    String shown = line.length() > 100 ? line.substring(0, 100) : line;
                    err.print("\r" + shown + " ".repeat(Math.max(0, 100 - shown.length())));
                } else {
                    err.println((terminal ? "\r" : "") + line);
                }
                err.flush();
            }
        };
    }

    /** A line per variant: its figures, its risk and its verdict. */
    static String table(Analysis analysis) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-24s %-9s %10s %8s %10s %9s %7s %10s %7s %-8s %-7s %s%n", "VARIANT",
                "STATUS", "SIZE", "CHANGE", "PULL", analysis.experiment().changedFile().isPresent() ? "REBUILD s" : "BUILD s", "EFFIC.", "WASTED",
                "TESTS", "PARITY", "RISK", "VERDICT"));
        for (Assessment a : analysis.variants()) {
            VariantResult v = analysis.experiment().variants().stream().filter(r -> r.name().equals(a.name()))
                    .findFirst().orElseThrow();
            if (!v.built()) {
                s.append(String.format(Locale.ROOT, "%-24s %-9s %s: %s%n", v.name(),
                        v.status().name().toLowerCase(Locale.ROOT), a.verdict().label(), a.reason()));
                continue;
            }
            String change = a.optimizations().isEmpty() ? "" : String.format(Locale.ROOT, "%+.1f%%", -a.sizeSavedPercent());
            String tests = a.testsRun() == 0 ? "-" : a.testsPassed() + "/" + a.testsRun();
            String parity = a.optimizations().isEmpty() || v.staging().isEmpty() ? "-"
                    : a.parityHigh() + "/" + a.parityMedium() + "/" + a.parityLow();
            s.append(String.format(Locale.ROOT, "%-24s %-9s %10s %8s %10s %9.1f %6.1f%% %10s %7s %-8s %-7s %s%n",
                    v.name(), "built", Formats.size(v.sizeBytes()), change, Formats.size(v.compressedBytes()),
                    a.buildTime().median(), 100 * v.efficiency(), Formats.size(v.wastedBytes()), tests, parity,
                    a.risk().label(), a.verdict().label()));
        }
        s.append("(PARITY: high/medium/low findings against the original");
        analysis.experiment().changedFile().ifPresent(file -> s.append("; REBUILD s: median of the builds"
                + " after the first, each after a change to ").append(file));
        s.append(")\n");
        return s.toString();
    }
}
