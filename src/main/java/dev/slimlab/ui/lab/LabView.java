package dev.slimlab.ui.lab;

import dev.slimlab.app.Samples.Sample;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.optimize.Preset;
import dev.slimlab.report.ReportCharts;
import dev.slimlab.report.ReportFormat;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.RiskBadge;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lab window: optimizations on the left, the Dockerfile, variants, build and results in tabs,
 * the daemon and the last message in the status bar. It binds nodes to a {@link LabViewModel}
 * and forwards events; it holds no state of its own.
 */
public final class LabView {

    private final LabViewModel lab;
    private final LabState state;
    private final VariantsViewModel variants;
    private final BuildViewModel build;
    private final DialogService dialogs;
    private final Node startScreen;
    private final SamplesViewModel samples;
    private final TabPane tabs = new TabPane();

    public LabView(LabViewModel lab, DialogService dialogs, Node startScreen, SamplesViewModel samples) {
        this.lab = lab;
        this.state = lab.state();
        this.variants = lab.variants();
        this.build = lab.build();
        this.dialogs = dialogs;
        this.startScreen = startScreen;
        this.samples = samples;
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("lab");
        root.setTop(toolbar());
        root.setLeft(optimizationsPane());
        tabs.getTabs().addAll(tab("Dockerfile", new DockerfilePane(lab.dockerfile(), variants).build()),
                tab("Variants", variantsTab()), tab("Build", buildTab()), tab("Results", new ResultsPane(lab.results()).build()));
        tabs.setId("lab-tabs");
        BorderPane center = new BorderPane();
        Node start = startWithGallery();
        center.setCenter(start);
        state.loadedProperty().addListener((obs, was, is) -> center.setCenter(is ? tabs : start));
        root.setCenter(center);
        root.setBottom(statusBar());
        acceptDroppedFiles(root);
        root.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                shortcuts(scene);
            }
        });
        state.analysisProperty().addListener((obs, was, is) -> {
            if (is != null) {
                tabs.getSelectionModel().select(3);
            }
        });
        return root;
    }

    /** Ctrl+O opens a Dockerfile, Ctrl+B builds all, Escape cancels a build. */
    private void shortcuts(javafx.scene.Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                () -> dialogs.chooseFileToOpen("Open a Dockerfile", "Dockerfiles", List.of("*"))
                        .ifPresent(lab::openDockerfile));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), () -> {
            if (state.projectProperty().get() != null && !state.runningProperty().get()) {
                tabs.getSelectionModel().select(2);
                build.build();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), build::cancel);
    }

    /** A Dockerfile (or a saved experiment, *.json) dropped on the window opens it. */
    private void acceptDroppedFiles(Node root) {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<java.io.File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                lab.open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    /** The welcome card and, under it, a button per sample project. */
    private Node startWithGallery() {
        FlowPane gallery = new FlowPane(8, 8);
        gallery.setId("sample-gallery");
        gallery.setAlignment(Pos.CENTER);
        showSamples(gallery);
        samples.getSamples().addListener((ListChangeListener<Sample>) change -> showSamples(gallery));
        Label heading = new Label();
        heading.textProperty().bind(samples.headingProperty());
        heading.getStyleClass().add("pane-heading");
        VBox box = new VBox(10, startScreen, heading, gallery);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(8, 16, 16, 16));
        if (startScreen instanceof Region region) {
            region.setMinHeight(Region.USE_PREF_SIZE); // the card's text wraps; never cut it short
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private void showSamples(FlowPane gallery) {
        gallery.getChildren().setAll(samples.getSamples().stream().map(sample -> {
            Button button = new Button(sample.name());
            button.getStyleClass().add("sample-button");
            if (!sample.description().isEmpty()) {
                Tooltip description = new Tooltip(sample.description());
                description.setWrapText(true);
                description.setMaxWidth(480);
                button.setTooltip(description);
            }
            button.setOnAction(e -> samples.open(sample));
            return button;
        }).toList());
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
                .ifPresent(lab::openDockerfile));
        MenuButton sampleMenu = new MenuButton("Samples");
        sampleMenu.setId("samples");
        sampleMenu.disableProperty().bind(Bindings.isEmpty(samples.getSamples()));
        sampleMenu.setOnShowing(e -> sampleMenu.getItems().setAll(samples.getSamples().stream().map(sample -> {
            MenuItem item = new MenuItem(sample.name());
            item.setOnAction(a -> samples.open(sample));
            return item;
        }).toList()));
        Button openExperiment = new Button("Open experiment…");
        openExperiment.setOnAction(e -> dialogs.chooseFileToOpen("Open an experiment", "SlimLab experiments",
                List.of("*.json")).ifPresent(lab::openExperiment));
        Button save = new Button("Save experiment…");
        save.disableProperty().bind(state.analysisProperty().isNull());
        save.setOnAction(e -> dialogs.chooseFileToSave("Save the experiment", "experiment.json",
                "SlimLab experiments", List.of("*.json")).ifPresent(lab::saveExperiment));
        Button buildAll = new Button("Build all");
        buildAll.setId("build");
        buildAll.setDefaultButton(true);
        buildAll.disableProperty().bind(build.buildBlockedProperty().isNotEmpty());
        buildAll.setOnAction(e -> {
            tabs.getSelectionModel().select(2);
            build.build();
        });
        Button buildSelected = new Button("Build selected");
        buildSelected.setId("build-selected");
        buildSelected.setTooltip(new Tooltip("Build the selected variant and the original (to compare with)"));
        buildSelected.disableProperty().bind(build.buildBlockedProperty().isNotEmpty()
                .or(state.selectedVariantProperty().isNull()));
        buildSelected.setOnAction(e -> {
            tabs.getSelectionModel().select(2);
            build.buildSelected();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.disableProperty().bind(state.runningProperty().not());
        cancel.setOnAction(e -> build.cancel());
        MenuButton export = new MenuButton("Export");
        export.setId("export");
        export.disableProperty().bind(state.analysisProperty().isNull());
        for (ReportFormat format : ReportFormat.values()) {
            String extension = format.fileExtension();
            MenuItem item = new MenuItem("Report as " + format.cliName().toUpperCase(Locale.ROOT));
            item.setId("export-" + format.cliName());
            item.setOnAction(e -> dialogs.chooseFileToSave("Export the report", "slimlab-report." + extension,
                    format.cliName().toUpperCase(Locale.ROOT) + " files", List.of("*." + extension))
                    .ifPresent(file -> lab.exportReport(format, file)));
            export.getItems().add(item);
        }
        Menu charts = new Menu("Chart");
        for (ReportCharts.Kind kind : ReportCharts.Kind.values()) {
            MenuItem item = new MenuItem(kind.title() + " (PNG or SVG)…");
            item.setOnAction(e -> dialogs.chooseFileToSave("Export a chart", kind.slug() + ".png", "PNG or SVG",
                    List.of("*.png", "*.svg")).ifPresent(file -> lab.exportChart(kind, file)));
            charts.getItems().add(item);
        }
        export.getItems().add(charts);
        Button contextFolder = new Button("Context…");
        contextFolder.setId("context");
        contextFolder.disableProperty().bind(state.loadedProperty().not().or(state.runningProperty()));
        Tooltip contextTip = new Tooltip();
        contextTip.textProperty().bind(Bindings.createStringBinding(() -> "Build context: "
                + (state.contextProperty().get() == null ? "none" : state.contextProperty().get()),
                state.contextProperty()));
        contextFolder.setTooltip(contextTip);
        contextFolder.setOnAction(e -> dialogs.chooseFolder("The build context folder", state.contextProperty().get())
                .ifPresent(lab::useContext));
        MenuButton recent = new MenuButton("Recent");
        recent.setId("recent");
        recent.setOnShowing(e -> recent.getItems().setAll(lab.getRecentFiles().stream().map(file -> {
            MenuItem item = new MenuItem(file.toString());
            item.setOnAction(a -> lab.openDockerfile(file));
            return item;
        }).toList()));
        recent.disableProperty().bind(Bindings.isEmpty(lab.getRecentFiles()));
        ToolBar bar = new ToolBar(open, recent, sampleMenu, contextFolder, openExperiment, save,
                new Separator(Orientation.VERTICAL),
                buildAll, buildSelected, cancel, new Separator(Orientation.VERTICAL), export);
        bar.getStyleClass().add("lab-toolbar");
        return bar;
    }

    // ---- optimizations -------------------------------------------------------------------------

    private Node optimizationsPane() {
        HBox presets = new HBox(6);
        for (Preset preset : Preset.values()) {
            Button button = new Button(preset.label().substring(0, 1).toUpperCase(Locale.ROOT) + preset.label().substring(1));
            button.setId("preset-" + preset.label());
            button.disableProperty().bind(state.selectedVariantProperty().isNull());
            button.setOnAction(e -> variants.applyPreset(preset));
            presets.getChildren().add(button);
        }
        Label heading = new Label();
        heading.getStyleClass().add("pane-heading");
        heading.textProperty().bind(Bindings.createStringBinding(() -> state.selectedVariantProperty().get() == null
                ? "Optimizations" : "Optimizations of " + state.selectedVariantProperty().get().name() + " ("
                        + variants.presetProperty().get() + ")", state.selectedVariantProperty(), variants.presetProperty()));
        ListView<OptimizationItem> list = new ListView<>(variants.getOptimizations());
        list.setId("optimizations");
        list.setCellFactory(view -> new OptimizationCell(state));
        list.setOnKeyPressed(e -> { // Space toggles the focused optimization, as a checkbox would
            OptimizationItem item = list.getSelectionModel().getSelectedItem();
            VariantItem variant = state.selectedVariantProperty().get();
            if (e.getCode() == KeyCode.SPACE && item != null && !item.lintOnly() && variant != null
                    && !variant.isOriginal()) {
                item.setSelected(!item.isSelected());
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox details = new VBox(6);
        details.setId("optimization-details");
        details.getStyleClass().add("lesson");
        ScrollPane detailsScroll = new ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        detailsScroll.setPrefHeight(240);
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            details.getChildren().clear();
            if (is != null) {
                Label title = new Label(is.title());
                title.getStyleClass().add("pane-heading");
                title.setWrapText(true);
                Label facts = new Label(is.id() + " · " + is.category() + " · " + is.riskLabel()
                        + (is.hadolint().isEmpty() ? "" : " · hadolint " + is.hadolint())
                        + (is.getApplies().isEmpty() ? "" : "\n" + is.getApplies()));
                facts.setWrapText(true);
                Label why = new Label("Why " + is.riskLabel() + ": " + is.riskRationale());
                why.setWrapText(true);
                details.getChildren().addAll(title, facts, why);
                details.getChildren().addAll(LessonView.render(is.lesson()));
            }
        });
        list.getSelectionModel().selectFirst();
        CheckBox ablation = new CheckBox("Also measure each optimization alone");
        ablation.selectedProperty().bindBidirectional(build.ablationProperty());
        VBox pane = new VBox(8, heading, presets, list, ablation, detailsScroll);
        pane.setPadding(new Insets(8));
        pane.setPrefWidth(400);
        pane.getStyleClass().add("optimizations-pane");
        return pane;
    }

    /** A toggle: checkbox, title, risk as text and colour, where it applies; disabled for the original. */
    private static final class OptimizationCell extends ListCell<OptimizationItem> {
        private final LabState lab;
        private final CheckBox check = new CheckBox();
        private final Label title = new Label();
        private final RiskBadge risk = new RiskBadge();
        private final Label applies = new Label();
        private final VBox box;
        private OptimizationItem bound;

        OptimizationCell(LabState lab) {
            this.lab = lab;
            applies.getStyleClass().add("applies");
            applies.setWrapText(true);
            title.setWrapText(true);
            HBox line = new HBox(8, check, risk, title);
            line.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, line, applies);
            // fit the list's width: wrap long titles rather than scroll sideways. The cell's height
            // is asked for without a width, so each wrapping label is given its width outright.
            box.maxWidthProperty().bind(widthProperty().subtract(24));
            box.prefWidthProperty().bind(box.maxWidthProperty());
            title.prefWidthProperty().bind(box.maxWidthProperty().subtract(check.widthProperty())
                    .subtract(risk.widthProperty()).subtract(16));
            title.setMinHeight(Region.USE_PREF_SIZE);
            applies.prefWidthProperty().bind(box.maxWidthProperty());
            applies.setMinHeight(Region.USE_PREF_SIZE);
            setPrefWidth(0); // the list's width decides, not the longest text
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
                    || lab.selectedVariantProperty().get() == null || lab.selectedVariantProperty().get().isOriginal(),
                    lab.selectedVariantProperty()));
            title.setText(item.title());
            risk.show(item.lintOnly() ? "lint only" : item.riskLabel(), item.risk().name());
            applies.textProperty().bind(item.appliesProperty());
            setTooltip(new Tooltip(item.category() + (item.hadolint().isEmpty() ? "" : " · hadolint " + item.hadolint())
                    + "\n" + item.riskRationale()));
            setGraphic(box);
        }
    }

    // ---- tabs ----------------------------------------------------------------------------------

    private Node variantsTab() {
        ListView<VariantItem> list = new ListView<>(state.getVariants());
        list.setId("variants");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(VariantItem v, boolean empty) {
                super.updateItem(v, empty);
                textProperty().unbind();
                if (empty || v == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    textProperty().bind(Bindings.concat(v.name(), " — ", v.statusProperty()));
                    Tooltip whole = new Tooltip(); // a long status (why a build failed) is cut in the list
                    whole.textProperty().bind(textProperty());
                    whole.setWrapText(true);
                    whole.setMaxWidth(520);
                    setTooltip(whole);
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                state.selectedVariantProperty().set(is);
            }
        });
        state.selectedVariantProperty().addListener((obs, was, is) -> list.getSelectionModel().select(is));
        Button add = new Button("Add variant…");
        add.setId("add-variant");
        add.setOnAction(e -> dialogs.askText("Add a variant", "A name for a variant with the optimizations now"
                + " toggled on", "custom").ifPresent(variants::addVariant));
        Button remove = new Button("Remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> variants.removeVariant(list.getSelectionModel().getSelectedItem()));
        add.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        VBox left = new VBox(6, list, new HBox(6, add, remove));
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setMinWidth(Region.USE_PREF_SIZE); // the buttons stay whole; the diff gives way
        SplitPane split = new SplitPane(left, new DiffPane(variants).build());
        split.setDividerPositions(0.22);
        return split;
    }

    /** A setting and its label, kept on one line when the settings wrap. */
    private static HBox labelled(String text, Node control) {
        HBox pair = new HBox(6, new Label(text), control);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    private Node buildTab() {
        Spinner<Integer> repetitions = new Spinner<>(1, 10, 1);
        repetitions.setPrefWidth(80);
        repetitions.getValueFactory().valueProperty().addListener((o, w, v) -> build.repetitionsProperty().set(v));
        Spinner<Integer> parallel = new Spinner<>(1, 4, 1);
        parallel.setPrefWidth(80);
        parallel.getValueFactory().valueProperty().addListener((o, w, v) -> build.parallelBuildsProperty().set(v));
        CheckBox cold = new CheckBox("Cold builds (no cache)");
        cold.selectedProperty().bindBidirectional(build.coldBuildsProperty());
        ComboBox<Builder> builder = new ComboBox<>(FXCollections.observableArrayList(Builder.values()));
        builder.setId("builder");
        builder.valueProperty().bindBidirectional(build.builderProperty());
        builder.setTooltip(new Tooltip("auto: BuildKit where the daemon offers it, as docker build does;"
                + " cache-mounts and other BuildKit syntax need it"));
        TextField changed = new TextField();
        changed.setId("changed-file");
        changed.setPromptText("e.g. requirements.txt");
        changed.setPrefColumnCount(14);
        changed.textProperty().bindBidirectional(build.changedFileProperty());
        changed.disableProperty().bind(build.repetitionsProperty().lessThan(2));
        changed.setTooltip(new Tooltip("Builds after the first run after this context file changes (blank lines"
                + " appended): their times are warm rebuilds, where cache mounts pay off. Needs 2 or more builds."));
        FlowPane settings = new FlowPane(14, 6, labelled("Builds per variant", repetitions), labelled("At once", parallel),
                cold, labelled("Builder", builder), labelled("Rebuild after changing", changed));
        settings.setAlignment(Pos.CENTER_LEFT);
        ProgressBar overall = new ProgressBar();
        overall.setId("overall-progress");
        overall.setMaxWidth(Double.MAX_VALUE);
        overall.progressProperty().bind(build.overallProgressProperty());
        // The log shown follows the variant being built, until the user picks one by clicking its row.
        ObjectProperty<VariantItem> shown = new SimpleObjectProperty<>(state.selectedVariantProperty().get());
        BooleanProperty follow = new SimpleBooleanProperty(true);
        state.runningProperty().addListener((obs, was, is) -> {
            if (is) {
                follow.set(true);
            }
        });
        VBox rows = new VBox(4);
        rows.setId("variant-progress");
        Runnable fill = () -> {
            rows.getChildren().clear();
            for (VariantItem v : state.getVariants()) {
                ProgressBar bar = new ProgressBar();
                bar.setPrefWidth(200);
                bar.setMinWidth(Region.USE_PREF_SIZE);
                bar.progressProperty().bind(v.progressProperty());
                Label status = new Label();
                status.textProperty().bind(Bindings.concat(v.name(), ": ", v.statusProperty()));
                status.setWrapText(true); // why a build failed can be long: it wraps, never pushes the bar out
                status.setMinHeight(Region.USE_PREF_SIZE);
                HBox.setHgrow(status, Priority.ALWAYS);
                HBox row = new HBox(8, bar, status);
                row.setAlignment(Pos.CENTER_LEFT);
                row.setOnMouseClicked(e -> {
                    follow.set(false);
                    shown.set(v);
                });
                v.statusProperty().addListener((obs, was, is) -> {
                    if (follow.get() && is.startsWith("building")) {
                        shown.set(v);
                    }
                });
                rows.getChildren().add(row);
            }
        };
        state.getVariants().addListener((ListChangeListener<VariantItem>) c -> fill.run());
        fill.run();
        ListView<String> log = new ListView<>();
        log.setId("build-log");
        log.getStyleClass().add("code");
        shown.addListener((obs, was, is) -> log.setItems(is == null ? null : is.getLog()));
        ListChangeListener<String> toTheEnd = c -> {
            if (follow.get() && state.runningProperty().get() && !log.getItems().isEmpty()) {
                log.scrollTo(log.getItems().size() - 1); // a following log shows its newest lines
            }
        };
        log.itemsProperty().addListener((obs, was, is) -> {
            if (was != null) {
                was.removeListener(toTheEnd);
            }
            if (is != null) {
                is.addListener(toTheEnd);
            }
        });
        log.setItems(shown.get() == null ? null : shown.get().getLog());
        state.selectedVariantProperty().addListener((obs, was, is) -> {
            if (!state.runningProperty().get()) {
                shown.set(is);
            }
        });
        Label logHeading = new Label();
        logHeading.getStyleClass().add("pane-heading");
        logHeading.textProperty().bind(Bindings.createStringBinding(() -> shown.get() == null
                ? "Build log" : "Build log of " + shown.get().name() + (follow.get() && state.runningProperty().get()
                        ? " (following the build; click a variant to choose)" : ""), shown, follow,
                state.runningProperty()));
        Label whyNot = new Label();
        whyNot.setId("build-blocked");
        whyNot.getStyleClass().add("build-blocked");
        whyNot.setWrapText(true);
        whyNot.textProperty().bind(build.buildBlockedProperty());
        whyNot.visibleProperty().bind(build.buildBlockedProperty().isNotEmpty()
                .and(state.runningProperty().not()));
        whyNot.managedProperty().bind(whyNot.visibleProperty());
        VBox box = new VBox(8, whyNot, settings, overall, rows, logHeading, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node statusBar() {
        Label daemon = new Label();
        daemon.setId("daemon-status");
        daemon.textProperty().bind(build.daemonStatusProperty());
        daemon.setTooltip(new Tooltip("Click to ask the daemon again"));
        daemon.setOnMouseClicked(e -> build.checkDaemon());
        daemon.setCursor(javafx.scene.Cursor.HAND);
        daemon.setMinWidth(Region.USE_PREF_SIZE);
        daemon.setMaxWidth(520);
        daemon.setWrapText(true);
        Label message = new Label();
        message.setId("message");
        message.textProperty().bind(state.messageProperty());
        message.setWrapText(true);
        HBox.setHgrow(message, Priority.ALWAYS);
        // a view setting, not an action: it sits with the status, and never overflows the toolbar
        ToggleButton dark = new ToggleButton("Dark theme");
        dark.setId("dark-theme");
        dark.selectedProperty().bindBidirectional(lab.theme().darkProperty());
        dark.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(16, daemon, new Separator(Orientation.VERTICAL), message, dark);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
