package dev.slimlab.ui.lab;

import dev.slimlab.optimize.Finding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Dockerfile tab: the editable Dockerfile, its parse problem, and where optimizations apply. */
final class DockerfilePane {

    private final LabViewModel model;

    DockerfilePane(LabViewModel model) {
        this.model = model;
    }

    Node build() {
        TextArea editor = new TextArea();
        editor.setId("dockerfile-editor");
        editor.getStyleClass().add("code");
        editor.textProperty().bindBidirectional(model.textProperty());
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.parseProblemProperty());
        problem.visibleProperty().bind(model.parseProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        ListView<Finding> findings = new ListView<>(model.getFindings());
        findings.setId("findings");
        findings.setPrefHeight(180);
        findings.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null
                        : (f.line() > 0 ? "line " + f.line() + ": " : "") + f.optimizationId() + " — " + f.message());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label heading = new Label("Where optimizations apply");
        heading.getStyleClass().add("pane-heading");
        VBox box = new VBox(6, problem, editor, heading, findings);
        VBox.setVgrow(editor, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }
}
