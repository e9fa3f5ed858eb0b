package dev.slimlab.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where SlimLab keeps files of its own for the user (build logs of runs not yet saved, copies
 * of the samples): {@code $XDG_DATA_HOME/slimlab}, else {@code ~/.local/share/slimlab}. The
 * system property {@code slimlab.data} overrides it (tests use a temporary folder).
 */
public final class DataFolder {

    private DataFolder() {
    }

    public static Path root() {
        return root(System.getProperty("slimlab.data"), System.getenv(), System.getProperty("user.home"));
    }

    /** The rule itself: the override, else an absolute {@code XDG_DATA_HOME} (the spec ignores a relative one). */
    static Path root(String override, Map<String, String> environment, String home) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String dataHome = environment.get("XDG_DATA_HOME");
        return dataHome != null && !dataHome.isBlank() && Path.of(dataHome).isAbsolute()
                ? Path.of(dataHome, "slimlab") : Path.of(home, ".local", "share", "slimlab");
    }
}
