package dev.slimlab.ui.lab;

import dev.slimlab.optimize.SideBySideDiff;
import dev.slimlab.optimize.SideBySideDiff.Kind;
import dev.slimlab.optimize.SideBySideDiff.Line;
import dev.slimlab.optimize.SideBySideDiff.Row;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected variant's Dockerfile beside the original's: a header with both names and a short
 * summary, then one row per line pair, each side with its line number, a sign (− removed,
 * + added, ~ changed) and a background colour from the theme's looked-up diff colours. One list
 * holds both columns, so they scroll together, also from the keyboard. It shows
 * {@link VariantsViewModel#sideBySideProperty()} and keeps no state but what is on screen.
 */
final class DiffPane {

    private static final List<String> KIND_CLASSES = List.of("diff-same", "diff-removed", "diff-added",
            "diff-changed", "diff-blank");

    private final VariantsViewModel model;

    DiffPane(VariantsViewModel model) {
        this.model = model;
    }

    Node build() {
        Label summary = new Label();
        summary.setId("diff-summary");
        summary.getStyleClass().add("diff-summary");
        Label leftName = new Label();
        leftName.setId("diff-left-name");
        Label rightName = new Label();
        rightName.setId("diff-right-name");
        HBox names = new HBox(leftName, rightName);
        for (Label name : List.of(leftName, rightName)) {
            name.getStyleClass().add("diff-side-name");
            name.setMaxWidth(Double.MAX_VALUE);
            name.setPrefWidth(0);
            HBox.setHgrow(name, Priority.ALWAYS);
        }

        ListView<Row> rows = new ListView<>();
        rows.setId("side-by-side");
        rows.getStyleClass().addAll("diff-view", "code");
        rows.setCellFactory(list -> new RowCell());
        rows.setPlaceholder(new Label("Open a Dockerfile and choose a variant to see it beside the original."));
        VBox.setVgrow(rows, Priority.ALWAYS);

        Runnable show = () -> {
            SideBySideDiff diff = model.sideBySideProperty().get();
            if (diff == null) {
                rows.getItems().clear();
                summary.setText("");
                leftName.setText("");
                rightName.setText("");
                return;
            }
            boolean anotherVariant = !diff.rightName().equals(rightName.getText());
            rows.getItems().setAll(diff.rows());
            leftName.setText(diff.leftName());
            rightName.setText(diff.rightName());
            summary.setText(diff.rightName() + " against " + diff.leftName() + ": " + diff.summary());
            if (anotherVariant) {
                rows.scrollTo(0); // a toggle keeps the place; another variant starts at the top
            }
        };
        model.sideBySideProperty().addListener((obs, was, is) -> show.run());
        show.run();

        VBox pane = new VBox(4, summary, names, rows);
        pane.getStyleClass().add("diff-pane");
        return pane;
    }

    /** One row: the original's line on the left, the variant's on the right, either side maybe blank. */
    private static final class RowCell extends ListCell<Row> {
        private final Side left = new Side("left");
        private final Side right = new Side("right");
        private final HBox box = new HBox(left.box, right.box);

        RowCell() {
            getStyleClass().add("diff-row");
            box.setMinWidth(0);
            box.setPrefWidth(0);
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            left.show(row.kind(), row.left(), row.endingsDiffer());
            right.show(row.kind(), row.right(), row.endingsDiffer());
            setAccessibleText(describe(row));
            setGraphic(box);
        }

        private static String describe(Row row) {
            return switch (row.kind()) {
                case SAME -> "line " + row.left().number() + (row.left().number() == row.right().number() ? ""
                        : ", now line " + row.right().number() + ",") + " unchanged: " + row.left().text();
                case REMOVED -> "original line " + row.left().number() + " removed: " + row.left().text();
                case ADDED -> "line " + row.right().number() + " added: " + row.right().text();
                case CHANGED -> "original line " + row.left().number() + " changed: " + row.left().text()
                        + ", now line " + row.right().number() + ": " + row.right().text();
            };
        }
    }

    /** Half a row: line number, sign, text and, when the two sides end differently, how this one ends. */
    private static final class Side {
        private final Label number = new Label();
        private final Label sign = new Label();
        private final Label text = new Label();
        private final Label ending = new Label();
        private final HBox box = new HBox(number, sign, text, ending);

        Side(String which) {
            box.getStyleClass().addAll("diff-side", "diff-" + which);
            box.setAlignment(Pos.TOP_LEFT);
            box.setMinWidth(0);
            box.setPrefWidth(0);
            box.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(box, Priority.ALWAYS);
            number.getStyleClass().add("diff-number");
            number.setMinWidth(Region.USE_PREF_SIZE);
            number.setAlignment(Pos.TOP_RIGHT);
            sign.getStyleClass().add("diff-sign");
            sign.setMinWidth(Region.USE_PREF_SIZE);
            sign.setAlignment(Pos.TOP_CENTER);
            text.getStyleClass().add("diff-text");
            text.setWrapText(true);
            text.setMinWidth(0);
            text.setPrefWidth(0);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            ending.getStyleClass().add("diff-ending");
            ending.setMinWidth(Region.USE_PREF_SIZE);
        }

        void show(Kind kind, Line line, boolean endingsDiffer) {
            box.getStyleClass().removeAll(KIND_CLASSES);
            box.getStyleClass().add(line == null ? "diff-blank" : "diff-" + kind.name().toLowerCase(Locale.ROOT));
            number.setText(line == null ? "" : String.valueOf(line.number()));
            sign.setText(line == null ? "" : sign(kind));
            text.setText(line == null ? "" : line.text());
            boolean showEnding = line != null && endingsDiffer;
            ending.setText(showEnding ? line.ending().label() : "");
            ending.setVisible(showEnding);
            ending.setManaged(showEnding);
        }

        private static String sign(Kind kind) {
            return switch (kind) {
                case SAME -> "";
                case REMOVED -> "\u2212";
                case ADDED -> "+";
                case CHANGED -> "~";
            };
        }
    }
}
