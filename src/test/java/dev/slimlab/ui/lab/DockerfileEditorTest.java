package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.optimize.Finding;
import dev.slimlab.ui.SlimLabApp;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Dockerfile editor in the real window, headless: the story's Dockerfile with line numbers,
 * colours and markers where optimizations apply; typing adds findings and markers; choosing a
 * finding takes the caret to its line; a file opened replaces the text and its undo history.
 */
@ExtendWith(ApplicationExtension.class)
class DockerfileEditorTest {

    private static final Path STORY = Path.of("assets/samples/python-story/Dockerfile");
    private static final String WGET = "RUN apt-get update && apt-get install -y wget";

    private LabViewModel lab;
    private CodeArea area;

    @Start
    void start(Stage stage) {
        DialogService dialogs = new Labs.ScriptedDialogs(STORY, null);
        lab = SlimLabApp.start(stage, FakeEngine::new, TaskExecutor.immediate(), dialogs);
    }

    @BeforeEach
    void open(FxRobot robot) {
        robot.clickOn("#open-dockerfile");
        WaitForAsyncUtils.waitForFxEvents();
        area = robot.lookup("#dockerfile-editor").queryAs(CodeArea.class);
    }

    @Test
    void showsTheFileWithLineNumbersColoursAndMarkers(FxRobot robot) throws Exception {
        assertThat(area.getText()).isEqualTo(Files.readString(STORY));
        assertThat(area.getUndoManager().isUndoAvailable()).as("a file opened has no undo history").isFalse();

        Set<String> numbers = robot.lookup("#dockerfile-editor .lineno").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(l -> l.getText().strip()).collect(Collectors.toSet());
        assertThat(numbers).contains("1", "2", "3", "10");

        assertThat(area.getStyleOfChar(area.getText().indexOf("FROM") + 1)).containsExactly("df-instruction");
        assertThat(area.getStyleOfChar(1)).containsExactly("df-comment");

        Finding apt = finding(f -> f.optimizationId().equals("apt-no-install-recommends"));
        int line = apt.line() - 1;
        assertThat(area.getParagraph(line).getText()).startsWith("RUN apt-get install");
        assertThat(marker(line).isVisible()).isTrue();
        assertThat(marker(line).getText()).isEqualTo(Long.toString(findingsOn(apt.line())));
        assertThat(marker(line).getTooltip().getText()).contains("on line " + apt.line()).contains(apt.message());
        assertThat(area.getParagraph(line).getParagraphStyle()).contains(DockerfileCodeEditor.BAND);
        assertThat(marker(0).isVisible()).as("no optimization applies to the first comment").isFalse();
        assertThat(area.getParagraph(0).getParagraphStyle()).doesNotContain(DockerfileCodeEditor.BAND);
    }

    @Test
    void hoveringAMarkedLineOrItsMarkerSaysWhichOptimizationsApplyAndWhy(FxRobot robot) throws Exception {
        Finding pip = finding(f -> f.optimizationId().equals("pip-no-cache-dir"));
        int start = area.getAbsolutePosition(pip.line() - 1, 6);
        Bounds text = WaitForAsyncUtils.asyncFx(() -> area.getCharacterBoundsOnScreen(start, start + 1).orElseThrow())
                .get();
        robot.moveTo(new Point2D(text.getCenterX(), text.getCenterY()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !shownTooltips(robot).isEmpty());
        String says = "on line " + pip.line() + ":";
        assertThat(shownTooltips(robot)).anyMatch(t -> t.contains(says) && t.contains(pip.message())
                && t.contains("pip install without its cache (pip-no-cache-dir)"));

        robot.moveTo(new Point2D(text.getCenterX(), text.getMaxY() + 200));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shownTooltips(robot).isEmpty());
        robot.moveTo(marker(pip.line() - 1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !shownTooltips(robot).isEmpty());
        assertThat(shownTooltips(robot)).anyMatch(t -> t.contains(says) && t.contains(pip.message()));
    }

    @Test
    void typingARunLineAddsFindingsAndAMarker(FxRobot robot) {
        int before = lab.dockerfile().getFindings().size();
        String original = area.getText();
        int newLine = area.getParagraphs().size(); // the file ends with a newline: type on the empty last line
        robot.clickOn(area);
        robot.interact(() -> area.moveTo(area.getLength()));
        robot.write(WGET);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(area.getParagraph(newLine - 1).getText()).isEqualTo(WGET);
        assertThat(lab.dockerfile().textProperty().get()).isEqualTo(area.getText()).endsWith(WGET);
        assertThat(lab.dockerfile().getFindings()).hasSizeGreaterThan(before);
        assertThat(lab.dockerfile().getFindings()).anyMatch(f -> f.line() == newLine);
        assertThat(marker(newLine - 1).isVisible()).isTrue();
        assertThat(area.getParagraph(newLine - 1).getParagraphStyle()).contains(DockerfileCodeEditor.BAND);
        assertThat(robot.lookup("#caret-findings").queryAs(Label.class).getText()).startsWith("Line " + newLine + ": ");

        // typing merges into one undo step unless the machine is slow between keys: undo until it is all gone
        for (int undo = 0; undo < WGET.length() && !area.getText().equals(original); undo++) {
            robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(area.getText()).isEqualTo(original);
        assertThat(lab.dockerfile().textProperty().get()).isEqualTo(area.getText()).doesNotContain("wget");
        assertThat(lab.dockerfile().getFindings()).noneMatch(f -> f.line() == newLine);
    }

    @Test
    void choosingAFindingTakesTheCaretToItsLine(FxRobot robot) {
        robot.interact(() -> {
            area.appendText("\n".repeat(40) + WGET + "\n");
            area.moveTo(0);
            area.showParagraphAtTop(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Finding last = lab.dockerfile().getFindings().stream().filter(f -> f.excerpt().contains("wget")).findFirst().orElseThrow();
        assertThat(area.lastVisibleParToAllParIndex()).as("the new line starts out of view").isLessThan(last.line() - 1);

        ListView<?> findings = robot.lookup("#findings").queryAs(ListView.class);
        robot.interact(() -> findings.scrollTo(lab.dockerfile().getFindings().indexOf(last)));
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = robot.lookup("#findings .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> last.equals(c.getItem())).findFirst().orElseThrow();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(area.getCurrentParagraph()).isEqualTo(last.line() - 1);
        assertThat(area.getCaretColumn()).isZero();
        assertThat(area.firstVisibleParToAllParIndex()).isLessThanOrEqualTo(last.line() - 1);
        assertThat(area.lastVisibleParToAllParIndex()).isGreaterThanOrEqualTo(last.line() - 1);

        robot.type(KeyCode.ENTER);
        assertThat(area.isFocused()).as("Enter on a finding moves the focus to the editor").isTrue();
        robot.type(KeyCode.F8);
        Finding first = lab.dockerfile().getFindings().stream().filter(f -> f.line() > 0).min((a, b) -> a.line() - b.line())
                .orElseThrow();
        assertThat(area.getCurrentParagraph()).as("F8 wraps round to the first marker").isEqualTo(first.line() - 1);
    }

    @Test
    void typingAfterChoosingAFindingLeavesTheCaretWhereTheTypingIs(FxRobot robot) {
        robot.clickOn(robot.lookup("#findings .list-cell").queryAs(ListCell.class));
        assertThat(robot.lookup("#findings").queryAs(ListView.class).getSelectionModel().getSelectedIndex()).isZero();
        robot.clickOn(area);
        robot.interact(() -> area.moveTo(area.getParagraphs().size() - 1, 0));
        robot.write("USER app");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(area.getCurrentParagraph()).isEqualTo(area.getParagraphs().size() - 1);
        assertThat(area.getParagraph(area.getCurrentParagraph()).getText()).isEqualTo("USER app");
    }

    @Test
    void aTextTheModelSetsReplacesTheContentAndTheUndoHistory(FxRobot robot) {
        robot.interact(() -> area.appendText("USER nobody\n"));
        assertThat(area.getUndoManager().isUndoAvailable()).isTrue();

        robot.interact(() -> lab.dockerfile().textProperty().set("FROM alpine\r\nRUN apt-get install -y curl\r\n"));
        assertThat(area.getText()).isEqualTo("FROM alpine\nRUN apt-get install -y curl\n");
        assertThat(area.getUndoManager().isUndoAvailable()).isFalse();
        assertThat(marker(1).isVisible()).isTrue();

        robot.interact(() -> area.appendText("USER app"));
        assertThat(lab.dockerfile().textProperty().get()).as("typing keeps the file's line ending")
                .isEqualTo("FROM alpine\r\nRUN apt-get install -y curl\r\nUSER app");

        robot.clickOn("#open-dockerfile");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getText()).startsWith("# A first-draft Dockerfile");
        assertThat(area.getUndoManager().isUndoAvailable()).isFalse();
    }

    @Test
    void theKeyboardMovesFocusOutOfTheEditor(FxRobot robot) {
        robot.clickOn(area);
        assertThat(area.isFocused()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        assertThat(area.isFocused()).isFalse();
        assertThat(robot.lookup("#findings").queryAs(ListView.class).isFocused()).isTrue();
        assertThat(robot.lookup("#lab-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .as("Ctrl+Tab leaves the editor and does not switch tabs").isEqualTo("tab-dockerfile");

        robot.clickOn(area);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(area.isFocused()).isFalse();
        assertThat(robot.lookup("#lab-tabs").queryAs(TabPane.class).isFocused()).isTrue();
        assertThat(area.getText()).doesNotContain("\t");
    }

    private static List<String> shownTooltips(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText()).toList();
    }

    private Finding finding(Predicate<Finding> which) {
        return lab.dockerfile().getFindings().stream().filter(which).findFirst().orElseThrow();
    }

    private long findingsOn(int line) {
        return lab.dockerfile().getFindings().stream().filter(f -> f.line() == line).distinct().count();
    }

    /** The marker in the gutter of 0-based {@code paragraph}, which must be in view. */
    private Label marker(int paragraph) {
        Node gutter = area.getParagraphGraphic(paragraph);
        return (Label) gutter.lookup(".finding-marker");
    }
}
