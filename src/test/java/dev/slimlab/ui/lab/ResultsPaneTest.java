package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.slimlab.analysis.Verdict;
import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.store.ExperimentFile;
import dev.slimlab.report.ReportFixtures;
import dev.slimlab.ui.SlimLabApp;
import dev.slimlab.analysis.PackageChange;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.TaskExecutor;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Results tab on the story's saved experiment, headless: the table with its verdicts and
 * marks, sorting by value, the details of a selected variant, and the dark theme.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsPaneTest {

    @TempDir
    static Path dir;

    private LabViewModel lab;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DialogService dialogs = new Labs.ScriptedDialogs();
        lab = SlimLabApp.start(stage, FakeEngine::new, TaskExecutor.immediate(), dialogs);
    }

    @Test
    void storyTableSortsByValueAndShowsTheSelectedVariantsDetails(FxRobot robot) throws Exception {
        Path file = dir.resolve("story.json");
        ExperimentFile.save(ReportFixtures.story(), file);
        robot.interact(() -> lab.openExperiment(file));

        TableView<ResultRow> table = robot.lookup("#results-table").queryTableView();
        assertThat(table.getItems()).extracting(r -> r.assessment().verdict()).containsExactly(Verdict.TOO_LARGE,
                Verdict.BEST, Verdict.OVER_ENGINEERED, Verdict.TOO_LARGE, Verdict.TOO_LARGE, Verdict.BROKEN);
        assertThat(table.getSelectionModel().getSelectedItem().name()).isEqualTo("minimal");
        assertThat(texts(robot, "#results-table .table-cell")).contains("★ minimal ◆", "maximum ◆", "alpine",
                "best", "over-engineered", "broken");
        assertThat(robot.lookup("#variant-verdict").queryAs(Label.class).getText()).contains(
                "Saves 1.9 GB (61.3%) at medium risk; the riskier maximum saves only 600.0 MB more at high risk");
        assertThat(row(robot, "minimal").getPseudoClassStates()).contains(PseudoClass.getPseudoClass("recommended"));
        Label maximumRisk = robot.from(row(robot, "maximum")).lookup(".risk-badge").queryAs(Label.class);
        assertThat(maximumRisk.getText()).isEqualTo("high");
        assertThat(maximumRisk.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("risk-high"));
        assertThat(robot.lookup("#variant-heading").queryAs(Label.class).getText())
                .isEqualTo("minimal: best, recommended, Pareto-optimal");

        robot.clickOn(header(robot, table, "Size"));
        assertThat(table.getItems()).extracting(ResultRow::name).containsExactly(
                "maximum", "minimal", "slim-base", "apt-clean-lists", "original", "alpine");
        List<Long> sizes = table.getItems().stream().filter(r -> r.assessment().built())
                .map(r -> r.assessment().sizeBytes()).toList();
        assertThat(sizes).isSorted();
        assertThat(table.getSelectionModel().getSelectedItem().name()).isEqualTo("minimal");

        robot.clickOn(row(robot, "maximum"));
        assertThat(robot.lookup("#variant-heading").queryAs(Label.class).getText())
                .isEqualTo("maximum: over-engineered, Pareto-optimal");
        robot.clickOn("#detail-parity");
        TableView<ParityFinding> parity = robot.lookup("#parity-table").queryTableView();
        assertThat(parity.getItems()).extracting(ParityFinding::severity, ParityFinding::subject).startsWith(
                tuple(ParityFinding.Severity.HIGH, "PYTHONUBUFFERED"),
                tuple(ParityFinding.Severity.HIGH, "libpq.so.5"));
        assertThat(texts(robot, "#parity-table .risk-badge")).containsExactly("high", "high", "low");

        robot.clickOn("#detail-packages");
        TableView<PackageChange> packages = robot.lookup("#packages-table").queryTableView();
        assertThat(packages.getItems()).extracting(PackageChange::kind, PackageChange::name).containsExactly(
                tuple(PackageChange.Kind.DROPPED, "gcc-12"),
                tuple(PackageChange.Kind.DROPPED, "git"));
        assertThat(texts(robot, "#packages-table .table-cell")).contains("dropped", "gcc-12", "70.0 MB");

        robot.clickOn("#detail-steps");
        List<Rectangle> bars = robot.lookup("#timeline-rows .timeline-bar").queryAllAs(Rectangle.class)
                .stream().toList();
        assertThat(bars).hasSize(11);
        // the builder's pip install and the final stage's apt-get start together and overlap
        assertThat(bars.get(6).getX()).isEqualTo(bars.get(7).getX());
        assertThat(bars.get(6).getWidth()).isGreaterThan(bars.get(7).getWidth()).isGreaterThan(0);
        assertThat(robot.lookup("#timeline-summary").queryAs(Label.class).getText())
                .endsWith("3 cached. 2 steps ran in parallel.");

        robot.clickOn(row(robot, "alpine"));
        robot.clickOn("#detail-layers");
        assertThat(robot.lookup("#layers-table .placeholder-note").queryAs(Label.class).getText())
                .startsWith("The variant did not build: the base image python:3.10-alpine is not on this machine");
    }

    @Test
    void darkThemeSwapsOneSheet(FxRobot robot) {
        Region root = (Region) stage.getScene().getRoot();
        assertThat(brightness(root)).isGreaterThan(0.8);
        int sheets = stage.getScene().getStylesheets().size();

        robot.clickOn("#dark-theme");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getScene().getStylesheets()).hasSize(sheets + 1);
        assertThat(stage.getScene().getStylesheets().get(sheets)).endsWith("/dev/slimlab/ui/theme/dark.css");
        assertThat(lab.theme().darkProperty().get()).isTrue();
        assertThat(brightness(root)).isLessThan(0.2);

        robot.clickOn("#dark-theme");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getScene().getStylesheets()).hasSize(sheets).noneMatch(s -> s.endsWith("dark.css"));
        assertThat(brightness(root)).isGreaterThan(0.8);
    }

    private static double brightness(Region region) {
        return ((Color) region.getBackground().getFills().get(0).getFill()).getBrightness();
    }

    /** The texts of the visible labels and cells that match {@code query}, top to bottom, left to right. */
    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Labeled.class).stream()
                .filter(n -> n.isVisible() && n.getText() != null && !n.getText().isEmpty())
                .sorted(Comparator.comparingDouble((Labeled n) -> n.localToScene(n.getBoundsInLocal()).getMinY())
                        .thenComparingDouble(n -> n.localToScene(n.getBoundsInLocal()).getMinX()))
                .map(Labeled::getText).toList();
    }

    private static TableRow<?> row(FxRobot robot, String name) {
        return robot.lookup("#results-table .table-row-cell")
                .match((TableRow<?> r) -> r.getItem() instanceof ResultRow row && row.name().equals(name)).query();
    }

    private static Node header(FxRobot robot, TableView<?> table, String title) {
        TableColumn<?, ?> column = table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst()
                .orElseThrow();
        return robot.from(table).lookup(".column-header")
                .match((TableColumnHeader h) -> h.getTableColumn() == column).query();
    }
}
