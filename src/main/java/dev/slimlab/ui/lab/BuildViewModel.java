package dev.slimlab.ui.lab;

import dev.slimlab.app.ExperimentService;
import dev.slimlab.app.ExperimentSetup;
import dev.slimlab.app.RunRequest;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.BuilderException;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.experiment.Experiment;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.experiment.ProgressEvent;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.optimize.Project;
import dev.slimlab.ui.support.LineBatcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Build tab: how to build (builds per variant, cold or warm, how many at once, the ablation
 * runs), whether a build can start and why not, the daemon's status, progress per variant and
 * overall, and Cancel. Builds run through the experiment service; their events arrive batched.
 */
public final class BuildViewModel {

    /** Whether the daemon answered when last asked. */
    public enum Daemon { NOT_CHECKED, REACHABLE, UNREACHABLE }

    private final LabState state;
    private final BooleanProperty ablation = new SimpleBooleanProperty(false);
    private final IntegerProperty repetitions = new SimpleIntegerProperty(1);
    private final BooleanProperty coldBuilds = new SimpleBooleanProperty(false);
    private final IntegerProperty parallelBuilds = new SimpleIntegerProperty(1);
    private final ObjectProperty<Builder> builder = new SimpleObjectProperty<>(Builder.AUTO);
    /** A context file changed before each build after the first, so those are warm rebuilds; blank for none. */
    private final StringProperty changedFile = new SimpleStringProperty("");
    private final ReadOnlyDoubleWrapper overallProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper daemonStatus = new ReadOnlyStringWrapper("Docker daemon: not checked yet");
    private final ReadOnlyObjectWrapper<Daemon> daemon = new ReadOnlyObjectWrapper<>(Daemon.NOT_CHECKED);
    private final StringBinding blocked;
    private Cancellation cancellation;
    /** The variants the current (or last) build runs. */
    private List<VariantItem> inRun = List.of();

    public BuildViewModel(LabState state) {
        this.state = state;
        blocked = Bindings.createStringBinding(this::whyNot, state.projectProperty(), state.parseProblemProperty(),
                state.runningProperty(), daemon);
    }

    private String whyNot() {
        if (state.runningProperty().get()) {
            return "A build is running: wait for it, or cancel it.";
        }
        if (daemon.get() == Daemon.UNREACHABLE) {
            return "No Docker daemon answers: start dockerd (or point DOCKER_HOST at one), then click the daemon"
                    + " status to check again.";
        }
        if (!state.parseProblemProperty().get().isEmpty()) {
            return "The Dockerfile does not parse: " + state.parseProblemProperty().get();
        }
        if (state.projectProperty().get() == null) {
            return "Open a Dockerfile first.";
        }
        return "";
    }

    /** Asks the daemon who it is, in the background, and says so in the status bar. */
    public void checkDaemon() {
        ExperimentService service = state.service();
        state.tasks().run(service::ping, this::reachable, e -> {
            daemon.set(Daemon.UNREACHABLE);
            daemonStatus.set("Docker daemon not reachable: " + LabState.describe(e));
        });
    }

    private void reachable(EngineInfo info) {
        daemon.set(Daemon.REACHABLE);
        daemonStatus.set("Docker " + info.engineVersion() + " (API " + info.apiVersion() + ", " + info.os() + ") at "
                + info.host() + ", builds with " + (info.builder() == Builder.BUILDKIT ? "BuildKit" : "the classic builder"));
    }

    /** Builds, measures and checks every variant. */
    public void build() {
        build(false);
    }

    /** Builds only the selected variant, with the original to compare it with. */
    public void buildSelected() {
        build(true);
    }

    private void build(boolean selectedOnly) {
        String why = blocked.get();
        if (!why.isEmpty()) {
            state.say(why);
            return;
        }
        Project project = state.projectProperty().get();
        VariantItem chosen = state.selectedVariantProperty().get();
        List<VariantItem> toBuild = state.getVariants().stream()
                .filter(v -> !selectedOnly || v.isOriginal() || v == chosen).toList();
        ExperimentSetup setup = ExperimentSetup.of(project, state.contextProperty().get())
                .withVariants(toBuild.stream().filter(v -> !v.isOriginal())
                        .map(v -> new VariantSpec(v.name(), v.optimizations())).toList())
                .withAblation(ablation.get() && !selectedOnly)
                .withSettings(ExperimentSettings.defaults().withNoCache(coldBuilds.get())
                        .withParallelBuilds(parallelBuilds.get()).withBuilder(builder.get())
                        .withRebuildsAfterChanging(repetitions.get(),
                                Optional.of(changedFile.get().strip()).filter(f -> !f.isEmpty() && repetitions.get() > 1)));
        Experiment experiment;
        try {
            experiment = state.service().assemble(setup);
        } catch (IllegalArgumentException e) {
            state.say("Cannot build: " + e.getMessage() + ".");
            return;
        }
        for (VariantSpec spec : experiment.variants()) { // the ablation runs get rows of their own
            if (item(spec.name()) == null) {
                state.getVariants().add(new VariantItem(spec.name(), spec.optimizations()));
            }
        }
        inRun = experiment.variants().stream().map(spec -> item(spec.name())).toList();
        inRun.forEach(VariantItem::reset);
        Set<String> kept = state.getVariants().stream().map(VariantItem::name).collect(Collectors.toSet());
        ExperimentResult previous = state.resultProperty().get();
        RunRequest request = RunRequest.of(setup).after(previous, kept);
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        state.running.set(true);
        overallProgress.set(0);
        state.say("Building " + experiment.variants().size() + " variants of " + experiment.id() + "...");
        LineBatcher<ProgressEvent> events = new LineBatcher<>(this::apply);
        AutoCloseable flushing = state.tasks().every(LineBatcher.PERIOD_MILLIS, events::flush);
        long opened = state.opened;
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        state.tasks().run(() -> state.service().run(request, events::add, notes::add, cancel), outcome -> {
            close(flushing);
            state.running.set(false);
            if (opened != state.opened) {
                return; // the user opened something else meanwhile
            }
            daemon.set(Daemon.REACHABLE);
            state.showResult(outcome.result());
            state.unsaved.set(true);
            for (VariantResult r : outcome.result().variants()) {
                VariantItem item = item(r.name());
                if (item != null) {
                    item.finish(r);
                }
            }
            overallProgress.set(1);
            state.say((cancel.isCancelled() ? cancelledMessage(outcome.result())
                    : "Done: " + state.analysisProperty().get().recommendation())
                    + notes.stream().map(note -> " Note: " + note + ".").collect(Collectors.joining()));
        }, e -> {
            close(flushing);
            state.running.set(false);
            inRun.forEach(VariantItem::notRun);
            if (e instanceof BuilderException) { // the daemon answered: its builder cannot build this file
                String refusal = LabState.describe(e).replace("\n  ", " ");
                state.say(Character.toUpperCase(refusal.charAt(0)) + refusal.substring(1));
                return;
            }
            if (e instanceof EngineException) {
                daemon.set(Daemon.UNREACHABLE);
                daemonStatus.set("Docker daemon not reachable: " + LabState.describe(e));
            }
            state.say("The build could not run: " + LabState.describe(e));
        });
    }

    private static String cancelledMessage(ExperimentResult result) {
        long measured = result.variants().stream().filter(VariantResult::finished).count();
        return "Cancelled: " + (measured == 0 ? "no variant finished" : measured + " of " + result.variants().size()
                + " variants have results (from this run or the one before)") + "; nothing was left behind on the"
                + " daemon.";
    }

    /** Stops the builds and checks; the engine removes what they left behind. */
    public void cancel() {
        if (cancellation != null && state.runningProperty().get()) {
            cancellation.cancel();
            state.say("Cancelling...");
        }
    }

    private VariantItem item(String name) {
        return state.getVariants().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    private void apply(List<ProgressEvent> batch) {
        for (ProgressEvent event : batch) {
            VariantItem item = item(event.variant());
            if (item != null) {
                item.apply(event);
            }
        }
        overallProgress.set(inRun.stream().mapToDouble(VariantItem::getProgress).map(x -> Math.max(x, 0)).average().orElse(0));
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // a timer that will not stop: nothing left to flush
        }
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

    public ObjectProperty<Builder> builderProperty() {
        return builder;
    }

    public StringProperty changedFileProperty() {
        return changedFile;
    }

    public ReadOnlyDoubleProperty overallProgressProperty() {
        return overallProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty daemonStatusProperty() {
        return daemonStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Daemon> daemonProperty() {
        return daemon.getReadOnlyProperty();
    }

    /** Why Build cannot start now, in words; "" when it can. */
    public StringBinding buildBlockedProperty() {
        return blocked;
    }

    public LabState state() {
        return state;
    }
}
