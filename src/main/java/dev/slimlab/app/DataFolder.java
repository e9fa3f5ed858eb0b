package dev.slimlab.app;

import java.nio.file.Path;

/**
 * Where SlimLab keeps files of its own for the user (build logs of runs not yet saved, copies
 * of the samples): {@code $XDG_DATA_HOME/slimlab}, else {@code ~/.local/share/slimlab}. The
 * system property {@code slimlab.data} overrides it (tests use a temporary folder).
 */
public final class DataFolder {

    private DataFolder() {
    }

    public static Path root() {
        String override = System.getProperty("slimlab.data");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("slimlab");
    }
}
