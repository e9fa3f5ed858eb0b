package dev.slimlab.ui.lab;

import dev.slimlab.app.Samples;
import dev.slimlab.app.Samples.Sample;
import dev.slimlab.ui.support.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sample gallery and the Samples menu: the samples SlimLab ships, listed in the background;
 * opening one copies it out to the user's folder (off the FX thread) and opens its Dockerfile.
 */
public final class SamplesViewModel {

    static final String NO_SAMPLES = "Open a Dockerfile to begin.";

    private final Samples samples;
    private final TaskExecutor tasks;
    private final LabViewModel lab;
    private final ObservableList<Sample> list = FXCollections.observableArrayList();
    private final ObservableList<Sample> readOnlyList = FXCollections.unmodifiableObservableList(list);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(NO_SAMPLES);

    /** The samples shipped with SlimLab, copied out to the user's folder. */
    public SamplesViewModel(TaskExecutor tasks, LabViewModel lab) {
        this(Samples.inUserFolder(), tasks, lab);
    }

    SamplesViewModel(Samples samples, TaskExecutor tasks, LabViewModel lab) {
        this.samples = samples;
        this.tasks = tasks;
        this.lab = lab;
    }

    /** Lists the samples; if they cannot be, the gallery's heading says why. */
    public void load() {
        tasks.run(samples::list, found -> {
            list.setAll(found);
            heading.set(found.isEmpty() ? NO_SAMPLES : "Or start from a sample:");
        }, e -> heading.set(NO_SAMPLES + " (The samples cannot be listed: " + LabState.describe(e) + ")"));
    }

    /** Copies the sample out if its copy is missing or outdated, then opens its Dockerfile. */
    public void open(Sample sample) {
        tasks.run(() -> samples.dockerfile(sample), lab::openDockerfile, e -> lab.state().say("Cannot copy the sample "
                + sample.name() + " to " + samples.folder() + ": " + LabState.describe(e)));
    }

    public ObservableList<Sample> getSamples() {
        return readOnlyList;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }
}
