package dev.slimlab.engine.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which of the daemon's builders builds the images: BuildKit (what {@code docker build} uses
 * since Docker Engine 23), the classic builder, or whichever the daemon offers ({@code auto}:
 * BuildKit where it can, the classic builder otherwise).
 */
public enum Builder {
    AUTO, BUILDKIT, CLASSIC;

    /** The word used on the command line and in experiment files: {@code auto}, {@code buildkit}, {@code classic}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The builder a word names, or an error that lists the words. */
    public static Builder parse(String word) {
        return Arrays.stream(values()).filter(b -> b.id().equalsIgnoreCase(word.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown builder '" + word + "'; choose one of "
                        + Arrays.stream(values()).map(Builder::id).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return id();
    }
}
