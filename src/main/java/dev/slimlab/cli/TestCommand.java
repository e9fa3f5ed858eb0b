package dev.slimlab.cli;

import dev.slimlab.analysis.Formats;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.io.AtomicFiles;
import dev.slimlab.report.JUnitXml;
import dev.slimlab.staging.StagingSettings;
import dev.slimlab.staging.StructureTestSuite;
import dev.slimlab.staging.SuiteException;
import dev.slimlab.staging.SuiteLoader;
import dev.slimlab.staging.SuiteRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slimlab test IMAGE --config suite.yaml}: runs a container-structure-test suite. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {"Run a container-structure-test suite (schemaVersion 2.0.0, plus SlimLab's httpProbes)"
                + " against an image. Every test runs in a fresh, unprivileged container with no network (probes"
                + " excepted) and limits; every container is removed afterwards.",
            "Exit codes: 0 all tests passed, 1 a test failed or could not run, 2 bad usage or an invalid suite."})
public final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SlimLabCommand root;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to test (name, tag or id).")
    String image;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The suite (YAML).")
    Path config;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    Path junit;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time-out of each test (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StructureTestSuite suite;
        try {
            suite = SuiteLoader.load(config);
        } catch (SuiteException e) {
            err.println("slimlab test: " + e.getMessage());
            return SlimLabCommand.EXIT_USAGE;
        }
        if (timeout < 1) {
            err.println("slimlab test: --timeout must be at least 1 second");
            return SlimLabCommand.EXIT_USAGE;
        }
        StagingSettings settings = StagingSettings.defaults("test-" + UUID.randomUUID())
                .withTestTimeout(Duration.ofSeconds(timeout));
        Cancellation cancellation = new Cancellation();
        List<TestOutcome> outcomes;
        try (CancelOnInterrupt onInterrupt = new CancelOnInterrupt(cancellation);
             ImageEngine engine = root.engines().open()) {
            engine.inspect(image); // says plainly when the image is not there, before any test
            err.println("slimlab test: " + suite.testCount() + " tests of " + config + " on " + image);
            outcomes = new SuiteRunner(engine, settings).run(suite, image, cancellation);
        } catch (EngineException e) {
            err.println("slimlab test: " + e.getMessage());
            return SlimLabCommand.EXIT_FAILURE;
        }
        print(out, outcomes);
        if (junit != null) {
            try {
                AtomicFiles.write(junit, JUnitXml.write(Map.of(image, new StagingResult(outcomes, List.of(), List.of())))
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("slimlab test: cannot write " + junit + ": " + e.getMessage());
                return SlimLabCommand.EXIT_FAILURE;
            }
        }
        boolean allPassed = outcomes.size() == suite.testCount() && outcomes.stream().allMatch(TestOutcome::passed);
        return allPassed ? 0 : SlimLabCommand.EXIT_FAILURE;
    }

    /** One line per test, the reasons of a failure indented under it, then the counts. */
    static void print(PrintWriter out, List<TestOutcome> outcomes) {
        for (TestOutcome t : outcomes) {
            String status = switch (t.status()) {
                case PASSED -> "PASS";
                case FAILED -> "FAIL";
                case ERROR -> "ERROR";
            };
            out.printf(Locale.ROOT, "%-5s %-13s %s (%s)%n", status, t.kind(), t.name(), Formats.duration(t.seconds()));
            t.message().lines().forEach(line -> out.println("      " + line));
        }
        long passed = outcomes.stream().filter(TestOutcome::passed).count();
        long failed = outcomes.stream().filter(t -> t.status() == TestOutcome.Status.FAILED).count();
        out.printf(Locale.ROOT, "%d tests: %d passed, %d failed, %d could not run%n", outcomes.size(), passed, failed,
                outcomes.size() - passed - failed);
        out.flush();
    }
}
