package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.app.Samples;
import dev.slimlab.app.Samples.Sample;
import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.ui.SlimLabApp;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start screen's gallery and the Samples menu show every shipped sample and open a copy of it. */
@ExtendWith(ApplicationExtension.class)
class SampleGalleryTest {

    @TempDir
    static Path home;
    private static String dataFolder;

    private LabViewModel lab;
    private List<String> shipped;

    @Start
    void start(Stage stage) throws Exception {
        DialogService none = new Labs.ScriptedDialogs();
        shipped = new Samples(home).list().stream().map(Sample::name).toList();
        dataFolder = System.getProperty("slimlab.data");
        System.setProperty("slimlab.data", home.toString());
        lab = SlimLabApp.start(stage, FakeEngine::new, TaskExecutor.immediate(), none);
    }

    @AfterAll
    static void restoreTheDataFolder() {
        if (dataFolder == null) {
            System.clearProperty("slimlab.data");
        } else {
            System.setProperty("slimlab.data", dataFolder);
        }
    }

    @Test
    void theGalleryAndTheMenuShowEverySampleAndOpenACopy(FxRobot robot) {
        FlowPane gallery = robot.lookup("#sample-gallery").queryAs(FlowPane.class);
        assertThat(gallery.getChildren()).map(node -> ((Button) node).getText()).containsExactlyElementsOf(shipped);
        assertThat(robot.lookup("Or start from a sample:").tryQuery()).isPresent();

        MenuButton menu = robot.lookup("#samples").queryAs(MenuButton.class);
        robot.clickOn(menu);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.getItems()).extracting(MenuItem::getText).containsExactlyElementsOf(shipped);
        robot.interact(menu::hide);

        Button pythonWeb = (Button) gallery.getChildren().get(shipped.indexOf("python-web"));
        robot.interact(pythonWeb::fire); // below the fold of the headless window, so not clicked
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lab.state().dockerfileProperty().get()).isEqualTo(home.resolve("samples/python-web/Dockerfile"));
        assertThat(home.resolve("samples/python-web/app.py")).exists();
    }
}
