package dev.slimlab.ui.lab;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.report.Figures;
import dev.slimlab.report.ReportCharts;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/** The Results tab: the recommendation, the risk/reward table and the charts. */
final class ResultsPane {

    private final LabViewModel model;

    ResultsPane(LabViewModel model) {
        this.model = model;
    }

    Node build() {
        Label recommendation = new Label();
        recommendation.setId("recommendation");
        recommendation.getStyleClass().add("recommendation");
        recommendation.setWrapText(true);
        recommendation.textProperty().bind(Bindings.createStringBinding(() -> model.analysisProperty().get() == null
                ? "Build the variants, or open a saved experiment, to see the results."
                : model.analysisProperty().get().recommendation(), model.analysisProperty()));
        TableView<Assessment> table = new TableView<>(model.getResults());
        table.setId("results-table");
        table.getColumns().addAll(List.of(
                column("Variant", Assessment::name),
                column("Size", Figures::size),
                column("Change", Figures::change),
                column("Pull size", Figures::pull),
                column("Build time", Figures::buildTime),
                column("Tests", Figures::tests),
                column("Parity H/M/L", Figures::parity),
                column("Risk", a -> a.risk().label()),
                column("Verdict", a -> a.verdict().label() + ": " + a.reason())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(260);
        TilePane charts = new TilePane(12, 12);
        charts.setId("charts");
        charts.setPrefColumns(2);
        model.analysisProperty().addListener((obs, was, is) -> showCharts(charts, is));
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        VBox box = new VBox(8, recommendation, table, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TableColumn<Assessment, String> column(String title, Function<Assessment, String> value) {
        TableColumn<Assessment, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static void showCharts(TilePane pane, Analysis analysis) {
        pane.getChildren().clear();
        if (analysis == null) {
            return;
        }
        for (ReportCharts.Kind kind : ReportCharts.available(analysis)) {
            ChartViewer viewer = new ChartViewer(ReportCharts.chart(analysis, kind));
            viewer.setPrefSize(560, 320);
            viewer.setId("chart-" + kind.slug());
            pane.getChildren().add(viewer);
        }
    }
}
