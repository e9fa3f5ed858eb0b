package dev.slimlab.ui.welcome;

import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the welcome page: every text it shows, as properties. Never touches a node. */
public final class WelcomeViewModel {

    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper("SlimLab");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("SlimLab");
    private final ReadOnlyStringWrapper tagline =
            new ReadOnlyStringWrapper("A lab for slimmer Docker images");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(
            "Load a Dockerfile, toggle optimizations, and SlimLab builds every variant on your"
                    + " local Docker daemon. It measures each image and runs your staging tests"
                    + " against it, so you can compare the risk of every change against its"
                    + " reward before you ship it.");
    private final ObservableList<String> steps = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(List.of(
                    "Load a Dockerfile.",
                    "Toggle optimizations: slim base image, --no-install-recommends, apt list"
                            + " cleanup, pip --no-cache-dir, combined layers, multi-stage builds.",
                    "Build every variant on the local Docker daemon.",
                    "Measure size, layers, wasted space and build time; run staging tests.",
                    "Compare risk against reward, and export the report.")));
    private final ReadOnlyStringWrapper riskLegendTitle =
            new ReadOnlyStringWrapper("Every change is rated:");
    private final ReadOnlyStringWrapper lowRisk = new ReadOnlyStringWrapper("Low risk");
    private final ReadOnlyStringWrapper mediumRisk = new ReadOnlyStringWrapper("Medium risk");
    private final ReadOnlyStringWrapper highRisk = new ReadOnlyStringWrapper("High risk");

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taglineProperty() {
        return tagline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The steps of an experiment, in order. */
    public ObservableList<String> getSteps() {
        return steps;
    }

    public ReadOnlyStringProperty riskLegendTitleProperty() {
        return riskLegendTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lowRiskProperty() {
        return lowRisk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mediumRiskProperty() {
        return mediumRisk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty highRiskProperty() {
        return highRisk.getReadOnlyProperty();
    }
}
