package dev.slimlab.ui.lab;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.app.ExperimentService;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.Project;
import dev.slimlab.ui.support.TaskExecutor;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the lab's view models share: the open Dockerfile and its context, the project it parses
 * to, the variants, the known result with its analysis, whether a build runs, and the line of
 * text the status bar shows. Each view model reads and changes its own part of it.
 */
public final class LabState {

    private final ExperimentService service;
    private final TaskExecutor tasks;

    final ReadOnlyObjectWrapper<Path> dockerfile = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Path> context = new SimpleObjectProperty<>();
    final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    final ReadOnlyStringWrapper parseProblem = new ReadOnlyStringWrapper("");
    final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<VariantItem> variants = FXCollections.observableArrayList();
    private final ObjectProperty<VariantItem> selectedVariant = new SimpleObjectProperty<>();
    /** What is known: the last run's result, with what earlier runs knew where it did not finish. */
    final ReadOnlyObjectWrapper<ExperimentResult> result = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>();
    final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    /** Results that are not in any file yet. */
    final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** Counts what the lab has opened, so that a build of something no longer open shows nothing. */
    long opened;

    public LabState(ExperimentService service, TaskExecutor tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    public ExperimentService service() {
        return service;
    }

    public Catalog catalog() {
        return service.catalog();
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    /** Shows {@code text} in the status bar (from any thread). */
    void say(String text) {
        tasks.onFx(() -> message.set(text));
    }

    /** Shows a result and its analysis, or clears them with null. */
    void showResult(ExperimentResult known) {
        result.set(known);
        analysis.set(known == null ? null : service.analyze(known));
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    public ReadOnlyObjectProperty<Path> dockerfileProperty() {
        return dockerfile.getReadOnlyProperty();
    }

    public ObjectProperty<Path> contextProperty() {
        return context;
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** Why the text does not parse, or "" when it does. */
    public ReadOnlyStringProperty parseProblemProperty() {
        return parseProblem.getReadOnlyProperty();
    }

    /** True once a Dockerfile (even one that does not parse) or an experiment is open. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObservableList<VariantItem> getVariants() {
        return variants;
    }

    public ObjectProperty<VariantItem> selectedVariantProperty() {
        return selectedVariant;
    }

    public ReadOnlyObjectProperty<ExperimentResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
