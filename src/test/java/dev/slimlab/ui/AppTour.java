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
 * and takes screenshots on the way: open a sample from the gallery, look at the Dockerfile,
 * the optimizations and the diff, build, cancel, build again, read the results and the charts,
 * then the same screens in the dark theme. Not a test: a tool.
 *
 * <pre>xvfb-run -a -s "-screen 0 1280x720x24" java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.slimlab.ui.AppTour assets/screenshots 1280x720</pre>
 */
public final class AppTour {

    private AppTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        String size = args.length > 1 ? args[1] : "1280x720";
        int width = Integer.parseInt(size.substring(0, size.indexOf('x')));
        int height = Integer.parseInt(size.substring(size.indexOf('x') + 1));
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
            window.setWidth(width);
            window.setHeight(height);
        });
        pause(3);
        shoot(out, "1-start", size);
        robot.clickOn("python-web"); // the start screen's sample gallery
        pause(2);
        shoot(out, "2-dockerfile", size);
        robot.clickOn("#tab-variants");
        pause(1);
        shoot(out, "3-variants-and-diff", size);
        robot.clickOn("#build");
        pause(4);
        shoot(out, "4-build", size);
        robot.clickOn("#cancel");
        waitUntilIdle(robot);
        shoot(out, "5-cancelled", size);
        robot.clickOn("#build");
        waitUntilIdle(robot);
        pause(2);
        shoot(out, "6-results", size);
        robot.clickOn("#detail-steps");
        pause(1);
        shoot(out, "12-build-time", size);
        robot.clickOn("#detail-layers");
        robot.clickOn("Charts");
        pause(2);
        shoot(out, "7-charts", size);
        robot.clickOn("Table");
        robot.clickOn("#dark-theme");
        pause(2);
        shoot(out, "8-results-dark", size);
        robot.clickOn("#tab-build");
        pause(1);
        shoot(out, "9-build-dark", size);
        robot.clickOn("#tab-variants");
        pause(1);
        shoot(out, "10-variants-dark", size);
        robot.clickOn("#tab-dockerfile");
        pause(1);
        shoot(out, "11-dockerfile-dark", size);
        robot.clickOn("#dark-theme");
        FxToolkit.cleanupApplication(new SlimLabApp());
        Platform.exit();
        System.exit(0);
    }

    private static void waitUntilIdle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(900, TimeUnit.SECONDS, () -> robot.lookup("#cancel").queryButton().isDisabled());
        pause(1);
    }

    private static void pause(int seconds) throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(seconds * 1000L);
    }

    private static void shoot(Path out, String name, String size) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", size + "+0+0",
                out.resolve(name + ".png").toString()).inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
