package dev.slimlab.ui;

import java.net.URL;
import java.util.Objects;

import dev.slimlab.ui.welcome.WelcomeView;
import dev.slimlab.ui.welcome.WelcomeViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application and the one composition root of the desktop app: it builds the
 * services and view models once and hands them to the views by constructor.
 */
public final class SlimLabApp extends Application {

    /** Initial window size; with decorations it fits a 1280x800 screen. */
    static final double WIDTH = 1120;
    static final double HEIGHT = 720;

    static final String BASE_STYLESHEET = "/dev/slimlab/ui/theme/base.css";

    @Override
    public void start(Stage stage) {
        WelcomeViewModel welcome = new WelcomeViewModel();
        WelcomeView welcomeView = new WelcomeView(welcome);

        Scene scene = new Scene(welcomeView.load(), WIDTH, HEIGHT);
        scene.getStylesheets().add(stylesheet(BASE_STYLESHEET));

        stage.titleProperty().bind(welcome.windowTitleProperty());
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setScene(scene);
        stage.show();
    }

    private static String stylesheet(String resource) {
        URL url = SlimLabApp.class.getResource(resource);
        return Objects.requireNonNull(url, () -> "missing stylesheet " + resource).toExternalForm();
    }
}
