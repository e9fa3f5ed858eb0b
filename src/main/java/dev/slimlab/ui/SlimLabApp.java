package dev.slimlab.ui;

import dev.slimlab.app.EngineFactory;
import dev.slimlab.app.ExperimentService;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.ui.lab.LabState;
import dev.slimlab.ui.lab.LabView;
import dev.slimlab.ui.lab.LabViewModel;
import dev.slimlab.ui.lab.SamplesViewModel;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.FxDialogService;
import dev.slimlab.ui.support.FxTaskExecutor;
import dev.slimlab.ui.support.RecentFiles;
import dev.slimlab.ui.support.TaskExecutor;
import dev.slimlab.ui.theme.ThemeSheets;
import dev.slimlab.ui.welcome.WelcomeView;
import dev.slimlab.ui.welcome.WelcomeViewModel;
import java.net.URL;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application and the one composition root of the desktop app: it builds the
 * services (engine factory, task executor, dialogs) and view models once and hands them to the
 * views by constructor.
 */
public final class SlimLabApp extends Application {

    /** Initial window size; with decorations it fits a 1280x800 screen. */
    static final double WIDTH = 1240;
    static final double HEIGHT = 760;

    static final String BASE_STYLESHEET = "/dev/slimlab/ui/theme/base.css";
    static final String LAB_STYLESHEET = "/dev/slimlab/ui/lab/lab.css";
    static final String DIFF_STYLESHEET = "/dev/slimlab/ui/lab/diff.css";
    static final String EDITOR_STYLESHEET = "/dev/slimlab/ui/lab/editor.css";

    private FxTaskExecutor tasks;

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskExecutor(2);
        start(stage, EngineFactory.docker(), tasks, new FxDialogService(stage), RecentFiles.inPreferences());
    }

    /** Builds the window with the given services and recent files kept in memory (for tests). */
    public static LabViewModel start(Stage stage, EngineFactory engines, TaskExecutor tasks, DialogService dialogs) {
        return start(stage, engines, tasks, dialogs, RecentFiles.inMemory());
    }

    /** Builds the window with the given services. */
    public static LabViewModel start(Stage stage, EngineFactory engines, TaskExecutor tasks, DialogService dialogs,
                                     RecentFiles recent) {
        ExperimentService service = new ExperimentService(Catalog.standard(), engines);
        LabViewModel lab = new LabViewModel(new LabState(service, tasks), recent, dialogs);
        WelcomeViewModel welcome = new WelcomeViewModel();
        SamplesViewModel samples = new SamplesViewModel(tasks, lab);
        LabView view = new LabView(lab, dialogs, new WelcomeView(welcome).load(), samples);
        samples.load();

        Scene scene = new Scene(view.build(), WIDTH, HEIGHT);
        scene.getStylesheets().addAll(stylesheet(BASE_STYLESHEET), stylesheet(LAB_STYLESHEET),
                stylesheet(DIFF_STYLESHEET), stylesheet(EDITOR_STYLESHEET));
        ThemeSheets.follow(scene, lab.theme());

        stage.titleProperty().bind(lab.windowTitleProperty());
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!lab.mayLeave("close SlimLab")) {
                e.consume();
            }
        });
        stage.show();
        lab.build().checkDaemon();
        return lab;
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
    }

    private static String stylesheet(String resource) {
        URL url = SlimLabApp.class.getResource(resource);
        return Objects.requireNonNull(url, () -> "missing stylesheet " + resource).toExternalForm();
    }
}
