package dev.slimlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Uses the real app as a user would, with the real daemon, in a real window (run it under Xvfb),
 * and takes the README's screenshots on the way: open a sample from the gallery, look at the
 * optimizations and the diff, build, read the results. Not a test: a tool.
 *
 * <pre>xvfb-run -a -s "-screen 0 1280x800x24" java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.slimlab.ui.AppTour assets/screenshots</pre>
 */
public final class AppTour {

    private AppTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        System.setProperty("testfx.robot", "glass");
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(SlimLabApp.class);
        FxRobot robot = new FxRobot();
        Platform.runLater(() -> {
            Stage window = Stage.getWindows().stream().filter(w -> w instanceof Stage && w != stage && w.isShowing())
                    .map(w -> (Stage) w).findFirst().orElse(stage);
            window.setX(0);
            window.setY(0);
            window.setWidth(1280);
            window.setHeight(800);
        });
        pause(2);
        shoot(out, "1-start");
        robot.clickOn("python-web"); // the start screen's sample gallery
        pause(1);
        robot.clickOn("#tab-variants");
        pause(1);
        shoot(out, "2-variants-and-diff");
        robot.clickOn("#build");
        pause(3);
        shoot(out, "3-build");
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> robot.lookup("#message").queryLabeled().getText()
                .startsWith("Done") || robot.lookup("#message").queryLabeled().getText().startsWith("The build"));
        pause(2);
        shoot(out, "4-results");
        robot.clickOn("#tab-dockerfile");
        pause(1);
        shoot(out, "5-dockerfile");
        robot.clickOn("#tab-results");
        robot.clickOn("#dark-theme");
        pause(2);
        shoot(out, "6-results-dark");
        robot.clickOn("#dark-theme");
        FxToolkit.cleanupApplication(new SlimLabApp());
        Platform.exit();
        System.exit(0);
    }

    private static void pause(int seconds) throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(seconds * 1000L);
    }

    private static void shoot(Path out, String name) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", "1280x800+0+0",
                out.resolve(name + ".png").toString()).inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
