package dev.slimlab.ui.theme;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * Which theme the window wears. The base sheet ({@code theme/base.css}) is the light theme; the
 * dark theme is one small sheet on top of it that redefines the looked-up colours.
 */
public final class ThemeViewModel {

    /** A theme and the sheet it adds to the base one, if any. */
    public enum Theme {
        LIGHT(null), DARK("/dev/slimlab/ui/theme/dark.css");

        private final String stylesheet;

        Theme(String stylesheet) {
            this.stylesheet = stylesheet;
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
