package dev.slimlab.ui.theme;

import dev.slimlab.report.Palette;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

/**
 * Puts the sheets of the chosen theme on a scene, after the sheets it already has, and keeps them
 * there: the theme's palette (the looked-up colours the app shares with the report and the
 * charts, written from {@link Palette}), then the theme's own sheet, if any.
 */
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
            sheets.remove(paletteSheet(other));
            other.stylesheet().map(ThemeSheets::url).ifPresent(sheets::remove);
        }
        sheets.add(paletteSheet(theme));
        theme.stylesheet().map(ThemeSheets::url).ifPresent(sheets::add);
    }

    /** The theme's palette as a style sheet JavaFX loads from its URL: a {@code data:} URL. */
    static String paletteSheet(ThemeViewModel.Theme theme) {
        String css = theme.palette().lookedUpColours();
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /** The external form of a class-path stylesheet. */
    public static String url(String resource) {
        URL url = ThemeSheets.class.getResource(resource);
        return Objects.requireNonNull(url, () -> "missing stylesheet " + resource).toExternalForm();
    }
}
