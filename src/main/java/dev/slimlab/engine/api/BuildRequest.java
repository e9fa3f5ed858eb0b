package dev.slimlab.engine.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One image build: the context folder, the Dockerfile to build (in place of the context's own),
 * files to add or replace in the context (a proposed {@code .dockerignore}), and the options of
 * {@code docker build}.
 *
 * @param contextDir  the build context folder
 * @param dockerfile  the Dockerfile's bytes, sent as {@code Dockerfile} at the context root
 * @param extraFiles  relative path → bytes put into the context in place of files on disk
 * @param tag         the tag the image gets, e.g. {@code slimlab/exp1:minimal}
 * @param labels      labels for the image (SlimLab marks everything it makes)
 * @param buildArgs   {@code --build-arg} values
 * @param target      {@code --target} stage, if any
 * @param noCache     {@code --no-cache}
 * @param pull        {@code --pull}: try to pull a newer base image
 * @param builder     which builder builds it ({@code AUTO}: the engine picks, as {@link ImageEngine#resolve} does)
 */
public record BuildRequest(Path contextDir, byte[] dockerfile, Map<String, byte[]> extraFiles, String tag,
                           Map<String, String> labels, Map<String, String> buildArgs, Optional<String> target,
                           boolean noCache, boolean pull, Builder builder) {

    public BuildRequest {
        extraFiles = java.util.Collections.unmodifiableMap(new TreeMap<>(extraFiles));
        labels = Map.copyOf(labels);
        buildArgs = Map.copyOf(buildArgs);
    }

    /** A build of {@code dockerfile} in {@code contextDir} with no other options. */
    public static BuildRequest of(Path contextDir, byte[] dockerfile, String tag, Map<String, String> labels) {
        return new BuildRequest(contextDir, dockerfile, Map.of(), tag, labels, Map.of(), Optional.empty(), false, false,
                Builder.AUTO);
    }

    public BuildRequest withNoCache(boolean value) {
        return new BuildRequest(contextDir, dockerfile, extraFiles, tag, labels, buildArgs, target, value, pull, builder);
    }

    public BuildRequest withPull(boolean value) {
        return new BuildRequest(contextDir, dockerfile, extraFiles, tag, labels, buildArgs, target, noCache, value, builder);
    }

    public BuildRequest withExtraFiles(Map<String, byte[]> files) {
        return new BuildRequest(contextDir, dockerfile, files, tag, labels, buildArgs, target, noCache, pull, builder);
    }

    public BuildRequest withBuildArgs(Map<String, String> args) {
        return new BuildRequest(contextDir, dockerfile, extraFiles, tag, labels, args, target, noCache, pull, builder);
    }

    public BuildRequest withBuilder(Builder value) {
        return new BuildRequest(contextDir, dockerfile, extraFiles, tag, labels, buildArgs, target, noCache, pull, value);
    }

    public BuildRequest withTarget(String stage) {
        return new BuildRequest(contextDir, dockerfile, extraFiles, tag, labels, buildArgs, Optional.ofNullable(stage),
                noCache, pull, builder);
    }
}
