package dev.slimlab.experiment;

import dev.slimlab.dockerfile.BuilderFeatures;
import dev.slimlab.dockerfile.BuilderFeatures.Feature;
import dev.slimlab.dockerfile.BuilderFeatures.Kind;
import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.BuilderException;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.engine.api.ImageEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Before anything builds: can the chosen builder build every variant's Dockerfile? The classic
 * builder refuses BuildKit syntax; BuildKit without a session cannot give secret or ssh mounts,
 * needs a registry for a {@code # syntax=} frontend, and before Engine 23 knows no heredocs. A
 * run that would fail on any of these is refused up front, with each reason, instead of giving
 * broken variants after minutes of building.
 */
final class BuildPreflight {

    private BuildPreflight() {
    }

    /**
     * @param dockerfiles each variant's Dockerfile, the original first
     * @throws EngineException listing what the builder cannot build, and where
     */
    static void check(Map<String, Dockerfile> dockerfiles, Builder builder, EngineInfo engineInfo, ImageEngine engine)
            throws EngineException {
        List<String> problems = new ArrayList<>();
        Set<String> toldAlready = new HashSet<>(); // a problem the original has is not repeated for each variant
        Map<String, Optional<String>> frontends = new LinkedHashMap<>();
        boolean first = true;
        for (Map.Entry<String, Dockerfile> variant : dockerfiles.entrySet()) {
            for (Feature feature : BuilderFeatures.of(variant.getValue())) {
                if (!refused(feature, builder, engineInfo, engine, frontends)
                        || !toldAlready.add(feature.kind() + " " + feature.what()) && !first) {
                    continue;
                }
                problems.add((first ? "" : "variant " + variant.getKey() + ", ")
                        + BuilderFeatures.explain(feature, engineInfo.engineVersion())
                        + frontends.getOrDefault(feature.what(), Optional.empty()).map(why -> " (" + why + ")").orElse(""));
            }
            first = false;
        }
        if (!problems.isEmpty()) {
            throw new BuilderException("nothing was built: the " + builder.id() + " builder of Docker "
                    + engineInfo.engineVersion() + " cannot build " + (problems.size() == 1 ? "this:" : "these:")
                    + "\n  " + String.join("\n  ", problems));
        }
    }

    private static boolean refused(Feature feature, Builder builder, EngineInfo info, ImageEngine engine,
                                   Map<String, Optional<String>> frontends) throws EngineException {
        if (builder == Builder.CLASSIC) {
            return feature.kind() == Kind.BUILDKIT_ONLY || feature.kind() == Kind.NEEDS_SESSION;
        }
        return switch (feature.kind()) {
            case NEEDS_SESSION -> true;
            case NEWER_FRONTEND -> olderThan23(info.engineVersion());
            case EXTERNAL_FRONTEND -> {
                if (!frontends.containsKey(feature.what())) {
                    frontends.put(feature.what(), engine.whyNotPullable(feature.what()));
                }
                yield frontends.get(feature.what()).isPresent();
            }
            case BUILDKIT_ONLY -> false;
        };
    }

    /** Docker Engine versions are {@code 20.10.24}, {@code 20.10.24+dfsg1}, {@code 27.3.1}: the major number decides. */
    static boolean olderThan23(String engineVersion) {
        try {
            return Integer.parseInt(engineVersion.strip().split("[.+-]", 2)[0]) < 23;
        } catch (NumberFormatException e) {
            return false; // an engine that names itself otherwise is given the benefit of the doubt
        }
    }
}
