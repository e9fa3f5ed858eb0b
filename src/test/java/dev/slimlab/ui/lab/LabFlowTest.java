package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.ui.SlimLabApp;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
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
        DialogService dialogs = new DialogService() {
            @Override
            public Optional<Path> chooseFileToOpen(String title, String description, List<String> extensions) {
                return Optional.of(Path.of("assets/samples/python-web/Dockerfile"));
            }

            @Override
            public Optional<Path> chooseFileToSave(String title, String suggestedName, String description,
                                                   List<String> extensions) {
                return Optional.of(out.resolve(suggestedName));
            }
        };
        lab = SlimLabApp.start(stage, () -> engine, TaskExecutor.immediate(), dialogs);
    }

    @Test
    void openToggleBuildCompareExport(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#daemon-status").queryAs(Label.class).getText()).startsWith("Docker 0.0");

        robot.clickOn("#open-dockerfile");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#findings").queryAs(ListView.class).getItems()).isNotEmpty();
        assertThat(lab.selectedVariantProperty().get().name()).isEqualTo("minimal");
        String minimalDiff = robot.lookup("#diff").queryAs(TextArea.class).getText();
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
        assertThat(robot.lookup("#diff").queryAs(TextArea.class).getText()).contains("AS builder");
        assertThat(lab.selectedVariantProperty().get().optimizations()).contains("multi-stage");

        robot.clickOn("#tab-dockerfile");
        int before = robot.lookup("#findings").queryAs(ListView.class).getItems().size();
        TextArea editor = robot.lookup("#dockerfile-editor").queryAs(TextArea.class);
        robot.interact(() -> editor.setText(editor.getText() + "RUN apt-get update && apt-get install -y wget\n"));
        assertThat(robot.lookup("#findings").queryAs(ListView.class).getItems().size()).isGreaterThan(before);

        robot.clickOn("#build");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(engine.built).hasSize(3);
        assertThat(lab.getVariants()).allSatisfy(v -> assertThat(v.getProgress()).isEqualTo(1.0));
        assertThat(lab.getVariants().get(0).getLog()).contains("Step 1/2 : FROM scratch");
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
}
