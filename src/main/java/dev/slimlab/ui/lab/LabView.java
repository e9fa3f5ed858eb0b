package dev.slimlab.ui.lab;

import dev.slimlab.optimize.Preset;
import dev.slimlab.report.ReportCharts;
import dev.slimlab.report.ReportFormat;
import dev.slimlab.ui.support.DialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The lab window: optimizations on the left, the Dockerfile, variants, build and results in tabs,
 * the daemon and the last message in the status bar. It binds nodes to a {@link LabViewModel}
 * and forwards events; it holds no state of its own.
 */
public final class LabView {

    private final LabViewModel model;
    private final DialogService dialogs;
    private final Node startScreen;
    private final Path samples;
    private final TabPane tabs = new TabPane();

    public LabView(LabViewModel model, DialogService dialogs, Node startScreen, Path samples) {
        this.model = model;
        this.dialogs = dialogs;
        this.startScreen = startScreen;
        this.samples = samples;
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("lab");
        root.setTop(toolbar());
        root.setLeft(optimizationsPane());
        tabs.getTabs().addAll(tab("Dockerfile", new DockerfilePane(model).build()), tab("Variants", variantsTab()),
                tab("Build", buildTab()), tab("Results", new ResultsPane(model).build()));
        tabs.setId("lab-tabs");
        BorderPane center = new BorderPane();
        center.setCenter(startScreen);
        model.projectProperty().addListener((obs, was, is) -> center.setCenter(is == null ? startScreen : tabs));
        root.setCenter(center);
        root.setBottom(statusBar());
        model.analysisProperty().addListener((obs, was, is) -> {
            if (is != null) {
                tabs.getSelectionModel().select(3);
            }
        });
        return root;
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        tab.setId("tab-" + title.toLowerCase(Locale.ROOT));
        return tab;
    }

    // ---- toolbar -------------------------------------------------------------------------------

    private Node toolbar() {
        Button open = new Button("Open Dockerfile…");
        open.setId("open-dockerfile");
        open.setOnAction(e -> dialogs.chooseFileToOpen("Open a Dockerfile", "Dockerfiles", List.of("*"))
                .ifPresent(model::openDockerfile));
        MenuButton sampleMenu = new MenuButton("Samples");
        sampleMenu.setId("samples");
        sampleDockerfiles().forEach(file -> {
            MenuItem item = new MenuItem(samples.relativize(file.getParent()).toString());
            item.setOnAction(e -> model.openDockerfile(file));
            sampleMenu.getItems().add(item);
        });
        Button openExperiment = new Button("Open experiment…");
        openExperiment.setOnAction(e -> dialogs.chooseFileToOpen("Open an experiment", "SlimLab experiments",
                List.of("*.json")).ifPresent(model::openExperiment));
        Button save = new Button("Save experiment…");
        save.disableProperty().bind(model.analysisProperty().isNull());
        save.setOnAction(e -> dialogs.chooseFileToSave("Save the experiment", "experiment.json",
                "SlimLab experiments", List.of("*.json")).ifPresent(model::saveExperiment));
        Button build = new Button("Build all");
        build.setId("build");
        build.setDefaultButton(true);
        build.disableProperty().bind(model.projectProperty().isNull().or(model.runningProperty()));
        build.setOnAction(e -> {
            tabs.getSelectionModel().select(2);
            model.build();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        MenuButton export = new MenuButton("Export");
        export.setId("export");
        export.disableProperty().bind(model.analysisProperty().isNull());
        for (ReportFormat format : ReportFormat.values()) {
            String extension = format == ReportFormat.JUNIT ? "xml" : format.cliName();
            MenuItem item = new MenuItem("Report as " + format.cliName().toUpperCase(Locale.ROOT));
            item.setId("export-" + format.cliName());
            item.setOnAction(e -> dialogs.chooseFileToSave("Export the report", "slimlab-report." + extension,
                    format.cliName().toUpperCase(Locale.ROOT) + " files", List.of("*." + extension))
                    .ifPresent(file -> model.exportReport(format, file)));
            export.getItems().add(item);
        }
        Menu charts = new Menu("Chart");
        for (ReportCharts.Kind kind : ReportCharts.Kind.values()) {
            MenuItem item = new MenuItem(kind.title() + " (PNG or SVG)…");
            item.setOnAction(e -> dialogs.chooseFileToSave("Export a chart", kind.slug() + ".png", "PNG or SVG",
                    List.of("*.png", "*.svg")).ifPresent(file -> model.exportChart(kind, file)));
            charts.getItems().add(item);
        }
        export.getItems().add(charts);
        ToggleButton dark = new ToggleButton("Dark theme");
        dark.setId("dark-theme");
        dark.selectedProperty().bindBidirectional(model.theme().darkProperty());
        ToolBar bar = new ToolBar(open, sampleMenu, openExperiment, save, new Separator(Orientation.VERTICAL), build,
                cancel, new Separator(Orientation.VERTICAL), export, dark);
        bar.getStyleClass().add("lab-toolbar");
        return bar;
    }

    private List<Path> sampleDockerfiles() {
        if (samples == null || !Files.isDirectory(samples)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(samples, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    // ---- optimizations -------------------------------------------------------------------------

    private Node optimizationsPane() {
        HBox presets = new HBox(6);
        for (Preset preset : Preset.values()) {
            Button button = new Button(preset.label().substring(0, 1).toUpperCase(Locale.ROOT) + preset.label().substring(1));
            button.setId("preset-" + preset.label());
            button.disableProperty().bind(model.selectedVariantProperty().isNull());
            button.setOnAction(e -> model.applyPreset(preset));
            presets.getChildren().add(button);
        }
        Label heading = new Label();
        heading.getStyleClass().add("pane-heading");
        heading.textProperty().bind(Bindings.createStringBinding(() -> model.selectedVariantProperty().get() == null
                ? "Optimizations" : "Optimizations of " + model.selectedVariantProperty().get().name(),
                model.selectedVariantProperty()));
        ListView<OptimizationItem> list = new ListView<>(model.getOptimizations());
        list.setId("optimizations");
        list.setCellFactory(view -> new OptimizationCell(model));
        VBox.setVgrow(list, Priority.ALWAYS);
        TextArea details = new TextArea();
        details.setId("optimization-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(8);
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> details.setText(is == null ? ""
                : is.title() + " (" + is.id() + ", " + is.riskLabel() + (is.hadolint().isEmpty() ? "" : ", hadolint "
                        + is.hadolint()) + ")\n" + is.getApplies() + "\n\nWhy this risk: " + is.riskRationale()
                        + "\n\n" + is.lesson()));
        CheckBox ablation = new CheckBox("Also measure each optimization alone");
        ablation.selectedProperty().bindBidirectional(model.ablationProperty());
        VBox pane = new VBox(8, heading, presets, list, ablation, details);
        pane.setPadding(new Insets(8));
        pane.setPrefWidth(380);
        pane.getStyleClass().add("optimizations-pane");
        return pane;
    }

    /** A toggle: checkbox, title, risk as text and colour, where it applies; disabled for the original. */
    private static final class OptimizationCell extends ListCell<OptimizationItem> {
        private final LabViewModel model;
        private final CheckBox check = new CheckBox();
        private final Label title = new Label();
        private final Label risk = new Label();
        private final Label applies = new Label();
        private final VBox box;
        private OptimizationItem bound;

        OptimizationCell(LabViewModel model) {
            this.model = model;
            risk.getStyleClass().add("risk-badge");
            applies.getStyleClass().add("applies");
            applies.setWrapText(true);
            HBox line = new HBox(8, check, title, risk);
            line.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, line, applies);
        }

        @Override
        protected void updateItem(OptimizationItem item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                check.selectedProperty().unbindBidirectional(bound.selectedProperty());
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            bound = item;
            check.selectedProperty().bindBidirectional(item.selectedProperty());
            check.setId("toggle-" + item.id());
            check.disableProperty().bind(Bindings.createBooleanBinding(() -> item.lintOnly()
                    || model.selectedVariantProperty().get() == null || model.selectedVariantProperty().get().isOriginal(),
                    model.selectedVariantProperty()));
            title.setText(item.title());
            risk.setText(item.lintOnly() ? "lint only" : item.riskLabel());
            risk.getStyleClass().removeIf(c -> c.startsWith("risk-") && !c.equals("risk-badge"));
            risk.getStyleClass().add("risk-" + item.risk().name().toLowerCase(Locale.ROOT));
            applies.textProperty().bind(item.appliesProperty());
            setTooltip(new Tooltip(item.category() + (item.hadolint().isEmpty() ? "" : " · hadolint " + item.hadolint())
                    + "\n" + item.riskRationale()));
            setGraphic(box);
        }
    }

    // ---- tabs ----------------------------------------------------------------------------------

    private Node variantsTab() {
        ListView<VariantItem> list = new ListView<>(model.getVariants());
        list.setId("variants");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(VariantItem v, boolean empty) {
                super.updateItem(v, empty);
                textProperty().unbind();
                if (empty || v == null) {
                    setText(null);
                } else {
                    textProperty().bind(Bindings.concat(v.name(), " — ", v.statusProperty()));
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                model.selectedVariantProperty().set(is);
            }
        });
        model.selectedVariantProperty().addListener((obs, was, is) -> list.getSelectionModel().select(is));
        Button add = new Button("Add variant…");
        add.setId("add-variant");
        add.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog("custom");
            ask.setHeaderText("A name for a variant with the optimizations now toggled on");
            ask.showAndWait().ifPresent(model::addVariant);
        });
        Button remove = new Button("Remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.removeVariant(list.getSelectionModel().getSelectedItem()));
        VBox left = new VBox(6, list, new HBox(6, add, remove));
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        TextArea diff = new TextArea();
        diff.setId("diff");
        diff.getStyleClass().add("code");
        diff.setEditable(false);
        diff.textProperty().bind(model.diffProperty());
        SplitPane split = new SplitPane(left, diff);
        split.setDividerPositions(0.3);
        return split;
    }

    private Node buildTab() {
        Spinner<Integer> repetitions = new Spinner<>(1, 10, 1);
        repetitions.getValueFactory().valueProperty().addListener((o, w, v) -> model.repetitionsProperty().set(v));
        Spinner<Integer> parallel = new Spinner<>(1, 4, 1);
        parallel.getValueFactory().valueProperty().addListener((o, w, v) -> model.parallelBuildsProperty().set(v));
        CheckBox cold = new CheckBox("Cold builds (no cache)");
        cold.selectedProperty().bindBidirectional(model.coldBuildsProperty());
        HBox settings = new HBox(10, new Label("Builds per variant"), repetitions, new Label("At once"), parallel, cold);
        settings.setAlignment(Pos.CENTER_LEFT);
        ProgressBar overall = new ProgressBar();
        overall.setId("overall-progress");
        overall.setMaxWidth(Double.MAX_VALUE);
        overall.progressProperty().bind(model.overallProgressProperty());
        VBox rows = new VBox(4);
        rows.setId("variant-progress");
        Runnable fill = () -> {
            rows.getChildren().clear();
            for (VariantItem v : model.getVariants()) {
                ProgressBar bar = new ProgressBar();
                bar.setPrefWidth(200);
                bar.progressProperty().bind(v.progressProperty());
                Label status = new Label();
                status.textProperty().bind(Bindings.concat(v.name(), ": ", v.statusProperty()));
                HBox row = new HBox(8, bar, status);
                row.setAlignment(Pos.CENTER_LEFT);
                row.setOnMouseClicked(e -> model.selectedVariantProperty().set(v));
                rows.getChildren().add(row);
            }
        };
        model.getVariants().addListener((ListChangeListener<VariantItem>) c -> fill.run());
        fill.run();
        ListView<String> log = new ListView<>();
        log.setId("build-log");
        log.getStyleClass().add("code");
        Function<VariantItem, Void> show = v -> {
            log.setItems(v == null ? null : v.getLog());
            return null;
        };
        model.selectedVariantProperty().addListener((obs, was, is) -> show.apply(is));
        show.apply(model.selectedVariantProperty().get());
        Label logHeading = new Label();
        logHeading.getStyleClass().add("pane-heading");
        logHeading.textProperty().bind(Bindings.createStringBinding(() -> model.selectedVariantProperty().get() == null
                ? "Build log" : "Build log of " + model.selectedVariantProperty().get().name(),
                model.selectedVariantProperty()));
        VBox box = new VBox(8, settings, overall, rows, logHeading, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node statusBar() {
        Label daemon = new Label();
        daemon.setId("daemon-status");
        daemon.textProperty().bind(model.daemonStatusProperty());
        Label message = new Label();
        message.setId("message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox bar = new HBox(16, daemon, new Separator(Orientation.VERTICAL), message);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
