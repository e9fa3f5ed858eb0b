package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.optimize.SideBySideDiff.Kind;
import dev.slimlab.optimize.SideBySideDiff.Row;
import dev.slimlab.ui.SlimLabApp;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lab's main flow, headless, on a fake engine: open a sample, toggle an optimization and see
 * the diff and findings change, build and see progress, the table and the charts, export a report.
 */
@ExtendWith(ApplicationExtension.class)
class LabFlowTest {

    @TempDir
    static Path out;

    private LabViewModel lab;
    private final FakeEngine engine = new FakeEngine();

    @Start
    void start(Stage stage) {
        DialogService dialogs = new Labs.ScriptedDialogs(Path.of("assets/samples/python-web/Dockerfile"), out);
        lab = SlimLabApp.start(stage, () -> engine, TaskExecutor.immediate(), dialogs);
    }

    @Test
    void openToggleBuildCompareExport(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#daemon-status").queryAs(Label.class).getText()).startsWith("Docker 0.0");

        robot.clickOn("#open-dockerfile");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#findings").queryAs(ListView.class).getItems()).isNotEmpty();
        assertThat(lab.state().selectedVariantProperty().get().name()).isEqualTo("minimal");
        assertThat(robot.lookup(".optimizations-pane .risk-badge").queryAllAs(Label.class))
                .as("each toggle's risk in words, its level as the pseudo-class the theme colours")
                .anySatisfy(badge -> {
                    assertThat(badge.getText()).isEqualTo("high risk");
                    assertThat(badge.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("risk-high"));
                });
        String minimalDiff = lab.variants().diffProperty().get();
        assertThat(minimalDiff).contains("-slim").doesNotContain("AS builder");

        // the details card renders the focused optimization's lesson from Markdown into text
        javafx.scene.layout.VBox details = robot.lookup("#optimization-details").queryAs(javafx.scene.layout.VBox.class);
        String lessonText = details.getChildren().stream().filter(n -> n instanceof javafx.scene.text.TextFlow)
                .flatMap(n -> ((javafx.scene.text.TextFlow) n).getChildren().stream())
                .map(t -> ((javafx.scene.text.Text) t).getText()).reduce("", String::concat);
        assertThat(lessonText).contains("What it does", "What can break").doesNotContain("## ");

        robot.clickOn("#tab-variants");
        CheckBox multiStage = robot.lookup("#toggle-multi-stage").queryAs(CheckBox.class);
        robot.interact(() -> multiStage.setSelected(true));
        assertThat(lab.variants().diffProperty().get()).contains("AS builder");
        assertThat(lab.state().selectedVariantProperty().get().optimizations()).contains("multi-stage");

        robot.clickOn("#tab-dockerfile");
        int before = robot.lookup("#findings").queryAs(ListView.class).getItems().size();
        CodeArea editor = robot.lookup("#dockerfile-editor").queryAs(CodeArea.class);
        robot.interact(() -> editor.appendText("RUN apt-get update && apt-get install -y wget\n"));
        assertThat(robot.lookup("#findings").queryAs(ListView.class).getItems().size()).isGreaterThan(before);

        robot.clickOn("#build");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(engine.built).hasSize(3);
        assertThat(lab.state().getVariants()).allSatisfy(v -> assertThat(v.getProgress()).isEqualTo(1.0));
        assertThat(lab.state().getVariants().get(0).getLog()).contains("Step 1/2 : FROM scratch");
        TableView<?> table = robot.lookup("#results-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);
        assertThat(robot.lookup("#recommendation").queryAs(Label.class).getText()).matches("(Ship|Keep) .*");
        assertThat(robot.lookup("#charts").queryAs(TilePane.class).getChildren()).hasSizeGreaterThanOrEqualTo(5);

        robot.clickOn("#export");
        robot.clickOn("Report as HTML");
        WaitForAsyncUtils.waitForFxEvents();
        Path html = out.resolve("slimlab-report.html");
        assertThat(html).exists();
        assertThat(Files.readString(html)).contains("<title>SlimLab report: python-web</title>");
        assertThat(robot.lookup("#message").queryAs(Label.class).getText()).startsWith("Exported the html report to");
    }

    @Test
    void theVariantsTabShowsEachVariantBesideTheOriginal(FxRobot robot) {
        robot.clickOn("#open-dockerfile");
        robot.clickOn("#tab-variants");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<Row> rows = robot.lookup("#side-by-side").queryListView();
        assertThat(robot.lookup("#diff-left-name").queryLabeled().getText()).isEqualTo("original");
        assertThat(robot.lookup("#diff-right-name").queryLabeled().getText()).isEqualTo("minimal");
        assertThat(robot.lookup("#diff-summary").queryLabeled().getText()).startsWith("minimal against original: ")
                .contains("changed");

        List<Row> from = rows.getItems().stream().filter(r -> r.kind() == Kind.CHANGED
                && r.left().text().equals("FROM python:${PY}") && r.right().text().equals("FROM python:${PY}-slim"))
                .toList();
        assertThat(from).hasSize(1);
        ListCell<?> cell = robot.lookup(".diff-row").<ListCell<?>>match(c -> c.getItem() == from.get(0)).query();
        assertThat(robot.from(cell).lookup(".diff-left .diff-text").queryLabeled().getText())
                .isEqualTo("FROM python:${PY}");
        assertThat(robot.from(cell).lookup(".diff-right .diff-text").queryLabeled().getText())
                .isEqualTo("FROM python:${PY}-slim");
        assertThat(robot.from(cell).lookup(".diff-right .diff-sign").queryLabeled().getText()).isEqualTo("~");
        assertThat(robot.from(cell).lookup(".diff-right.diff-changed").tryQuery()).isPresent();

        int before = rows.getItems().size();
        CheckBox multiStage = robot.lookup("#toggle-multi-stage").queryAs(CheckBox.class);
        robot.interact(() -> multiStage.setSelected(true));
        assertThat(rows.getItems().size()).isGreaterThan(before);
        assertThat(rows.getItems()).anySatisfy(r -> assertThat(r.hasRight() && r.right().text().contains("AS builder"))
                .isTrue());

        // longer than the view: the keyboard scrolls both sides to the end together
        Row first = rows.getItems().get(0);
        Row last = rows.getItems().get(rows.getItems().size() - 1);
        assertThat(shown(robot, first)).isTrue();
        assertThat(shown(robot, last)).isFalse();
        robot.clickOn(rows).type(KeyCode.END);
        assertThat(shown(robot, last)).isTrue();
        assertThat(shown(robot, first)).isFalse();

        robot.interact(() -> lab.state().selectedVariantProperty().set(lab.state().getVariants().get(0)));
        assertThat(robot.lookup("#diff-summary").queryLabeled().getText()).isEqualTo("original against original: no change");
        assertThat(rows.getItems()).isNotEmpty().allSatisfy(r -> assertThat(r.kind()).isEqualTo(Kind.SAME));
    }

    /** Whether a cell of the side-by-side view shows this row now. */
    private static boolean shown(FxRobot robot, Row row) {
        return robot.lookup(".diff-row").<ListCell<?>>match(c -> c.isVisible() && c.getItem() == row).tryQuery()
                .isPresent();
    }
}
