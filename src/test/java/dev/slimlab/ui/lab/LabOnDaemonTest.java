package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.engine.NeedsDaemon;
import dev.slimlab.engine.DockerDaemon;
import dev.slimlab.engine.DockerEngine;
import dev.slimlab.experiment.ExperimentRunner;
import dev.slimlab.staging.StagingSettings;
import dev.slimlab.ui.SlimLabApp;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lab against the real daemon, headless: open a Dockerfile, build its variants with the
 * app's own background executor, and see the table; nothing is left running.
 */
@NeedsDaemon
@ExtendWith(ApplicationExtension.class)
class LabOnDaemonTest {

    @TempDir
    static Path project;

    private static final FxTaskExecutor tasks = new FxTaskExecutor(2);
    private LabViewModel lab;

    @BeforeAll
    static void dockerfile() throws Exception {
        try (DockerEngine engine = new DockerEngine()) {
            DockerDaemon.ensureBusybox(engine);
        }
        Files.writeString(project.resolve("Dockerfile"), "FROM " + DockerDaemon.BUSYBOX + "\n"
                + "RUN dd if=/dev/zero of=/a bs=1024 count=200\nRUN rm /a\nCMD [\"sh\"]\n");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        tasks.close();
        try (DockerEngine engine = new DockerEngine()) {
            assertThat(engine.containersLabelled(StagingSettings.LABEL, null)).isEmpty();
            engine.removeLabelled(ExperimentRunner.EXPERIMENT_LABEL, project.getFileName().toString().toLowerCase());
        }
    }

    @Start
    void start(Stage stage) {
        DialogService dialogs = new Labs.ScriptedDialogs(project.resolve("Dockerfile"), project);
        lab = SlimLabApp.start(stage, DockerEngine::new, tasks, dialogs);
    }

    @Test
    void buildsOnTheDaemonWithoutFreezingAndShowsTheTable(FxRobot robot) throws Exception {
        robot.clickOn("#open-dockerfile");
        // the Dockerfile is read off the FX thread
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lab.state().projectProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> lab.variants().addVariant("combined").ifPresent(v -> { }));
        robot.interact(() -> lab.variants().getOptimizations().stream().filter(o -> o.id().equals("combine-runs"))
                .findFirst().orElseThrow().setSelected(true));
        robot.clickOn("#build");
        assertThat(lab.state().runningProperty().get()).as("the build runs in the background").isTrue();
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !lab.state().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#message").queryAs(Label.class).getText()).startsWith("Done: ");
        TableView<?> table = robot.lookup("#results-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4); // original, minimal, maximum, combined
        assertThat(lab.state().getVariants()).filteredOn(v -> v.name().equals("combined")).singleElement()
                .satisfies(v -> assertThat(v.resultProperty().get().built()).isTrue());
        assertThat(lab.state().getVariants().get(0).getLog()).anyMatch(line -> line.contains("dd if=/dev/zero"));
        assertThat(robot.lookup("#daemon-status").queryAs(Label.class).getText()).startsWith("Docker ");
    }
}
