package dev.slimlab.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.report.Palette;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The theme switch, and the rule that the dark theme is one small sheet of colours. */
class ThemeViewModelTest {

    @Test
    void lightByDefaultDarkOnRequest() {
        ThemeViewModel themes = new ThemeViewModel();
        assertThat(themes.getTheme()).isEqualTo(ThemeViewModel.Theme.LIGHT);
        assertThat(themes.getTheme().stylesheet()).isEmpty();

        themes.darkProperty().set(true);

        assertThat(themes.getTheme()).isEqualTo(ThemeViewModel.Theme.DARK);
        assertThat(themes.getTheme().stylesheet()).hasValue("/dev/slimlab/ui/theme/dark.css");
    }

    @Test
    void darkSheetRedefinesEveryColourOfTheBaseSheetAndStylesNothingElse() throws IOException {
        String base = read("/dev/slimlab/ui/theme/base.css");
        String dark = read("/dev/slimlab/ui/theme/dark.css");

        assertThat(selectors(dark)).containsExactly(".root");
        assertThat(names(dark, "-slim-")).containsAll(names(base, "-slim-"));
        assertThat(names(dark, "-fx-")).doesNotContain("-fx-font-size", "-fx-background-color");
    }

    @Test
    void theSheetsLeaveThePalettesColoursToThePalette() throws IOException {
        Set<String> palette = names(Palette.LIGHT.lookedUpColours(), "-slim-");

        assertThat(palette).contains("-slim-accent", "-slim-risk-high", "-slim-fg");
        assertThat(names(Palette.DARK.lookedUpColours(), "-slim-")).isEqualTo(palette);
        assertThat(names(read("/dev/slimlab/ui/theme/base.css"), "-slim-")).doesNotContainAnyElementsOf(palette);
        assertThat(names(read("/dev/slimlab/ui/theme/dark.css"), "-slim-")).doesNotContainAnyElementsOf(palette);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ThemeViewModelTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
    }

    private static List<String> selectors(String css) {
        return Pattern.compile("([^{}]+)\\{").matcher(css).results().map(m -> m.group(1).strip()).toList();
    }

    /** The properties a sheet sets whose names start with {@code prefix}. */
    private static Set<String> names(String css, String prefix) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(" + Pattern.quote(prefix) + "[a-z-]+)\\s*:").matcher(css);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
