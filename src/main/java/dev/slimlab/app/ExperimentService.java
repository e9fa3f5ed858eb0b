package dev.slimlab.app;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Analyzer;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.experiment.Experiment;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentRunner;
import dev.slimlab.experiment.ProgressEvent;
import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.optimize.AblationPlan;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.staging.StagingChecks;
import dev.slimlab.staging.StagingSettings;
import dev.slimlab.staging.StructureTestSuite;
import dev.slimlab.staging.SuiteException;
import dev.slimlab.staging.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one place an experiment is assembled, run, checked, judged and saved; the lab and
 * {@code slimlab run} both call it, so the same choices give the same experiment file.
 *
 * <p>A run never loses what is known: a variant it does not finish (cancelled) keeps its
 * earlier finished result, and the analysis compares only what was measured.
 */
public final class ExperimentService {

    /** The staging suite SlimLab picks up from the build context when none is given. */
    public static final String SUITE_FILE = "structure-tests.yaml";
    public static final String ORIGINAL = "original";

    private final Catalog catalog;
    private final EngineFactory engines;
    private final ExperimentStore store = new ExperimentStore();
    private final ReportExporter exporter = new ReportExporter();

    public ExperimentService(Catalog catalog, EngineFactory engines) {
        this.catalog = catalog;
        this.engines = engines;
    }

    public Catalog catalog() {
        return catalog;
    }

    public ExperimentStore store() {
        return store;
    }

    public ReportExporter exporter() {
        return exporter;
    }

    /** Asks the engine who it is, and which builder {@code auto} gets there. */
    public EngineInfo ping() throws EngineException {
        try (ImageEngine engine = engines.open()) {
            return engine.ping().withBuilder(engine.resolve(Builder.AUTO));
        }
    }

    /**
     * The experiment a setup describes: the original first, then the setup's variants, then
     * (with ablation) each optimization that applies alone, under names not already taken.
     *
     * @throws IllegalArgumentException in words, when the id or a variant is not valid
     */
    public Experiment assemble(ExperimentSetup setup) {
        return assemble(setup, setup.settings().builder());
    }

    /**
     * The experiment for a run on {@code builder}: on the classic builder the ablation leaves out
     * the optimizations only BuildKit can build.
     */
    private Experiment assemble(ExperimentSetup setup, Builder builder) {
        Map<String, VariantSpec> variants = new LinkedHashMap<>();
        variants.put(ORIGINAL, new VariantSpec(ORIGINAL, java.util.Set.of()));
        for (VariantSpec v : setup.variants()) {
            catalog.requireKnown(v.optimizations());
            variants.putIfAbsent(v.name(), v);
        }
        if (setup.ablation()) {
            AblationPlan.of(catalog, setup.project(), builder != Builder.CLASSIC)
                    .forEach(p -> variants.putIfAbsent(p.name(), new VariantSpec(p.name(), p.optimizationIds())));
        }
        if (variants.size() == 1) {
            throw new IllegalArgumentException("nothing to compare: choose a preset, a variant of your own or the"
                    + " ablation runs");
        }
        Optional<String> changed = setup.settings().changedFile();
        if (changed.isPresent() && (setup.context() == null || !Files.isRegularFile(setup.context().resolve(changed.get())))) {
            throw new IllegalArgumentException("the file to change between builds, " + changed.get()
                    + ", is not a file in the build context " + setup.context());
        }
        return new Experiment(id(setup), setup.project(), setup.context(), List.copyOf(variants.values()),
                setup.settings());
    }

    private static String id(ExperimentSetup setup) {
        return setup.id().orElseGet(() -> Experiment.idFor(setup.context()));
    }

    /**
     * The staging suite: the one the checks name (an error if it cannot be read), else the
     * context's {@value #SUITE_FILE} (one that cannot be read is said in {@code notes} and skipped).
     */
    public Optional<StructureTestSuite> suite(Checks checks, Path context, Consumer<String> notes)
            throws SuiteException {
        if (checks.suite().isPresent()) {
            return Optional.of(SuiteLoader.load(checks.suite().get()));
        }
        Path file = context == null ? null : context.resolve(SUITE_FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SuiteLoader.load(file));
        } catch (SuiteException e) {
            notes.accept("the staging suite is not used: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** What a run gave: the result (with what earlier runs knew), its analysis, and where it was saved. */
    public record RunOutcome(ExperimentResult result, Analysis analysis, Optional<Path> savedTo) {
    }

    /**
     * Builds, measures and checks every variant, keeps what the previous run knew where this one
     * did not finish, judges the result and saves it when asked. {@code notes} hears, in words,
     * what the user should know and did not ask for (a suite that is not used, a file kept).
     *
     * @throws IllegalArgumentException in words, when the setup is not valid
     * @throws SuiteException           when the suite the checks name cannot be read
     * @throws EngineException          when the engine cannot be reached
     * @throws java.io.IOException      when the experiment file cannot be written
     */
    public RunOutcome run(RunRequest request, ProgressEvent.Listener progress, Consumer<String> notes,
                          Cancellation cancellation) throws SuiteException, EngineException, java.io.IOException {
        ExperimentSetup setup = request.setup();
        String id = id(setup);
        Optional<StructureTestSuite> suite = suite(setup.checks(), setup.context(), notes);
        Optional<ExperimentResult> previous = request.previous()
                .or(() -> request.saveTo().flatMap(f -> store.earlierRun(f, id, notes)))
                .filter(p -> p.id().equals(id));
        ExperimentResult result;
        try (ImageEngine engine = engines.open()) {
            // assembled for the builder the daemon gives: the ablation plans only what it can build
            Experiment experiment = assemble(setup, engine.resolve(setup.settings().builder()));
            ExperimentRunner runner = new ExperimentRunner(engine, catalog)
                    .withLogDirectory(store.logFolder(request.saveTo(), experiment.id()));
            Checks checks = setup.checks();
            if (suite.isPresent() || checks.parity()) {
                StagingSettings staging = StagingSettings.defaults(experiment.id())
                        .withLabels(Map.of(ExperimentRunner.EXPERIMENT_LABEL, experiment.id()))
                        .withTestTimeout(checks.testTimeout());
                runner = runner.withVerifier(new StagingChecks(engine, suite, staging,
                        checks.parity() ? checks.versionProbes() : null));
            }
            result = runner.run(experiment, progress, cancellation);
        }
        ExperimentResult known = previous
                .map(p -> result.keepingFinished(p, request.carriedOver()).afterRun(p))
                .orElseGet(result::firstRun);
        Optional<Path> savedTo = Optional.empty();
        if (request.saveTo().isPresent()) {
            savedTo = Optional.of(store.save(known, request.saveTo().get(), notes));
        }
        return new RunOutcome(known, analyze(known), savedTo);
    }

    public Analysis analyze(ExperimentResult result) {
        return new Analyzer(catalog).analyze(result);
    }
}
