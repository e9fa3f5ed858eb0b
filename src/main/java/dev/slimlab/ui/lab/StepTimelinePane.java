package dev.slimlab.ui.lab;

import dev.slimlab.analysis.Formats;
import dev.slimlab.analysis.StepTimeline;
import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The selected variant's build steps as a Gantt chart: a row per step, its name, a bar from its
 * start to its end on a track that spans the build (so steps that ran in parallel overlap), and its
 * time. The rows and the sentence above them come from {@link StepTimeline}, as in the report.
 */
final class StepTimelinePane {

    private static final PseudoClass CACHED = PseudoClass.getPseudoClass("cached");
    private static final PseudoClass PARALLEL = PseudoClass.getPseudoClass("parallel");
    private static final PseudoClass SLOWEST = PseudoClass.getPseudoClass("slowest");
    private static final double LABEL_WIDTH = 300;
    private static final double VALUE_WIDTH = 110;
    private static final double BAR_HEIGHT = 12;
    /** A cached step took no time: a sliver shows where it stands. */
    private static final double CACHED_WIDTH = 3;

    private final VBox rows = new VBox(2);

    Node build(ObservableValue<StepTimeline> timeline, ObservableStringValue summary) {
        Label line = new Label();
        line.setId("timeline-summary");
        line.getStyleClass().add("detail-summary");
        line.setWrapText(true);
        line.setMinHeight(Label.USE_PREF_SIZE);
        line.textProperty().bind(summary);
        rows.setId("timeline-rows");
        rows.setPadding(new Insets(4, 12, 4, 0));
        timeline.addListener((obs, was, is) -> show(is));
        show(timeline.getValue());
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        VBox box = new VBox(6, line, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private void show(StepTimeline timeline) {
        rows.getChildren().clear();
        if (timeline.rows().isEmpty()) {
            return;
        }
        double span = Math.max(timeline.totalSeconds(), 0.001);
        List<StepTimeline.Row> slowest = timeline.slowest(3);
        rows.getChildren().add(row(new Label(), axis(), fixed(new Label(Formats.duration(span)), VALUE_WIDTH)));
        for (StepTimeline.Row step : timeline.rows()) {
            Label name = new Label(step.label());
            name.setTooltip(new Tooltip(step.name()));
            Pane track = new Pane();
            Rectangle bar = new Rectangle();
            bar.getStyleClass().add("timeline-bar");
            bar.setManaged(false); // the track's width places the bar, not the other way round
            bar.setY(2);
            bar.setHeight(BAR_HEIGHT);
            bar.xProperty().bind(track.widthProperty().multiply(step.startSeconds() / span));
            if (step.cached()) {
                bar.setWidth(CACHED_WIDTH);
            } else {
                bar.widthProperty().bind(track.widthProperty().multiply(step.seconds() / span));
            }
            track.getChildren().add(bar);
            Label value = new Label(step.time());
            HBox row = row(name, track, fixed(value, VALUE_WIDTH));
            row.pseudoClassStateChanged(CACHED, step.cached());
            row.pseudoClassStateChanged(PARALLEL, step.parallel());
            row.pseudoClassStateChanged(SLOWEST, slowest.contains(step));
            rows.getChildren().add(row);
        }
    }

    /** Where the time axis starts; the header row's last cell says where it ends. */
    private static Pane axis() {
        Label zero = new Label(Formats.duration(0));
        zero.getStyleClass().add("detail-muted");
        return new Pane(zero);
    }

    private static HBox row(Label name, Pane track, Label value) {
        fixed(name, LABEL_WIDTH);
        track.setMinSize(120, BAR_HEIGHT + 4);
        track.setPrefWidth(0); // grows with the row
        HBox.setHgrow(track, Priority.ALWAYS);
        value.getStyleClass().add("timeline-value");
        HBox row = new HBox(8, name, track, value);
        row.getStyleClass().add("timeline-row");
        return row;
    }

    private static Label fixed(Label label, double width) {
        label.setMinWidth(width);
        label.setPrefWidth(width);
        label.setMaxWidth(width);
        return label;
    }
}
