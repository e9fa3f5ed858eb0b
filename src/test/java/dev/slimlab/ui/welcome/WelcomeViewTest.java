package dev.slimlab.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import dev.slimlab.ui.SlimLabApp;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Opens the real SlimLab window (headless under Monocle) and reads what it shows. */
@ExtendWith(ApplicationExtension.class)
class WelcomeViewTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new SlimLabApp().start(stage);
    }

    @Test
    void windowIsTitledSlimLab() {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("SlimLab");
    }

    @Test
    void windowFitsA1280x800Screen() {
        assertThat(stage.getWidth()).isBetween(800.0, 1280.0);
        assertThat(stage.getHeight()).isBetween(560.0, 800.0);
    }

    @Test
    void saysWhatSlimLabIs(FxRobot robot) {
        Label headline = robot.lookup("#headline").queryAs(Label.class);
        Label summary = robot.lookup("#summary").queryAs(Label.class);

        assertThat(headline.getText()).isEqualTo("SlimLab");
        assertThat(summary.isVisible()).isTrue();
        assertThat(summary.getText())
                .contains("Load a Dockerfile")
                .contains("toggle optimizations")
                .contains("local Docker daemon")
                .contains("risk");
        assertThat(summary.getWidth()).isPositive();
    }

    @Test
    void listsTheFiveStepsOfAnExperimentInOrder(FxRobot robot) {
        List<String> steps = robot.lookup(".welcome-step-text").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .collect(Collectors.toList());

        assertThat(steps).hasSize(5);
        assertThat(steps.get(0)).startsWith("Load a Dockerfile");
        assertThat(steps.get(1)).contains("--no-install-recommends", "multi-stage");
        assertThat(steps.get(4)).contains("risk");
    }

    @Test
    void riskLevelsAreNamedAndColouredFromTheTheme(FxRobot robot) {
        List<Label> chips = List.copyOf(robot.lookup(".risk-chip").queryAllAs(Label.class));

        assertThat(chips).extracting(Label::getText)
                .containsExactlyInAnyOrder("Low risk", "Medium risk", "High risk");
        // The background is declared only through the looked-up colours of base.css: if
        // they do not resolve, JavaFX drops the declaration and the chip has no fill.
        assertThat(chips).allSatisfy(chip -> assertThat(((Region) chip).getBackground())
                .isNotNull()
                .satisfies(background -> assertThat(background.getFills()).isNotEmpty()));
    }
}
