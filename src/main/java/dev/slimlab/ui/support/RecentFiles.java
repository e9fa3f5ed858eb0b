package dev.slimlab.ui.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The files opened last, newest first, remembered between runs (in the user's preferences). */
public final class RecentFiles {

    public static final int MAX = 8;
    private static final String KEY = "recent.";

    private final Preferences store;
    private final List<Path> files = new ArrayList<>();

    private RecentFiles(Preferences store) {
        this.store = store;
        if (store != null) {
            for (int i = 0; i < MAX; i++) {
                String value = store.get(KEY + i, null);
                if (value != null) {
                    files.add(Path.of(value));
                }
            }
        }
    }

    /** Backed by the user's preferences for SlimLab. */
    public static RecentFiles inPreferences() {
        return new RecentFiles(Preferences.userRoot().node("dev/slimlab"));
    }

    /** Kept in memory only: for tests. */
    public static RecentFiles inMemory() {
        return new RecentFiles(null);
    }

    public List<Path> list() {
        return List.copyOf(files);
    }

    public void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.add(0, absolute);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        if (store != null) {
            for (int i = 0; i < MAX; i++) {
                if (i < files.size()) {
                    store.put(KEY + i, files.get(i).toString());
                } else {
                    store.remove(KEY + i);
                }
            }
            try {
                store.flush();
            } catch (BackingStoreException e) {
                // the list is kept for this run; only its memory across runs is lost
            }
        }
    }
}
