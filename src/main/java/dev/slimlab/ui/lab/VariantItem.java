package dev.slimlab.ui.lab;

import dev.slimlab.experiment.ProgressEvent;
import dev.slimlab.experiment.VariantResult;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A variant in the list: its optimizations, where its build is, its live log and its result. */
public final class VariantItem {

    public static final String ORIGINAL = "original";
    /** The most log lines a variant keeps on screen (the whole log is on disk). */
    static final int MAX_LOG_LINES = 5000;
    /** ANSI escape sequences (colours, cursor moves) that build tools print to terminals. */
    private static final java.util.regex.Pattern ANSI = java.util.regex.Pattern.compile(
            "\u001B(?:\\[[0-?]*[ -/]*[@-~]|[@-Z\\\\-_])");

    private final String name;
    private Set<String> optimizations;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("not built");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObjectProperty<VariantResult> result = new SimpleObjectProperty<>();

    VariantItem(String name, Set<String> optimizations) {
        this.name = name;
        this.optimizations = new TreeSet<>(optimizations);
    }

    public String name() {
        return name;
    }

    public boolean isOriginal() {
        return name.equals(ORIGINAL);
    }

    public Set<String> optimizations() {
        return Set.copyOf(optimizations);
    }

    void setOptimizations(Set<String> ids) {
        optimizations = new TreeSet<>(ids);
    }

    void reset() {
        status.set("queued");
        progress.set(0);
        log.clear();
        result.set(null);
    }

    /** Applies a progress event (FX thread, from a batch). */
    void apply(ProgressEvent event) {
        switch (event.phase()) {
            case LOG -> {
                log.add(shown(event.message()));
                if (log.size() > MAX_LOG_LINES) {
                    log.remove(0, log.size() - MAX_LOG_LINES);
                }
            }
            case BUILDING -> {
                // the running steps (several at once on BuildKit), cut short: a RUN line can be long
                String running = event.message().length() > 140 ? event.message().substring(0, 139) + "…" : event.message();
                status.set("building: step " + event.step() + " of " + event.steps() + (running.isBlank() ? "" : ": " + running));
                progress.set(event.steps() == 0 ? -1 : 0.8 * event.step() / event.steps());
            }
            case MEASURING -> {
                status.set("measuring");
                progress.set(0.85);
            }
            case TESTING -> {
                status.set("testing");
                progress.set(0.9);
            }
            case DONE -> {
                status.set(event.message());
                progress.set(1);
            }
            case FAILED -> {
                status.set("failed: " + event.message());
                progress.set(1);
            }
            case CANCELLED -> {
                status.set("cancelled");
                progress.set(1);
            }
            case QUEUED -> status.set("queued");
        }
    }

    /** The build did not start: back to not built. */
    void notRun() {
        status.set(result.get() == null ? "not built" : ended(result.get()));
        progress.set(result.get() == null ? 0 : 1);
    }

    void finish(VariantResult r) {
        result.set(r);
        progress.set(1);
        status.set(ended(r));
        if (log.isEmpty()) {
            log.setAll(r.logTail());
        }
    }

    /** "built", or how it ended and why: "failed: the command ... returned 1". */
    private static String ended(VariantResult r) {
        if (r.built()) {
            return "built";
        }
        String how = r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String why = r.error().orElse("").lines().findFirst().orElse("");
        return why.isEmpty() || why.equals(how) ? how : how + ": " + why;
    }

    /** A log line as shown: without the escape codes that colour it on a terminal. */
    static String shown(String line) {
        return ANSI.matcher(line).replaceAll("");
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public double getProgress() {
        return progress.get();
    }

    public ObservableList<String> getLog() {
        return log;
    }

    public ObjectProperty<VariantResult> resultProperty() {
        return result;
    }

    @Override
    public String toString() {
        return name;
    }
}
