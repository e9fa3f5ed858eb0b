package dev.slimlab.ui.theme;

import java.net.URL;
import java.util.Objects;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

/** Puts the sheet of the chosen theme on a scene, after the sheets it already has, and keeps it there. */
public final class ThemeSheets {

    private ThemeSheets() {
    }

    /** Applies {@code themes}' theme to {@code scene} now and whenever it changes. */
    public static void follow(Scene scene, ThemeViewModel themes) {
        apply(scene.getStylesheets(), themes.getTheme());
        themes.themeProperty().addListener((obs, was, is) -> apply(scene.getStylesheets(), is));
    }

    private static void apply(ObservableList<String> sheets, ThemeViewModel.Theme theme) {
        for (ThemeViewModel.Theme other : ThemeViewModel.Theme.values()) {
            other.stylesheet().map(ThemeSheets::url).ifPresent(sheets::remove);
        }
        theme.stylesheet().map(ThemeSheets::url).ifPresent(sheets::add);
    }

    /** The external form of a class-path stylesheet. */
    public static String url(String resource) {
        URL url = ThemeSheets.class.getResource(resource);
        return Objects.requireNonNull(url, () -> "missing stylesheet " + resource).toExternalForm();
    }
}
