package dev.slimlab.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A variant's whole build log on disk (results keep only its tail in memory). Without a log
 * directory it writes nothing. A log that cannot be written never fails the build: writing
 * just stops.
 */
final class BuildLog implements AutoCloseable {

    private final Path file;
    private BufferedWriter writer;

    private BuildLog(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    static BuildLog open(Path directory, String variant) {
        if (directory == null) {
            return new BuildLog(null, null);
        }
        Path file = directory.resolve(variant + ".log");
        try {
            Files.createDirectories(directory);
            return new BuildLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new BuildLog(null, null);
        }
    }

    /** The file's path, or "" when no log is written. */
    String path() {
        return file == null ? "" : file.toString();
    }

    synchronized void onLine(String line) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            closeQuietly();
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the log is a convenience: the result keeps the tail either way
            }
            writer = null;
        }
    }
}
