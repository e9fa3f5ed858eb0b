package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.analysis.Verdict;
import dev.slimlab.ui.SlimLabApp;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.FxTaskExecutor;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the window, with builds in the background: build all, then build all again and press
 * Cancel while a variant builds. The table keeps every row with its verdict, and the
 * recommendation stays what the finished results say.
 */
@ExtendWith(ApplicationExtension.class)
class CancelKeepsResultsTest {

    private final GatedEngine engine = new GatedEngine();
    private final FxTaskExecutor tasks = new FxTaskExecutor(2);
    private LabViewModel lab;

    @Start
    void start(Stage stage) {
        DialogService dialogs = new Labs.ScriptedDialogs(Path.of("assets/samples/python-web/Dockerfile"), null);
        lab = SlimLabApp.start(stage, () -> engine, tasks, dialogs);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void cancellingARebuildKeepsTheTableAndTheRecommendation(FxRobot robot) throws Exception {
        robot.clickOn("#open-dockerfile");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#build").queryButton().isDisabled());
        robot.clickOn("#build");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lab.state().analysisProperty().get() != null
                && !lab.state().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ResultRow> table = robot.lookup("#results-table").queryTableView();
        Map<String, Verdict> before = verdicts(table);
        String recommendation = robot.lookup("#recommendation").queryAs(Label.class).getText();
        assertThat(before).hasSize(3).doesNotContainValue(Verdict.BROKEN);
        assertThat(recommendation).matches("(Ship|Keep) .*");

        engine.hold = "minimal";
        robot.clickOn("#build");
        assertThat(engine.held.await(30, TimeUnit.SECONDS)).as("the rebuild reached minimal").isTrue();
        Button cancel = robot.lookup("#cancel").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cancel.isDisabled());
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lab.state().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#tab-results");
        assertThat(verdicts(robot.lookup("#results-table").queryTableView())).isEqualTo(before);
        assertThat(robot.lookup("#recommendation").queryAs(Label.class).getText()).isEqualTo(recommendation);
        assertThat(robot.lookup("#message").queryAs(Label.class).getText())
                .startsWith("Cancelled: 3 of 3 variants have results");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Verdict> verdicts(TableView<?> table) {
        return ((TableView<ResultRow>) table).getItems().stream()
                .collect(Collectors.toMap(ResultRow::name, r -> r.assessment().verdict()));
    }
}
