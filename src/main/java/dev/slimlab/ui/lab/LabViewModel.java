package dev.slimlab.ui.lab;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Budgets;
import dev.slimlab.app.ExperimentService;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.store.ExperimentFileException;
import dev.slimlab.report.ReportCharts;
import dev.slimlab.report.ReportFormat;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.RecentFiles;
import dev.slimlab.ui.theme.ThemeViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lab as a whole: its parts (the Dockerfile, the variants, the build, the results) over one
 * shared {@link LabState}, and what concerns all of them: opening a Dockerfile or a saved
 * experiment, saving and exporting, the recent files, the window's title and theme, and asking
 * before a running build or unsaved results would be lost. File work runs off the FX thread.
 */
public final class LabViewModel {

    private final LabState state;
    private final DockerfileViewModel dockerfile;
    private final VariantsViewModel variants;
    private final BuildViewModel build;
    private final ResultsViewModel results;
    private final RecentFiles recent;
    private final DialogService dialogs;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper("SlimLab");
    private final ThemeViewModel theme = new ThemeViewModel();

    public LabViewModel(LabState state, RecentFiles recent, DialogService dialogs) {
        this.state = state;
        this.dockerfile = new DockerfileViewModel(state);
        this.variants = new VariantsViewModel(state, dockerfile);
        this.build = new BuildViewModel(state);
        this.results = new ResultsViewModel(state.analysisProperty());
        this.recent = recent;
        this.dialogs = dialogs;
        recentFiles.setAll(recent.list());
    }

    // ---- opening -------------------------------------------------------------------------------

    /** Opens a file dropped on the window: a saved experiment ({@code *.json}) or a Dockerfile. */
    public void open(Path file) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            openExperiment(file);
        } else {
            openDockerfile(file);
        }
    }

    /** Opens a Dockerfile with its folder as the build context, and the original, minimal and maximum variants. */
    public void openDockerfile(Path file) {
        if (!mayLeave("open " + file.getFileName())) {
            return;
        }
        Path absolute = file.toAbsolutePath().normalize();
        state.tasks().run(() -> DockerfileViewModel.read(state, absolute).orElse(null), text -> {
            if (text != null) {
                showDockerfile(absolute, text);
            }
        }, e -> state.say("Cannot open " + file + ": " + LabState.describe(e)));
    }

    private void showDockerfile(Path file, String text) {
        state.opened++;
        state.dockerfile.set(file);
        recent.add(file);
        recentFiles.setAll(recent.list());
        state.showResult(null);
        state.unsaved.set(false);
        dockerfile.load(text, file.getParent());
        state.loaded.set(true);
        variants.startOver();
        windowTitle.set("SlimLab: " + file.getFileName() + " (" + file.getParent().getFileName() + ")");
        state.say("Opened " + file + ". Toggle optimizations, then build.");
    }

    /** Builds from another context folder (the Dockerfile's own folder by default). */
    public void useContext(Path folder) {
        if (!Files.isDirectory(folder)) {
            state.say(folder + " is not a folder: choose the folder the build copies files from.");
            return;
        }
        state.contextProperty().set(folder.toAbsolutePath());
        state.say("Build context: " + state.contextProperty().get() + ".");
    }

    /** Opens a saved experiment: its Dockerfile, variants, table and charts, with no daemon needed. */
    public void openExperiment(Path file) {
        if (!mayLeave("open " + file.getFileName())) {
            return;
        }
        state.tasks().run(() -> state.service().store().load(file), result -> showExperiment(file, result), e -> {
            state.say(e instanceof ExperimentFileException ? e.getMessage()
                    : "Cannot open " + file + ": " + LabState.describe(e));
        });
    }

    private void showExperiment(Path file, ExperimentResult result) {
        state.opened++;
        state.dockerfile.set(null);
        dockerfile.load(result.dockerfile(), Path.of(result.context()));
        List<VariantItem> items = new ArrayList<>();
        for (VariantResult r : result.variants()) {
            VariantItem item = new VariantItem(r.name(), r.optimizations());
            item.finish(r);
            items.add(item);
        }
        state.getVariants().setAll(items);
        state.selectedVariantProperty().set(items.isEmpty() ? null : items.get(0));
        state.showResult(result);
        state.unsaved.set(false);
        state.loaded.set(true);
        windowTitle.set("SlimLab: experiment " + result.id());
        state.say("Opened experiment " + result.id() + " from " + file + ".");
    }

    /**
     * Whether the user lets the lab {@code doWhat} although a build runs (it is cancelled) or
     * results are not saved; true at once when neither.
     */
    public boolean mayLeave(String doWhat) {
        if (state.runningProperty().get()) {
            if (!dialogs.confirm("A build is running", "Cancel the build and " + doWhat + "? What it has"
                    + " measured so far is kept only until then.", "Cancel the build")) {
                return false;
            }
            build.cancel();
        } else if (state.unsavedProperty().get()) {
            return dialogs.confirm("Unsaved results", "The results of the last build are not saved. "
                    + Character.toUpperCase(doWhat.charAt(0)) + doWhat.substring(1) + " anyway and lose them?",
                    "Discard the results");
        }
        return true;
    }

    // ---- saving and exporting ------------------------------------------------------------------

    public void saveExperiment(Path file) {
        ExperimentResult result = state.resultProperty().get();
        if (result == null) {
            state.say("Nothing to save yet: build the variants first.");
            return;
        }
        ExperimentService service = state.service();
        state.tasks().run(() -> service.store().save(result, file, state::say), saved -> {
            state.unsaved.set(false);
            state.say("Saved the experiment to " + saved + ".");
        }, e -> state.say("Cannot save to " + file + ": " + LabState.describe(e)));
    }

    /** Writes the report in {@code format} to {@code file}, atomically, off the FX thread. */
    public void exportReport(ReportFormat format, Path file) {
        Analysis a = state.analysisProperty().get();
        if (a == null) {
            state.say("Nothing to export yet: build the variants or open an experiment first.");
            return;
        }
        state.tasks().run(() -> {
            state.service().exporter().report(a, format, Budgets.none().check(a), file);
            return file;
        }, f -> state.say("Exported the " + format.cliName() + " report to " + f + "."),
                e -> state.say("Cannot write " + file + ": " + LabState.describe(e)));
    }

    /** Writes one chart as PNG or SVG (by the file's extension), off the FX thread. */
    public void exportChart(ReportCharts.Kind kind, Path file) {
        Analysis a = state.analysisProperty().get();
        if (a == null) {
            state.say("No chart yet: build the variants or open an experiment first.");
            return;
        }
        state.tasks().run(() -> {
            state.service().exporter().chart(a, kind, file);
            return file;
        }, f -> state.say("Exported the chart \"" + kind.title() + "\" to " + f + "."),
                e -> state.say("Cannot write " + file + ": " + LabState.describe(e)));
    }

    // ---- parts and properties ------------------------------------------------------------------

    public LabState state() {
        return state;
    }

    public DockerfileViewModel dockerfile() {
        return dockerfile;
    }

    public VariantsViewModel variants() {
        return variants;
    }

    public BuildViewModel build() {
        return build;
    }

    public ResultsViewModel results() {
        return results;
    }

    /** The Dockerfiles opened last, newest first. */
    public ObservableList<Path> getRecentFiles() {
        return recentFiles;
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    /** The window's theme, light or dark. */
    public ThemeViewModel theme() {
        return theme;
    }
}
