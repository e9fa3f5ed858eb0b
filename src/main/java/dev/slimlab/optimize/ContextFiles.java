package dev.slimlab.optimize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the optimizations need to know of the build context folder: the names at its top level
 * and whether it has a {@code .dockerignore}. Gathered by the caller, so that optimizations stay
 * pure functions of their input.
 */
public record ContextFiles(List<String> topLevel, boolean hasDockerignore) {

    public ContextFiles {
        topLevel = List.copyOf(topLevel);
    }

    /** Reads the top level of a build context folder. */
    public static ContextFiles read(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            return new ContextFiles(names, names.contains(".dockerignore"));
        }
    }

    /** Nothing known of the context (a Dockerfile on its own). */
    public static ContextFiles unknown() {
        return new ContextFiles(List.of(), false);
    }

    public boolean contains(String name) {
        return topLevel.contains(name);
    }
}
