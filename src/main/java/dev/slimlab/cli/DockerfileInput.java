package dev.slimlab.cli;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileSyntaxException;
import dev.slimlab.optimize.ContextFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the Dockerfile a command names, and its build context, reporting problems in words. */
final class DockerfileInput {

    private DockerfileInput() {
    }

    /** The parsed file, or empty after telling {@code err} what went wrong. */
    static Optional<Dockerfile> read(String command, String file, PrintWriter err) {
        byte[] bytes;
        try {
            bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("slimlab " + command + ": " + file + ": no such file");
            return Optional.empty();
        } catch (IOException e) {
            err.println("slimlab " + command + ": cannot read " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of(Dockerfile.parse(bytes));
        } catch (DockerfileSyntaxException e) {
            String where = e.line() > 0 ? file + ":" + e.line() : file;
            err.println(where + ": error: " + e.reason());
            err.println("BuildKit (docker build) would reject this file; fix the line named above.");
            return Optional.empty();
        }
    }

    /** The context folder's listing; unknown (with a warning) when it cannot be read. */
    static ContextFiles contextFiles(String file, Path context, PrintWriter err) {
        Path folder = context != null ? context
                : file.equals("-") ? null : Optional.ofNullable(Path.of(file).toAbsolutePath().getParent()).orElse(null);
        if (folder == null) {
            return ContextFiles.unknown();
        }
        try {
            return ContextFiles.read(folder);
        } catch (IOException e) {
            err.println("slimlab: cannot list the build context " + folder + ": " + e.getMessage()
                    + " (checks of the context are skipped)");
            return ContextFiles.unknown();
        }
    }

}
