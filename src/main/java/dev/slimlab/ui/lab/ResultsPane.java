package dev.slimlab.ui.lab;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Formats;
import dev.slimlab.engine.api.WastedFile;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.report.ReportCharts;
import dev.slimlab.ui.lab.ResultsViewModel.LayerRow;
import dev.slimlab.ui.support.RiskBadge;
import dev.slimlab.analysis.PackageChange;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Results tab: the recommendation; the risk/reward table, sortable by value, with the
 * details of the variant selected in it (layers, where the build time went, packages, staging
 * tests, parity findings); and
 * the charts. It binds nodes to a {@link ResultsViewModel} and forwards the selection.
 */
final class ResultsPane {

    private static final PseudoClass RECOMMENDED = PseudoClass.getPseudoClass("recommended");
    private static final PseudoClass PARETO = PseudoClass.getPseudoClass("pareto");
    private static final List<String> TEST_STATES = List.of("passed", "failed", "error");
    private static final double CHART_GAP = 12;
    private static final double MIN_CHART_WIDTH = 560;

    private final ResultsViewModel model;

    ResultsPane(ResultsViewModel model) {
        this.model = model;
    }

    Node build() {
        Label recommendation = new Label();
        recommendation.setId("recommendation");
        recommendation.getStyleClass().add("recommendation");
        recommendation.setWrapText(true);
        recommendation.setMinHeight(Label.USE_PREF_SIZE);
        recommendation.textProperty().bind(Bindings.createStringBinding(() -> model.analysis().getValue() == null
                ? "Build the variants, or open a saved experiment, to see the results."
                : model.analysis().getValue().recommendation(), model.analysis()));
        TabPane views = new TabPane(tab("results-table-view", "Table", tableAndDetails()),
                tab("results-charts-view", "Charts", charts()));
        views.setId("results-views");
        views.getStyleClass().add("results-views");
        VBox box = new VBox(8, recommendation, views);
        VBox.setVgrow(views, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }

    // ---- the risk/reward table -----------------------------------------------------------------

    private Node tableAndDetails() {
        TableView<ResultRow> table = new TableView<>();
        table.setId("results-table");
        table.getStyleClass().add("results-table");
        SortedList<ResultRow> sorted = new SortedList<>(model.getRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        for (ResultColumn c : ResultColumn.values()) {
            table.getColumns().add(resultColumn(c));
        }
        table.setRowFactory(view -> new ResultTableRow());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(note(new SimpleStringProperty(ResultsViewModel.NO_RESULTS)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                model.selectedProperty().set(is);
            }
        });
        model.selectedProperty().addListener((obs, was, is) -> {
            if (is == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
                table.scrollTo(is);
            }
        });
        Label legend = new Label("★ recommended · ◆ Pareto-optimal: no other working variant saves more at no"
                + " more risk · Parity: high/medium/low findings · Click a column title to sort by its values.");
        legend.getStyleClass().add("legend");
        legend.setWrapText(true);
        legend.setMinHeight(Label.USE_PREF_SIZE);
        VBox top = new VBox(4, table, legend);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(top, details());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        split.getStyleClass().add("results-split");
        return split;
    }

    private static TableColumn<ResultRow, ResultRow> resultColumn(ResultColumn c) {
        TableColumn<ResultRow, ResultRow> column = new TableColumn<>(c.title());
        column.setId("column-" + c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(c.order());
        column.setCellFactory(view -> c == ResultColumn.RISK ? new RiskBadgeCell<>(
                (ResultRow row) -> row.assessment().risk().label(), row -> row.assessment().risk().label(),
                row -> row.assessment().riskReasons().isEmpty() ? null : wrapping("Risk "
                        + row.assessment().risk().label() + ": " + String.join("; ", row.assessment().riskReasons())))
                : new ResultCell(c));
        boolean numeric = switch (c) {
            case SIZE, CHANGE, PULL, BUILD_TIME, TESTS, PARITY -> true;
            default -> false;
        };
        if (numeric) {
            column.getStyleClass().add("num");
        }
        // wide enough for the figures, the risk badge and the verdict's words (its reason is in the details)
        column.setMinWidth(switch (c) {
            case VARIANT -> 116;
            case SIZE -> 76;
            case CHANGE -> 66;
            case PULL -> 76;
            case BUILD_TIME -> 146;
            case TESTS -> 48;
            case PARITY -> 84; // "12/203/93": high/medium/low
            case RISK -> 80;
            case VERDICT -> 150;
        });
        column.setPrefWidth(c == ResultColumn.VARIANT ? 140 : column.getMinWidth());
        return column;
    }

    /** A row: recommended and Pareto-optimal as pseudo-classes (its ★ and ◆ say so too). */
    private static final class ResultTableRow extends TableRow<ResultRow> {
        @Override
        protected void updateItem(ResultRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean shown = !empty && row != null;
            pseudoClassStateChanged(RECOMMENDED, shown && row.recommended());
            pseudoClassStateChanged(PARETO, shown && row.paretoOptimal());
        }
    }

    /** A cell that says what its column says of the row; long texts also in a tooltip. */
    private static final class ResultCell extends TableCell<ResultRow, ResultRow> {
        private final ResultColumn column;

        ResultCell(ResultColumn column) {
            this.column = column;
        }

        @Override
        protected void updateItem(ResultRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(column.text(row));
            setTooltip(switch (column) {
                case VERDICT, BUILD_TIME -> wrapping(column.fullText(row));
                case VARIANT -> wrapping(row.name() + (row.recommended() ? ": recommended" : "")
                        + (row.paretoOptimal() ? (row.recommended() ? ", " : ": ") + "Pareto-optimal" : ""));
                default -> null;
            });
        }
    }

    /** A risk badge per row: its words and level, and (optionally) why in a tooltip. */
    private static final class RiskBadgeCell<S, T> extends TableCell<S, T> {
        private final RiskBadge badge = new RiskBadge();
        private final Function<T, String> text;
        private final Function<T, String> level;
        private final Function<T, Tooltip> why;

        RiskBadgeCell(Function<T, String> text, Function<T, String> level, Function<T, Tooltip> why) {
            this.text = text;
            this.level = level;
            this.why = why;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            badge.show(text.apply(item), level.apply(item));
            setGraphic(badge);
            setTooltip(why.apply(item));
        }
    }

    private static void state(Node node, List<String> states, String on) {
        for (String s : states) {
            node.pseudoClassStateChanged(PseudoClass.getPseudoClass(s), s.equals(on));
        }
    }

    private static Tooltip wrapping(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(560);
        return tooltip;
    }

    // ---- the selected variant's details --------------------------------------------------------

    private Node details() {
        Label heading = new Label();
        heading.setId("variant-heading");
        heading.getStyleClass().add("detail-heading");
        heading.textProperty().bind(model.headingProperty());
        Label verdict = new Label();
        verdict.setId("variant-verdict");
        verdict.getStyleClass().add("detail-text");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdictTextProperty());
        verdict.setMinHeight(Label.USE_PREF_SIZE);
        Label risk = new Label();
        risk.setId("variant-risk");
        risk.getStyleClass().add("detail-muted");
        risk.setWrapText(true);
        risk.textProperty().bind(model.riskTextProperty());
        risk.setMaxHeight(34);
        risk.tooltipProperty().bind(Bindings.createObjectBinding(() -> model.riskTextProperty().get().isEmpty() ? null
                : wrapping(model.riskTextProperty().get()), model.riskTextProperty()));

        TabPane tabs = new TabPane(
                tab("detail-layers", "Layers", layersTab()),
                tab("detail-steps", "Build time", new StepTimelinePane().build(model.timelineProperty(),
                        model.timelineSummaryProperty())),
                counted(tab("detail-packages", "Packages", packagesTab()), model.getPackageChanges()),
                counted(tab("detail-tests", "Staging tests", testsTab()), model.getTests()),
                counted(tab("detail-parity", "Parity findings", parityTab()), model.getParity()));
        tabs.setId("variant-details");
        tabs.getStyleClass().add("variant-details");
        VBox box = new VBox(2, heading, verdict, risk, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private static Tab counted(Tab tab, ObservableList<?> items) {
        String title = tab.getText();
        tab.textProperty().bind(Bindings.createStringBinding(() -> items.isEmpty() ? title
                : title + " (" + items.size() + ")", items));
        return tab;
    }

    private Node layersTab() {
        TableView<LayerRow> layers = new TableView<>();
        layers.setId("layers-table");
        layers.getColumns().addAll(List.of(
                column("#", LayerRow::number, String::valueOf, true, 40),
                column("Instruction", LayerRow::instruction, s -> s, LayerRow::createdBy, false, 360),
                column("Size", LayerRow::sizeBytes, Formats::size, true, 90),
                column("Share", LayerRow::sharePercent, Formats::percent, true, 70)));
        TableView<WastedFile> wasted = new TableView<>();
        wasted.setId("wasted-table");
        wasted.getColumns().addAll(List.of(
                column("Path", WastedFile::path, s -> s, WastedFile::path, false, 260),
                column("Layers", WastedFile::layers, String::valueOf, true, 74),
                column("Size", WastedFile::totalBytes, Formats::size, true, 90)));
        Label wastedHeading = new Label("Top wasted files");
        wastedHeading.getStyleClass().add("pane-heading");
        SplitPane split = new SplitPane(section(model.getLayers(), model.layersSummaryProperty(), layers),
                withHeading(wastedHeading, section(model.getWastedFiles(), model.wastedSummaryProperty(), wasted)));
        split.setDividerPositions(0.6);
        return split;
    }

    private Node packagesTab() {
        TableView<PackageChange> table = new TableView<>();
        table.setId("packages-table");
        table.getColumns().addAll(List.of(
                column("Change", PackageChange::kind, PackageChange.Kind::label, false, 110),
                column("Package", PackageChange::name, s -> s, false, 200),
                column("Manager", PackageChange::manager, s -> s, false, 80),
                column("Original version", PackageChange::originalVersion, ResultsPane::orDash, false, 150),
                column("Variant version", PackageChange::variantVersion, ResultsPane::orDash, false, 150),
                column("Installed size", PackageChange::bytes, b -> b == 0 ? "—" : Formats.size(b), true, 110)));
        return section(model.getPackageChanges(), model.packagesSummaryProperty(), table);
    }

    private Node testsTab() {
        TableView<TestOutcome> table = new TableView<>();
        table.setId("tests-table");
        TableColumn<TestOutcome, TestOutcome.Status> status = column("Status", TestOutcome::status,
                s -> s.name().toLowerCase(Locale.ROOT), false, 84);
        status.setMinWidth(84);
        status.setCellFactory(c -> new BadgeCell<>("status-badge", s -> s.name().toLowerCase(Locale.ROOT),
                TEST_STATES, s -> s.name().toLowerCase(Locale.ROOT)));
        table.getColumns().addAll(List.of(status,
                column("Kind", TestOutcome::kind, s -> s, false, 90),
                column("Test", TestOutcome::name, s -> s, false, 180),
                column("Time", TestOutcome::seconds, Formats::duration, true, 70),
                column("Message", t -> t.message().lines().findFirst().orElse(""), s -> s, TestOutcome::message,
                        false, 200)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) ->
                model.selectedTestProperty().set(is));
        model.selectedTestProperty().addListener((obs, was, is) -> {
            if (is == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });
        TextArea output = new TextArea();
        output.setId("test-output");
        output.getStyleClass().add("code");
        output.setEditable(false);
        output.setWrapText(true);
        output.setPromptText("Select a test to see its message and output.");
        output.textProperty().bind(model.testDetailProperty());
        SplitPane split = new SplitPane(section(model.getTests(), model.testsSummaryProperty(), table), output);
        split.setDividerPositions(0.6);
        return split;
    }

    private Node parityTab() {
        TableView<ParityFinding> table = new TableView<>();
        table.setId("parity-table");
        TableColumn<ParityFinding, ParityFinding.Severity> severity = column("Severity", ParityFinding::severity,
                ParityFinding.Severity::label, false, 84);
        severity.setMinWidth(84);
        severity.setCellFactory(c -> new RiskBadgeCell<>(ParityFinding.Severity::label,
                s -> s == ParityFinding.Severity.INFO ? "none" : s.label(), s -> null));
        table.getColumns().addAll(List.of(severity,
                column("Kind", ParityFinding::kind, s -> s, false, 80),
                column("Subject", ParityFinding::subject, s -> s, ParityFinding::subject, false, 140),
                column("Original", ParityFinding::original, ResultsPane::orDash, ParityFinding::original, false, 130),
                column("Variant", ParityFinding::variant, ResultsPane::orDash, ParityFinding::variant, false, 110),
                column("What it means", ParityFinding::message, s -> s, ParityFinding::message, false, 320)));
        return section(model.getParity(), model.paritySummaryProperty(), table);
    }

    /**
     * A table under its summary. When the table is empty the summary says why, in the table's place.
     * The table sorts a copy of the items, by value, when a column title is clicked.
     */
    private static <T> Node section(ObservableList<T> items, ObservableStringValue summary, TableView<T> table) {
        SortedList<T> sorted = new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(note(summary));
        Label line = new Label();
        line.getStyleClass().add("detail-summary");
        line.setWrapText(true);
        line.setMinHeight(Label.USE_PREF_SIZE);
        line.textProperty().bind(summary);
        line.visibleProperty().bind(Bindings.isNotEmpty(items).and(Bindings.isNotEmpty(summary)));
        line.managedProperty().bind(line.visibleProperty());
        VBox box = new VBox(4, line, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private static Node withHeading(Label heading, Node content) {
        VBox box = new VBox(0, heading, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        heading.setPadding(new Insets(6, 6, 0, 6));
        return box;
    }

    private static Label note(ObservableStringValue text) {
        Label note = new Label();
        note.getStyleClass().add("placeholder-note");
        note.setWrapText(true);
        note.textProperty().bind(text);
        return note;
    }

    /** A column of typed values (so that it sorts by value) shown as text. */
    private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, Function<T, String> text,
                                                   boolean numeric, double width) {
        return column(title, value, text, null, numeric, width);
    }

    /** The same, with the whole of {@code full} in a tooltip (for texts a cell may cut). */
    private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, Function<T, String> text,
                                                   Function<S, String> full, boolean numeric, double width) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TextCell<>(text, full));
        if (numeric) {
            column.getStyleClass().add("num");
            column.setMinWidth(width); // figures never shrink to "…"; the text columns give way
        }
        column.setPrefWidth(width);
        return column;
    }

    private static final class TextCell<S, T> extends TableCell<S, T> {
        private final Function<T, String> text;
        private final Function<S, String> full;

        TextCell(Function<T, String> text, Function<S, String> full) {
            this.text = text;
            this.full = full;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
            S row = empty || getTableRow() == null ? null : getTableRow().getItem();
            String tip = full == null || row == null ? "" : full.apply(row);
            setTooltip(tip.isBlank() ? null : wrapping(tip));
        }
    }

    /** A value as a text badge, coloured by a pseudo-class. */
    private static final class BadgeCell<S, T> extends TableCell<S, T> {
        private final Label badge = new Label();
        private final Function<T, String> text;
        private final List<String> states;
        private final Function<T, String> state;

        BadgeCell(String styleClass, Function<T, String> text, List<String> states, Function<T, String> state) {
            this.text = text;
            this.states = states;
            this.state = state;
            badge.getStyleClass().add(styleClass);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            badge.setText(text.apply(item));
            state(badge, states, state.apply(item));
            setGraphic(badge);
        }
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "—" : text;
    }

    // ---- charts --------------------------------------------------------------------------------

    private Node charts() {
        TilePane charts = new TilePane(CHART_GAP, CHART_GAP);
        charts.setId("charts");
        charts.setPrefColumns(2);
        charts.setPadding(new Insets(CHART_GAP));
        model.analysis().addListener((obs, was, is) -> showCharts(charts, is));
        showCharts(charts, model.analysis().getValue());
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("charts-scroll");
        // as many charts a row as fit at a readable width, filling the width; one a row at 1280x800
        scroll.viewportBoundsProperty().addListener((obs, was, is) -> {
            int columns = (int) Math.max(1, Math.floor((is.getWidth() - CHART_GAP) / (MIN_CHART_WIDTH + CHART_GAP)));
            double tile = Math.floor((is.getWidth() - (columns + 1) * CHART_GAP) / columns);
            charts.setPrefColumns(columns);
            charts.setPrefTileWidth(tile);
            charts.setPrefTileHeight(Math.min(Math.round(tile * 0.56), 480));
        });
        return scroll;
    }

    private static void showCharts(TilePane pane, Analysis analysis) {
        pane.getChildren().clear();
        if (analysis == null) {
            return;
        }
        for (ReportCharts.Kind kind : ReportCharts.available(analysis)) {
            ChartViewer viewer = new ChartViewer(ReportCharts.chart(analysis, kind));
            viewer.setId("chart-" + kind.slug());
            StackPane card = new StackPane(viewer);
            card.getStyleClass().add("chart-card");
            pane.getChildren().add(card);
        }
    }
}
