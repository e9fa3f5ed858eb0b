package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.ui.SlimLabApp;
import dev.slimlab.ui.support.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** At the smallest window the README promises (1280x720), every optimization's title and reason wraps whole. */
@ExtendWith(ApplicationExtension.class)
class TextFitsTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SlimLabApp.start(stage, FakeEngine::new, TaskExecutor.immediate(),
                new Labs.ScriptedDialogs(Path.of("assets/samples/python-web/Dockerfile"), null));
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @Test
    void noOptimizationTextIsCutShort(FxRobot robot) {
        robot.clickOn("#open-dockerfile");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#optimizations").queryListView();
        List<String> cut = new ArrayList<>();
        for (int i = 0; i < list.getItems().size(); i++) {
            int index = i;
            robot.interact(() -> list.scrollTo(index));
            WaitForAsyncUtils.waitForFxEvents();
            for (Label label : robot.from(list).lookup(".list-cell .label").queryAllAs(Label.class)) {
                Text shown = (Text) label.lookup(".text");
                if (label.isVisible() && shown != null && !shown.getText().equals(label.getText())) {
                    cut.add(label.getText() + " shown as " + shown.getText());
                }
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void noLabelOutsideTheTablesIsCutShortOnAnyTab(FxRobot robot) throws Exception {
        robot.clickOn("#open-dockerfile");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#build");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        for (String tab : List.of("#tab-dockerfile", "#tab-variants", "#tab-build", "#tab-results")) {
            robot.clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
            for (Label label : robot.lookup(".label").queryAllAs(Label.class)) {
                Text shown = (Text) label.lookup(".text");
                boolean inACell = label.getParent() != null && isInsideCell(label);
                if (!inACell && label.isVisible() && shown != null && !shown.getText().equals(label.getText())
                        && label.getTooltip() == null) {
                    cut.add(tab + ": " + label.getText() + " shown as " + shown.getText());
                }
            }
        }
        assertThat(cut).isEmpty();
    }

    /** Table and list cells may cut a text: the whole of it is in their tooltip or the details. */
    private static boolean isInsideCell(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.IndexedCell<?>) {
                return true;
            }
        }
        return false;
    }
}
