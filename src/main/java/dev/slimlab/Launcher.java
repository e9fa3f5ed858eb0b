package dev.slimlab;

import dev.slimlab.cli.SlimLabCommand;
import dev.slimlab.logging.Logging;
import dev.slimlab.ui.SlimLabApp;
import javafx.application.Application;

/**
 * Entry point of {@code slimlab.jar}: with no arguments it opens the desktop app, with any
 * arguments it runs the command line and exits with the command's exit code.
 *
 * <p>This is deliberately a plain class and not an {@link Application} subclass: launching an
 * {@code Application} subclass directly from the class path fails with "JavaFX runtime
 * components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Logging.quiet(); // the libraries' info lines are not for the user; warnings are
        if (args.length == 0) {
            launchGui();
        } else {
            System.exit(SlimLabCommand.run(args));
        }
    }

    private static void launchGui() {
        try {
            Application.launch(SlimLabApp.class);
        } catch (RuntimeException e) {
            System.err.println("slimlab: cannot open the window: " + describe(e));
            System.err.println("The command line works without a display: try 'slimlab --help'.");
            System.exit(1);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
