package dev.slimlab.ui.lab;

import dev.slimlab.optimize.Finding;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Dockerfile tab: the Dockerfile in its editor, its parse problem, what applies on the
 * caret's line, and the list of where optimizations apply. Choosing a finding in the list takes
 * the editor's caret to its line (Enter or a double click also moves the focus there).
 */
final class DockerfilePane {

    private final DockerfileViewModel model;
    private final VariantsViewModel variants;

    DockerfilePane(DockerfileViewModel model, VariantsViewModel variants) {
        this.variants = variants;
        this.model = model;
    }

    Node build() {
        DockerfileCodeEditor editor = new DockerfileCodeEditor(model, variants.getOptimizations());
        Node editorNode = editor.node();

        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.state().parseProblemProperty());
        problem.visibleProperty().bind(model.state().parseProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label atCaret = caretLine(editor);

        ListView<Finding> findings = new ListView<>(model.getFindings());
        findings.setId("findings");
        findings.setPrefHeight(170);
        findings.setCellFactory(view -> new ListCell<>() {
            {
                setOnMouseClicked(e -> {
                    if (getItem() != null && e.getButton() == MouseButton.PRIMARY) {
                        go(editor, getItem(), e.getClickCount() > 1);
                    }
                });
            }

            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null
                        : (f.line() > 0 ? "line " + f.line() + ": " : "") + f.optimizationId() + " — " + f.message());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        findings.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            // only a choice made in the list moves the caret, never a selection change from elsewhere
            if (is != null && findings.isFocused()) {
                go(editor, is, false);
            }
        });
        findings.setOnKeyPressed(e -> {
            Finding f = findings.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && f != null) {
                go(editor, f, true);
                e.consume();
            }
        });

        leaveWithControlTab(editor.area(), findings);

        Label heading = new Label("Where optimizations apply");
        heading.getStyleClass().add("pane-heading");
        heading.setLabelFor(findings);
        VBox box = new VBox(6, problem, editorNode, atCaret, heading, findings);
        VBox.setVgrow(editorNode, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /**
     * Tab types a tab in the editor; Ctrl+Tab goes on to the findings and Ctrl+Shift+Tab back to
     * the tabs, as in a TextArea (the TabPane would otherwise take Ctrl+Tab to switch tabs).
     */
    private static void leaveWithControlTab(Node area, Node next) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && e.isControlDown()) {
                e.consume();
                if (!e.isShiftDown()) {
                    next.requestFocus();
                    return;
                }
                for (Node n = area.getParent(); n != null; n = n.getParent()) {
                    if (n instanceof TabPane) {
                        n.requestFocus();
                        return;
                    }
                }
            }
        });
    }

    private static void go(DockerfileCodeEditor editor, Finding finding, boolean focus) {
        if (finding.line() > 0) {
            editor.reveal(finding.line());
        }
        if (focus) {
            editor.area().requestFocus();
        }
    }

    /** One line under the editor: which optimizations apply where the caret is, for the keyboard. */
    private static Label caretLine(DockerfileCodeEditor editor) {
        StringBinding summary = Bindings.createStringBinding(() -> {
            int line = editor.area().getCurrentParagraph();
            Optional<LineMarkers.Marker> marker = editor.markersProperty().get().markerCovering(line);
            return marker.map(m -> "Line " + (m.line() + 1) + ": " + String.join(", ",
                    m.findings().stream().map(Finding::optimizationId).distinct().toList())
                    + (m.findings().size() == 1 ? " applies" : " apply") + " here · F8: next marked line, Shift+F8: previous")
                    .orElse(editor.markersProperty().get().isEmpty() ? ""
                            : "F8: next line where optimizations apply, Shift+F8: previous");
        }, editor.markersProperty(), editor.area().currentParagraphProperty());
        Label label = new Label();
        label.setId("caret-findings");
        label.getStyleClass().add("caret-findings");
        label.textProperty().bind(summary);
        Tooltip tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        tooltip.textProperty().bind(Bindings.createStringBinding(() -> editor.markersProperty().get()
                .markerCovering(editor.area().getCurrentParagraph()).map(editor::describe).orElse(""),
                editor.markersProperty(), editor.area().currentParagraphProperty()));
        label.tooltipProperty().bind(Bindings.when(tooltip.textProperty().isEmpty()).then((Tooltip) null)
                .otherwise(tooltip));
        return label;
    }
}
