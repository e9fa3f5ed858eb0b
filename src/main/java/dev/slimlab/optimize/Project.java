package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What optimizations read and rewrite: the Dockerfile, facts about its build context, the
 * files an optimization proposes next to it (a {@code .dockerignore}), and the user's settings.
 *
 * @param dockerfile         the Dockerfile
 * @param context            the build context's top-level names
 * @param proposedFiles      files to write next to the Dockerfile, by name (sorted)
 * @param buildArgs          build arguments, for resolving ARG-built base images
 * @param playwrightBrowsers the browsers {@code playwright-chromium-only} keeps
 */
public record Project(Dockerfile dockerfile, ContextFiles context, Map<String, String> proposedFiles,
                      Map<String, String> buildArgs, List<String> playwrightBrowsers) {

    public Project {
        proposedFiles = java.util.Collections.unmodifiableMap(new TreeMap<>(proposedFiles));
        buildArgs = Map.copyOf(buildArgs);
        playwrightBrowsers = List.copyOf(playwrightBrowsers);
    }

    public static Project of(Dockerfile dockerfile) {
        return of(dockerfile, ContextFiles.unknown());
    }

    public static Project of(Dockerfile dockerfile, ContextFiles context) {
        return new Project(dockerfile, context, Map.of(), Map.of(), List.of("chromium"));
    }

    public Project withDockerfile(Dockerfile newDockerfile) {
        return new Project(newDockerfile, context, proposedFiles, buildArgs, playwrightBrowsers);
    }

    public Project withProposedFile(String name, String content) {
        Map<String, String> files = new TreeMap<>(proposedFiles);
        files.put(name, content);
        return new Project(dockerfile, context, files, buildArgs, playwrightBrowsers);
    }

    public Project withPlaywrightBrowsers(List<String> browsers) {
        return new Project(dockerfile, context, proposedFiles, buildArgs, browsers);
    }

    public Project withBuildArgs(Map<String, String> args) {
        return new Project(dockerfile, context, proposedFiles, args, playwrightBrowsers);
    }

    /** True if the file is in the context or proposed by an optimization. */
    public boolean hasFile(String name) {
        return proposedFiles.containsKey(name) || name.equals(".dockerignore") && context.hasDockerignore()
                || context.contains(name);
    }
}
