package dev.slimlab.ui.theme;

import dev.slimlab.report.Palette;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * Which theme the window wears: the light or the dark {@link Palette}, and for the dark theme one
 * small sheet on top of the base sheet ({@code theme/base.css}) that redefines the app's own
 * looked-up colours.
 */
public final class ThemeViewModel {

    /** A theme: its palette, and the sheet it adds to the base one, if any. */
    public enum Theme {
        LIGHT(Palette.LIGHT, null), DARK(Palette.DARK, "/dev/slimlab/ui/theme/dark.css");

        private final Palette palette;
        private final String stylesheet;

        Theme(Palette palette, String stylesheet) {
            this.palette = palette;
            this.stylesheet = stylesheet;
        }

        /** The named colours the theme shares with the report and the charts. */
        public Palette palette() {
            return palette;
        }

        /** The class-path resource of the sheet this theme adds after the base sheet. */
        public Optional<String> stylesheet() {
            return Optional.ofNullable(stylesheet);
        }
    }

    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final ObjectBinding<Theme> theme = Bindings.createObjectBinding(
            () -> dark.get() ? Theme.DARK : Theme.LIGHT, dark);

    /** True for the dark theme. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public ObservableValue<Theme> themeProperty() {
        return theme;
    }

    public Theme getTheme() {
        return theme.get();
    }
}
