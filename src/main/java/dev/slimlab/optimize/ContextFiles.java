package dev.slimlab.optimize;

import java.util.List;

/**
 * What the optimizations need to know of the build context folder: the names at its top level
 * and whether it has a {@code .dockerignore}. Gathered by the caller, so that optimizations stay
 * pure functions of their input.
 */
public record ContextFiles(List<String> topLevel, boolean hasDockerignore) {

    public ContextFiles {
        topLevel = List.copyOf(topLevel);
    }

    /** Nothing known of the context (a Dockerfile on its own). */
    public static ContextFiles unknown() {
        return new ContextFiles(List.of(), false);
    }

    public boolean contains(String name) {
        return topLevel.contains(name);
    }
}
