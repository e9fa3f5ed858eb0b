package dev.slimlab.ui.lab;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileSyntaxException;
import dev.slimlab.optimize.ContextFiles;
import dev.slimlab.optimize.Finding;
import dev.slimlab.optimize.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Dockerfile tab: the text being edited, whether it parses, and where optimizations apply.
 * Every edit (and a new context folder) reads the text again off the FX thread; a reading
 * overtaken by a newer edit is dropped.
 */
public final class DockerfileViewModel {

    private final LabState state;
    private final StringProperty text = new SimpleStringProperty("");
    /** Every finding of every optimization, applying or not (the toggles say why one does not apply). */
    private final ReadOnlyObjectWrapper<List<Finding>> allFindings = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    /** Counts readings, so that one finished after a newer edit is not shown. */
    private long generation;
    /** True while a new file's text and context are set together, so that they are read once. */
    private boolean loading;

    public DockerfileViewModel(LabState state) {
        this.state = state;
        text.addListener((obs, was, is) -> reparseUnlessLoading());
        state.contextProperty().addListener((obs, was, is) -> reparseUnlessLoading());
    }

    /** The text of {@code file}, or empty after saying why it cannot be read. */
    static java.util.Optional<String> read(LabState state, Path file) {
        try {
            return java.util.Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            state.say("Cannot open " + file + ": " + LabState.describe(e) + ". Choose a readable Dockerfile.");
            return java.util.Optional.empty();
        }
    }

    /** Shows {@code source} as the Dockerfile built from {@code context}: read once, for both. */
    void load(String source, Path context) {
        state.project.set(null);
        loading = true;
        try {
            state.contextProperty().set(context);
            text.set(source);
        } finally {
            loading = false;
        }
        reparse();
    }

    private void reparseUnlessLoading() {
        if (!loading) {
            reparse();
        }
    }

    private record Parsed(Project project, List<Finding> findings, String problem) {
    }

    private void reparse() {
        long mine = ++generation;
        String source = text.get();
        Path folder = state.contextProperty().get();
        state.tasks().run(() -> parse(source, folder), parsed -> {
            if (mine == generation) {
                show(parsed);
            }
        }, e -> state.parseProblem.set("SlimLab cannot read this Dockerfile: " + LabState.describe(e)));
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
                state.say("Cannot list the build context " + folder + ": " + e.getMessage());
            }
        }
        Project p = Project.of(parsed, files);
        return new Parsed(p, state.catalog().findings(p), "");
    }

    private void show(Parsed parsed) {
        state.parseProblem.set(parsed.problem());
        if (parsed.project() == null) {
            return;
        }
        findings.setAll(parsed.findings().stream().filter(Finding::applies).toList());
        allFindings.set(parsed.findings());
        state.project.set(parsed.project());
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Where optimizations apply in the Dockerfile (for the editor's markers). */
    public ObservableList<Finding> getFindings() {
        return findings;
    }

    public ReadOnlyObjectProperty<List<Finding>> allFindingsProperty() {
        return allFindings.getReadOnlyProperty();
    }

    public LabState state() {
        return state;
    }
}
