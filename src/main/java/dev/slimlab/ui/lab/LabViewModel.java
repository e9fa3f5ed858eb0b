package dev.slimlab.ui.lab;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Analyzer;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileSyntaxException;
import dev.slimlab.experiment.Cancellation;
import dev.slimlab.experiment.EngineException;
import dev.slimlab.experiment.EngineInfo;
import dev.slimlab.experiment.Experiment;
import dev.slimlab.experiment.ExperimentFile;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentRunner;
import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.experiment.ImageEngine;
import dev.slimlab.experiment.ProgressEvent;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.io.AtomicFiles;
import dev.slimlab.optimize.AblationPlan;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.ContextFiles;
import dev.slimlab.optimize.Finding;
import dev.slimlab.optimize.Optimization;
import dev.slimlab.optimize.Preset;
import dev.slimlab.optimize.Project;
import dev.slimlab.optimize.SideBySideDiff;
import dev.slimlab.optimize.UnifiedDiff;
import dev.slimlab.report.ReportCharts;
import dev.slimlab.report.ReportFormat;
import dev.slimlab.report.Reports;
import dev.slimlab.staging.StagingChecks;
import dev.slimlab.staging.StagingSettings;
import dev.slimlab.staging.StructureTestSuite;
import dev.slimlab.staging.SuiteException;
import dev.slimlab.staging.SuiteLoader;
import dev.slimlab.ui.support.LineBatcher;
import dev.slimlab.ui.support.RecentFiles;
import dev.slimlab.ui.support.TaskExecutor;
import dev.slimlab.ui.theme.ThemeViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything the lab window shows and does, as properties and actions; never touches a node.
 * The Dockerfile and its findings, the optimization toggles of the selected variant, the
 * variants with their build progress and logs, the results as an {@link Analysis}, and the
 * files it opens, saves and exports. Daemon work runs through the {@link TaskExecutor}; errors
 * land in {@link #messageProperty()} in words.
 */
public final class LabViewModel {

    /** Opens a connection to the daemon (DockerEngine::new in the app, a fake in tests). */
    @FunctionalInterface
    public interface EngineFactory {
        ImageEngine open() throws EngineException;
    }

    /** The staging suite SlimLab picks up from the build context when there is one. */
    public static final String SUITE_FILE = "structure-tests.yaml";
    static final int MAX_LOG_LINES = 5000;

    private final Catalog catalog;
    private final EngineFactory engines;
    private final TaskExecutor tasks;
    private final RecentFiles recent;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<Path> dockerfile = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Path> context = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper parseProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<OptimizationItem> optimizations = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<VariantItem> variants = FXCollections.observableArrayList();
    private final ObjectProperty<VariantItem> selectedVariant = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preset = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SideBySideDiff> sideBySide = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty ablation = new SimpleBooleanProperty(false);
    private final IntegerProperty repetitions = new SimpleIntegerProperty(1);
    private final BooleanProperty coldBuilds = new SimpleBooleanProperty(false);
    private final IntegerProperty parallelBuilds = new SimpleIntegerProperty(1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty overallProgress = new SimpleDoubleProperty(0);
    private final ReadOnlyStringWrapper daemonStatus = new ReadOnlyStringWrapper("Docker daemon: not checked yet");
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Assessment> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper("SlimLab");
    private final ThemeViewModel theme = new ThemeViewModel();

    private boolean syncingToggles;
    /** Counts edits, so that a parse finished after a newer edit is not shown. */
    private long parseGeneration;
    private Cancellation cancellation;

    public LabViewModel(Catalog catalog, EngineFactory engines, TaskExecutor tasks, RecentFiles recent) {
        this.catalog = catalog;
        this.engines = engines;
        this.tasks = tasks;
        this.recent = recent;
        recentFiles.setAll(recent.list());
        for (Optimization o : catalog.all()) {
            OptimizationItem item = new OptimizationItem(o);
            item.selectedProperty().addListener((obs, was, is) -> togglesChanged());
            optimizations.add(item);
        }
        text.addListener((obs, was, is) -> reparse());
        selectedVariant.addListener((obs, was, is) -> showVariant(is));
    }

    // ---- the Dockerfile ------------------------------------------------------------------------

    /** Opens a Dockerfile with its folder as the build context, and the original, minimal and maximum variants. */
    public void openDockerfile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            say("Cannot open " + file + ": " + describe(e) + ". Choose a readable Dockerfile.");
            return;
        }
        dockerfile.set(file.toAbsolutePath());
        context.set(file.toAbsolutePath().getParent());
        recent.add(file);
        recentFiles.setAll(recent.list());
        analysis.set(null);
        results.clear();
        project.set(null);
        text.set(content);
        reparse();
        loaded.set(true);
        variants.setAll(new VariantItem("original", Set.of()),
                new VariantItem(Preset.MINIMAL.label(), catalog.preset(Preset.MINIMAL)),
                new VariantItem(Preset.MAXIMUM.label(), catalog.preset(Preset.MAXIMUM)));
        selectedVariant.set(variants.get(1));
        windowTitle.set("SlimLab: " + file.getFileName() + " (" + context.get().getFileName() + ")");
        say("Opened " + file + ". Toggle optimizations, then build.");
    }

    /** What reading the Dockerfile gave: the project and its findings, or why it does not parse. */
    private record Parsed(Project project, List<Finding> findings, String problem) {
    }

    /**
     * Reads the text and finds where optimizations apply, off the FX thread (a long file with
     * many findings takes a while); a result overtaken by a newer edit is dropped.
     */
    private void reparse() {
        long generation = ++parseGeneration;
        String source = text.get();
        Path folder = context.get();
        tasks.run(() -> parse(source, folder), parsed -> {
            if (generation == parseGeneration) {
                show(parsed);
            }
        }, e -> parseProblem.set("SlimLab cannot read this Dockerfile: " + describe(e)));
    }

    private Parsed parse(String source, Path folder) {
        Dockerfile parsed;
        try {
            parsed = Dockerfile.parse(source.getBytes(StandardCharsets.UTF_8));
        } catch (DockerfileSyntaxException e) {
            return new Parsed(null, List.of(), e.getMessage());
        }
        ContextFiles files = ContextFiles.unknown();
        if (folder != null) {
            try {
                files = ContextFiles.read(folder);
            } catch (IOException e) {
                say("Cannot list the build context " + folder + ": " + e.getMessage());
            }
        }
        Project p = Project.of(parsed, files);
        return new Parsed(p, catalog.findings(p), "");
    }

    private void show(Parsed parsed) {
        parseProblem.set(parsed.problem());
        if (parsed.project() == null) {
            return;
        }
        project.set(parsed.project());
        findings.setAll(parsed.findings().stream().filter(Finding::applies).toList());
        Map<String, List<Finding>> byId = parsed.findings().stream()
                .collect(Collectors.groupingBy(Finding::optimizationId));
        for (OptimizationItem item : optimizations) {
            item.setFindings(byId.getOrDefault(item.id(), List.of()));
        }
        showVariant(selectedVariant.get());
    }

    /** Builds from another context folder (the Dockerfile's own folder by default). */
    public void useContext(Path folder) {
        if (!Files.isDirectory(folder)) {
            say(folder + " is not a folder: choose the folder the build copies files from.");
            return;
        }
        context.set(folder.toAbsolutePath());
        reparse();
        say("Build context: " + context.get() + ".");
    }

    // ---- toggles and variants ------------------------------------------------------------------

    /** Sets the toggles (of the selected variant) to a preset. */
    public void applyPreset(Preset preset) {
        setToggles(catalog.preset(preset));
    }

    /** A new variant with the optimizations now toggled on; the name must be a valid image tag. */
    public Optional<VariantItem> addVariant(String name) {
        String clean = name.strip().toLowerCase(Locale.ROOT);
        if (variants.stream().anyMatch(v -> v.name().equals(clean))) {
            say("There is already a variant called " + clean + ": choose another name.");
            return Optional.empty();
        }
        try {
            new VariantSpec(clean, Set.of());
        } catch (IllegalArgumentException e) {
            say(e.getMessage() + ".");
            return Optional.empty();
        }
        VariantItem item = new VariantItem(clean, toggled());
        variants.add(item);
        selectedVariant.set(item);
        return Optional.of(item);
    }

    public void removeVariant(VariantItem item) {
        if (!item.isOriginal()) {
            variants.remove(item);
        }
    }

    private Set<String> toggled() {
        return optimizations.stream().filter(OptimizationItem::isSelected).map(OptimizationItem::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private void setToggles(Set<String> ids) {
        syncingToggles = true;
        try {
            optimizations.forEach(o -> o.setSelected(ids.contains(o.id())));
        } finally {
            syncingToggles = false;
        }
        togglesChanged();
    }

    private void togglesChanged() {
        if (syncingToggles) {
            return;
        }
        VariantItem selected = selectedVariant.get();
        if (selected != null && !selected.isOriginal()) {
            selected.setOptimizations(toggled());
        }
        showVariant(selected);
    }

    private void showVariant(VariantItem variant) {
        if (variant == null) {
            diff.set("");
            preset.set("");
            sideBySide.set(null);
            return;
        }
        preset.set(presetName(variant.optimizations()));
        if (!syncingToggles) {
            syncingToggles = true;
            try {
                optimizations.forEach(o -> o.setSelected(variant.optimizations().contains(o.id())));
            } finally {
                syncingToggles = false;
            }
        }
        Project p = project.get();
        if (p == null) {
            diff.set("");
            sideBySide.set(null);
            return;
        }
        String original = p.dockerfile().print();
        String optimized = catalog.apply(variant.optimizations(), p).project().dockerfile().print();
        String d = UnifiedDiff.diff("original/Dockerfile", variant.name() + "/Dockerfile", original, optimized);
        diff.set(d.isEmpty() ? "(no change: this variant's Dockerfile is the original)" : d);
        sideBySide.set(SideBySideDiff.of("original", variant.name(), original, optimized));
    }

    /** "Original", "Minimal" or "Maximum" when the set is a preset's, else "Custom". */
    private String presetName(Set<String> ids) {
        for (Preset p : Preset.values()) {
            if (catalog.preset(p).equals(ids)) {
                return p.label().substring(0, 1).toUpperCase(Locale.ROOT) + p.label().substring(1);
            }
        }
        return "Custom";
    }

    // ---- building ------------------------------------------------------------------------------

    /** Asks the daemon who it is, in the background, and says so in the status bar. */
    public void checkDaemon() {
        tasks.run(() -> {
            try (ImageEngine engine = engines.open()) {
                return engine.ping();
            }
        }, (EngineInfo info) -> daemonStatus.set("Docker " + info.engineVersion() + " (API " + info.apiVersion()
                + ", " + info.os() + ") at " + info.host()),
                e -> daemonStatus.set("Docker daemon not reachable: " + describe(e)));
    }

    /** Builds, measures and checks every variant; progress and logs arrive batched on the FX thread. */
    public void build() {
        build(false);
    }

    /** Builds only the selected variant, with the original to compare it with. */
    public void buildSelected() {
        build(true);
    }

    private void build(boolean selectedOnly) {
        if (!parseProblem.get().isEmpty()) {
            say("The Dockerfile does not parse: " + parseProblem.get());
            return;
        }
        Project p = project.get();
        if (p == null || running.get()) {
            say(p == null ? "Open a Dockerfile first." : "A build is already running.");
            return;
        }
        List<VariantSpec> specs = new ArrayList<>();
        VariantItem chosen = selectedVariant.get();
        List<VariantItem> toBuild = variants.stream()
                .filter(v -> !selectedOnly || v.isOriginal() || v == chosen).toList();
        toBuild.forEach(v -> specs.add(new VariantSpec(v.name(), v.optimizations())));
        if (ablation.get() && !selectedOnly) {
            for (AblationPlan.PlannedVariant planned : AblationPlan.of(catalog, p)) {
                if (specs.stream().noneMatch(s -> s.name().equals(planned.name()))) {
                    specs.add(new VariantSpec(planned.name(), planned.optimizationIds()));
                }
                if (variants.stream().noneMatch(v -> v.name().equals(planned.name()))) {
                    variants.add(new VariantItem(planned.name(), planned.optimizationIds()));
                }
            }
        }
        toBuild.forEach(VariantItem::reset);
        Path contextDir = context.get();
        String id = Experiment.idFor(contextDir);
        ExperimentSettings settings = ExperimentSettings.defaults().withRepetitions(repetitions.get())
                .withNoCache(coldBuilds.get()).withParallelBuilds(parallelBuilds.get());
        Experiment experiment = new Experiment(id, p, contextDir, specs, settings);
        Optional<StructureTestSuite> suite = suite(contextDir);
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        running.set(true);
        overallProgress.set(0);
        analysis.set(null);
        results.clear();
        say("Building " + specs.size() + " variants of " + id + "...");
        LineBatcher<ProgressEvent> events = new LineBatcher<>(this::apply);
        AutoCloseable flushing = tasks.every(LineBatcher.PERIOD_MILLIS, events::flush);
        tasks.run(() -> {
            try (ImageEngine engine = engines.open()) {
                EngineInfo info = engine.ping();
                tasks.onFx(() -> daemonStatus.set("Docker " + info.engineVersion() + " at " + info.host()));
                StagingSettings staging = StagingSettings.defaults(id)
                        .withLabels(Map.of(ExperimentRunner.EXPERIMENT_LABEL, id));
                return new ExperimentRunner(engine, catalog)
                        .withVerifier(new StagingChecks(engine, suite, staging, List.of()))
                        .run(experiment, events::add, cancel);
            }
        }, result -> {
            close(flushing);
            running.set(false);
            showResult(result);
            say(cancel.isCancelled() ? "Cancelled: nothing was left behind on the daemon."
                    : "Done: " + analysis.get().recommendation());
        }, e -> {
            close(flushing);
            running.set(false);
            say("The build could not run: " + describe(e));
        });
    }

    /** Stops the builds and checks; the engine removes what they left behind. */
    public void cancel() {
        if (cancellation != null) {
            cancellation.cancel();
            say("Cancelling...");
        }
    }

    private Optional<StructureTestSuite> suite(Path contextDir) {
        Path file = contextDir == null ? null : contextDir.resolve(SUITE_FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SuiteLoader.load(file));
        } catch (SuiteException e) {
            say("The staging suite is not used: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void apply(List<ProgressEvent> batch) {
        for (ProgressEvent event : batch) {
            variants.stream().filter(v -> v.name().equals(event.variant())).findFirst()
                    .ifPresent(v -> v.apply(event));
        }
        overallProgress.set(variants.isEmpty() ? 0
                : variants.stream().mapToDouble(VariantItem::getProgress).map(x -> Math.max(x, 0)).average().orElse(0));
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // a timer that will not stop: nothing left to flush
        }
    }

    private void showResult(ExperimentResult result) {
        Analysis a = new Analyzer(catalog).analyze(result);
        analysis.set(a);
        results.setAll(a.variants());
        for (VariantResult r : result.variants()) {
            variants.stream().filter(v -> v.name().equals(r.name())).findFirst().ifPresent(v -> v.finish(r));
        }
        overallProgress.set(1);
    }

    // ---- files ---------------------------------------------------------------------------------

    /** Opens a saved experiment: its Dockerfile, variants, table and charts, with no daemon needed. */
    public void openExperiment(Path file) {
        ExperimentResult result;
        try {
            result = ExperimentFile.load(file);
        } catch (dev.slimlab.experiment.ExperimentFileException e) {
            say(e.getMessage());
            return;
        }
        dockerfile.set(null);
        context.set(Path.of(result.context()));
        text.set(result.dockerfile());
        reparse();
        List<VariantItem> items = new ArrayList<>();
        for (VariantResult r : result.variants()) {
            VariantItem item = new VariantItem(r.name(), r.optimizations());
            item.finish(r);
            items.add(item);
        }
        variants.setAll(items);
        selectedVariant.set(items.isEmpty() ? null : items.get(0));
        showResult(result);
        loaded.set(true);
        windowTitle.set("SlimLab: experiment " + result.id());
        say("Opened experiment " + result.id() + " from " + file + ".");
    }

    public void saveExperiment(Path file) {
        Analysis a = analysis.get();
        if (a == null) {
            say("Nothing to save yet: build the variants first.");
            return;
        }
        try {
            ExperimentFile.save(a.experiment().firstRun(), file);
            say("Saved the experiment to " + file + ".");
        } catch (IOException | RuntimeException e) {
            say("Cannot save to " + file + ": " + describe(e));
        }
    }

    /** Writes the report in {@code format} to {@code file}, atomically. */
    public void exportReport(ReportFormat format, Path file) {
        Analysis a = analysis.get();
        if (a == null) {
            say("Nothing to export yet: build the variants or open an experiment first.");
            return;
        }
        try {
            AtomicFiles.write(file, Reports.render(a, format, Budgets.none().check(a)).getBytes(StandardCharsets.UTF_8));
            say("Exported the " + format.cliName() + " report to " + file + ".");
        } catch (IOException | RuntimeException e) {
            say("Cannot write " + file + ": " + describe(e));
        }
    }

    /** Writes one chart as PNG or SVG (by the file's extension). */
    public void exportChart(ReportCharts.Kind kind, Path file) {
        Analysis a = analysis.get();
        if (a == null) {
            say("No chart yet: build the variants or open an experiment first.");
            return;
        }
        try {
            byte[] bytes = file.toString().toLowerCase(Locale.ROOT).endsWith(".svg")
                    ? ReportCharts.svg(a, kind, 960, 540).getBytes(StandardCharsets.UTF_8)
                    : ReportCharts.png(a, kind, 1280, 720);
            AtomicFiles.write(file, bytes);
            say("Exported the chart \"" + kind.title() + "\" to " + file + ".");
        } catch (IOException | RuntimeException e) {
            say("Cannot write " + file + ": " + describe(e));
        }
    }

    void say(String text) {
        tasks.onFx(() -> message.set(text));
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    // ---- properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Path> dockerfileProperty() {
        return dockerfile.getReadOnlyProperty();
    }

    public ObjectProperty<Path> contextProperty() {
        return context;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty parseProblemProperty() {
        return parseProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** True once a Dockerfile (even one that does not parse) or an experiment is open. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObservableList<OptimizationItem> getOptimizations() {
        return optimizations;
    }

    /** Where optimizations apply in the Dockerfile (for the editor's markers). */
    public ObservableList<Finding> getFindings() {
        return findings;
    }

    public ObservableList<VariantItem> getVariants() {
        return variants;
    }

    public ObjectProperty<VariantItem> selectedVariantProperty() {
        return selectedVariant;
    }

    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** Which preset the selected variant's optimizations are (or "Custom"). */
    public ReadOnlyStringProperty presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /** The selected variant's Dockerfile beside the original's, row by row; null with no variant or no Dockerfile. */
    public ReadOnlyObjectProperty<SideBySideDiff> sideBySideProperty() {
        return sideBySide.getReadOnlyProperty();
    }

    public BooleanProperty ablationProperty() {
        return ablation;
    }

    public IntegerProperty repetitionsProperty() {
        return repetitions;
    }

    public BooleanProperty coldBuildsProperty() {
        return coldBuilds;
    }

    public IntegerProperty parallelBuildsProperty() {
        return parallelBuilds;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public DoubleProperty overallProgressProperty() {
        return overallProgress;
    }

    public ReadOnlyStringProperty daemonStatusProperty() {
        return daemonStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** The Dockerfiles opened last, newest first. */
    public ObservableList<Path> getRecentFiles() {
        return recentFiles;
    }

    public ObservableList<Assessment> getResults() {
        return results;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The window's theme, light or dark. */
    public ThemeViewModel theme() {
        return theme;
    }
}
