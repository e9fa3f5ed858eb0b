package dev.slimlab.ui.lab;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Formats;
import dev.slimlab.analysis.PackageChange;
import dev.slimlab.analysis.StepTimeline;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.engine.api.WastedFile;
import dev.slimlab.experiment.LayerResult;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Results tab shows, as properties; never touches a node. The rows of the risk/reward
 * table (with the recommended one marked), the variant selected in it (the recommended one by
 * default), and that variant's details: where its build time went, its layers and wasted files,
 * the packages it dropped or added against the original, its staging tests and its parity
 * findings. Each detail says in words when there is nothing to show, and why.
 */
public final class ResultsViewModel {

    /** Placeholder before any result exists. */
    static final String NO_RESULTS = "No results yet: build the variants, or open a saved experiment.";
    private static final StepTimeline NO_STEPS = StepTimeline.of(List.of());

    private final ObservableValue<Analysis> analysis;
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ResultRow> selected = new SimpleObjectProperty<>();

    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper riskText = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<StepTimeline> timeline = new ReadOnlyObjectWrapper<>(NO_STEPS);
    private final ReadOnlyStringWrapper timelineSummary = new ReadOnlyStringWrapper(NO_RESULTS);

    private final ObservableList<LayerRow> layers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper layersSummary = new ReadOnlyStringWrapper(NO_RESULTS);
    private final ObservableList<WastedFile> wastedFiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper wastedSummary = new ReadOnlyStringWrapper("");

    private final ObservableList<PackageChange> packageChanges = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper packagesSummary = new ReadOnlyStringWrapper(NO_RESULTS);

    private final ObservableList<TestOutcome> tests = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper testsSummary = new ReadOnlyStringWrapper(NO_RESULTS);
    private final ObjectProperty<TestOutcome> selectedTest = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper testDetail = new ReadOnlyStringWrapper("");

    private final ObservableList<ParityFinding> parity = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper paritySummary = new ReadOnlyStringWrapper(NO_RESULTS);

    /** Follows any analysis (tests pass a plain property). */
    public ResultsViewModel(ObservableValue<Analysis> analysis) {
        this.analysis = analysis;
        // every new analysis, even one equal to the last (the same experiment opened again), starts afresh
        analysis.addListener((Observable obs) -> showAnalysis(analysis.getValue()));
        selected.addListener((obs, was, is) -> showVariant(is));
        selectedTest.addListener((obs, was, is) -> testDetail.set(is == null ? "" : testDetail(is)));
        showAnalysis(analysis.getValue());
    }

    // ---- the table -----------------------------------------------------------------------------

    private void showAnalysis(Analysis a) {
        selected.set(null);
        if (a == null) {
            rows.clear();
            showVariant(null);
            return;
        }
        String recommended = a.recommended().orElse(null);
        rows.setAll(a.variants().stream().map(v -> new ResultRow(v, v.name().equals(recommended))).toList());
        selected.set(rows.stream().filter(ResultRow::recommended).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0)));
    }

    /** The analysis shown. */
    public ObservableValue<Analysis> analysis() {
        return analysis;
    }

    /** Selects the row of the variant called {@code name}, if there is one. */
    public void select(String name) {
        rows.stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(selected::set);
    }

    // ---- the selected variant ------------------------------------------------------------------

    private void showVariant(ResultRow row) {
        selectedTest.set(null);
        Analysis a = analysis.getValue();
        if (row == null || a == null) {
            heading.set("");
            verdictText.set("");
            riskText.set("");
            clearDetails(a == null ? NO_RESULTS : "Select a variant in the table to see its details.");
            return;
        }
        Assessment assessment = row.assessment();
        Optional<VariantResult> original = a.experiment().original();
        VariantResult variant = a.experiment().variants().stream().filter(v -> v.name().equals(row.name()))
                .findFirst().orElse(null);
        heading.set(row.name() + ": " + assessment.verdict().label() + (row.recommended() ? ", recommended" : "")
                + (row.paretoOptimal() ? ", Pareto-optimal" : ""));
        verdictText.set(capitalized(assessment.reason()) + ".");
        riskText.set("Risk " + assessment.risk().label() + (assessment.riskReasons().isEmpty() ? ""
                : ": " + String.join("; ", assessment.riskReasons())) + "."
                + (assessment.optimizations().isEmpty() ? " The original applies no optimization."
                : " Optimizations: " + String.join(", ", assessment.optimizations().stream().sorted().toList()) + "."));
        if (variant == null) {
            clearDetails("No measurements were recorded for " + row.name() + ".");
            return;
        }
        showSteps(variant);
        showLayers(variant);
        showPackages(variant, original);
        showTests(variant);
        showParity(variant);
    }

    private void clearDetails(String why) {
        timeline.set(NO_STEPS);
        timelineSummary.set(why);
        layers.clear();
        wastedFiles.clear();
        packageChanges.clear();
        tests.clear();
        parity.clear();
        layersSummary.set(why);
        wastedSummary.set("");
        packagesSummary.set(why);
        testsSummary.set(why);
        paritySummary.set(why);
    }

    /** The same rows and sentence as the report's "Where the build time went". */
    private void showSteps(VariantResult v) {
        StepTimeline steps = StepTimeline.of(v.steps());
        timeline.set(steps);
        timelineSummary.set(steps.summary(analysis.getValue() != null
                && analysis.getValue().experiment().changedFile().isPresent()));
    }

    private void showLayers(VariantResult v) {
        layers.setAll(layerRows(v.layers()));
        wastedFiles.setAll(v.topWastedFiles());
        if (!v.built()) {
            layersSummary.set(capitalized(notBuilt(v)));
            wastedSummary.set("No image, so no wasted files.");
            return;
        }
        long total = v.layers().stream().mapToLong(LayerResult::sizeBytes).sum();
        layersSummary.set(v.layers().isEmpty() ? "No layers were recorded for this image."
                : v.layers().size() + (v.layers().size() == 1 ? " layer, " : " layers, ") + Formats.size(total)
                        + "; efficiency " + Formats.percent(100 * v.efficiency()) + "; " + Formats.size(v.wastedBytes())
                        + " wasted in files that appear in two or more layers (" + Formats.percent(v.userWastedPercent())
                        + " of the layers above the base).");
        wastedSummary.set(v.topWastedFiles().isEmpty() ? "No file appears in more than one layer."
                : "The biggest files in two or more layers: every copy but the last still travels with the image.");
    }

    private void showPackages(VariantResult v, Optional<VariantResult> original) {
        if (!v.built()) {
            packageChanges.clear();
            packagesSummary.set(capitalized(notBuilt(v)));
            return;
        }
        if (v.optimizations().isEmpty()) {
            packageChanges.clear();
            packagesSummary.set("This is the original: the other variants' packages are compared with its "
                    + count(v.packages().size(), "package") + ".");
            return;
        }
        if (original.isEmpty() || !original.get().built()) {
            packageChanges.clear();
            packagesSummary.set(original.isEmpty() ? "There is no original in this experiment to compare the "
                    + count(v.packages().size(), "package") + " with."
                    : "The original did not build: there is nothing to compare the "
                            + count(v.packages().size(), "package") + " with.");
            return;
        }
        List<PackageChange> changes = PackageChange.between(original.get().packages(), v.packages());
        packageChanges.setAll(changes);
        if (original.get().packages().isEmpty() && v.packages().isEmpty()) {
            packagesSummary.set("No installed packages were found in the original or in this variant.");
            return;
        }
        if (changes.isEmpty()) {
            packagesSummary.set("The same " + count(v.packages().size(), "package") + " as the original.");
            return;
        }
        List<PackageChange> dropped = of(changes, PackageChange.Kind.DROPPED);
        List<PackageChange> added = of(changes, PackageChange.Kind.ADDED);
        List<PackageChange> changed = of(changes, PackageChange.Kind.VERSION_CHANGED);
        packagesSummary.set(count(v.packages().size(), "package") + " installed. Against the original: "
                + dropped.size() + " dropped (" + Formats.size(bytes(dropped)) + "), " + added.size() + " added ("
                + Formats.size(bytes(added)) + ")" + (changed.isEmpty() ? "" : ", " + changed.size()
                + " at another version") + ".");
    }

    private void showTests(VariantResult v) {
        Optional<StagingResult> staging = v.staging();
        tests.setAll(staging.map(StagingResult::tests).orElse(List.of()));
        if (!v.built()) {
            testsSummary.set("No staging tests were run: " + notBuilt(v));
            return;
        }
        if (staging.isEmpty()) {
            testsSummary.set("No staging tests were run for this variant.");
            return;
        }
        StagingResult s = staging.get();
        String problems = s.problems().isEmpty() ? ""
                : " Could not run: " + String.join("; ", s.problems()) + ".";
        testsSummary.set((s.tests().isEmpty() ? "No staging tests were run: the suite has none."
                : s.testsPassed() + " of " + s.tests().size() + " staging tests passed. Select one to see its output.")
                + problems);
    }

    private void showParity(VariantResult v) {
        List<ParityFinding> findings = v.staging().map(StagingResult::parity).orElse(List.of());
        parity.setAll(findings.stream().sorted(PARITY_ORDER).toList());
        if (!v.built()) {
            paritySummary.set("Parity was not checked: " + notBuilt(v));
        } else if (v.optimizations().isEmpty()) {
            paritySummary.set("This is the original: the other variants are compared with it.");
        } else if (v.staging().isEmpty()) {
            paritySummary.set("Parity with the original was not checked for this variant.");
        } else if (findings.isEmpty()) {
            paritySummary.set("No differences from the original were found.");
        } else {
            List<String> counts = new ArrayList<>();
            for (ParityFinding.Severity severity : ParityFinding.Severity.values()) {
                long n = findings.stream().filter(f -> f.severity() == severity).count();
                if (n > 0) {
                    counts.add(n + " " + severity.label());
                }
            }
            paritySummary.set(count(findings.size(), "difference") + " from the original: " + String.join(", ", counts)
                    + ". High ones are likely to break the app.");
        }
    }

    // ---- derivations (static, for tests) -------------------------------------------------------

    /** Parity findings from the most to the least likely to break something, then by kind and subject. */
    static final Comparator<ParityFinding> PARITY_ORDER = Comparator.comparing(ParityFinding::severity)
            .thenComparing(ParityFinding::kind).thenComparing(ParityFinding::subject);

    static List<LayerRow> layerRows(List<LayerResult> layers) {
        long total = layers.stream().mapToLong(LayerResult::sizeBytes).sum();
        List<LayerRow> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerResult layer = layers.get(i);
            out.add(new LayerRow(i + 1, instruction(layer.createdBy()), layer.createdBy(), layer.sizeBytes(),
                    total == 0 ? 0 : 100.0 * layer.sizeBytes() / total));
        }
        return out;
    }

    private static final Pattern NOP = Pattern.compile("^/bin/sh -c #\\(nop\\)\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern SHELL = Pattern.compile("^(?:RUN )?(?:\\|\\d+ .*?)?/bin/sh -c (.*)$", Pattern.DOTALL);

    /**
     * The Dockerfile instruction a layer's "created by" stands for: the classic builder writes
     * {@code /bin/sh -c #(nop) COPY ...} for metadata and copies and {@code /bin/sh -c ...} (after
     * {@code |N ARG=...} when build arguments are set) for RUN; BuildKit writes {@code RUN /bin/sh -c ...}
     * and the other instructions as written, and appends {@code # buildkit}.
     */
    static String instruction(String createdBy) {
        String text = createdBy.strip();
        if (text.endsWith("# buildkit")) {
            text = text.substring(0, text.length() - "# buildkit".length()).strip();
        }
        Matcher nop = NOP.matcher(text);
        if (nop.matches()) {
            return nop.group(1).strip();
        }
        Matcher shell = SHELL.matcher(text);
        if (shell.matches()) {
            return "RUN " + shell.group(1).strip();
        }
        return text;
    }

    static String testDetail(TestOutcome t) {
        StringBuilder text = new StringBuilder();
        text.append(t.name()).append(" (").append(t.kind()).append("): ")
                .append(t.status().name().toLowerCase(Locale.ROOT)).append(" in ")
                .append(Formats.duration(t.seconds())).append('\n');
        if (!t.message().isEmpty()) {
            text.append('\n').append(t.message().strip()).append('\n');
        }
        text.append('\n').append(t.output().isEmpty() ? "(the test printed nothing)" : t.output());
        return text.toString();
    }

    private static String notBuilt(VariantResult v) {
        String why = v.error().orElse("no reason recorded").lines().findFirst().orElse("").strip();
        return v.status() == VariantResult.Status.CANCELLED ? "not measured: the run was " + why
                : "the variant did not build: " + why;
    }

    private static List<PackageChange> of(List<PackageChange> changes, PackageChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    private static long bytes(List<PackageChange> changes) {
        return changes.stream().mapToLong(PackageChange::bytes).sum();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The risk/reward table's rows, in the experiment's order (the view sorts a copy). */
    public ObservableList<ResultRow> getRows() {
        return rows;
    }

    /** The variant whose details are shown: the recommended one when results arrive. */
    public ObjectProperty<ResultRow> selectedProperty() {
        return selected;
    }

    /** The selected variant's name and verdict, e.g. "minimal: best, recommended". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Why the verdict, in a sentence. */
    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    /** The risk, why, and the optimizations. */
    public ReadOnlyStringProperty riskTextProperty() {
        return riskText.getReadOnlyProperty();
    }

    /**
     * The selected variant's build steps on a time axis: rows of plain data (label, start, duration,
     * cached, parallel) that the view draws as bars.
     */
    public ReadOnlyObjectProperty<StepTimeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    /** The total, the slowest steps, how many were cached and ran in parallel: the report's sentence. */
    public ReadOnlyStringProperty timelineSummaryProperty() {
        return timelineSummary.getReadOnlyProperty();
    }

    public ObservableList<LayerRow> getLayers() {
        return layers;
    }

    public ReadOnlyStringProperty layersSummaryProperty() {
        return layersSummary.getReadOnlyProperty();
    }

    public ObservableList<WastedFile> getWastedFiles() {
        return wastedFiles;
    }

    public ReadOnlyStringProperty wastedSummaryProperty() {
        return wastedSummary.getReadOnlyProperty();
    }

    public ObservableList<PackageChange> getPackageChanges() {
        return packageChanges;
    }

    public ReadOnlyStringProperty packagesSummaryProperty() {
        return packagesSummary.getReadOnlyProperty();
    }

    public ObservableList<TestOutcome> getTests() {
        return tests;
    }

    public ReadOnlyStringProperty testsSummaryProperty() {
        return testsSummary.getReadOnlyProperty();
    }

    /** The staging test whose message and output are shown. */
    public ObjectProperty<TestOutcome> selectedTestProperty() {
        return selectedTest;
    }

    public ReadOnlyStringProperty testDetailProperty() {
        return testDetail.getReadOnlyProperty();
    }

    /** The selected variant's parity findings, high first. */
    public ObservableList<ParityFinding> getParity() {
        return parity;
    }

    public ReadOnlyStringProperty paritySummaryProperty() {
        return paritySummary.getReadOnlyProperty();
    }

    /** A layer: its number (oldest first), the instruction that made it, its size and share of the image. */
    public record LayerRow(int number, String instruction, String createdBy, long sizeBytes, double sharePercent) {
    }
}
