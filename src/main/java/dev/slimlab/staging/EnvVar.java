package dev.slimlab.staging;

import java.util.Objects;

/**
 * An environment variable: set for a command test, or expected in the image configuration by
 * the metadata test. {@code isRegex} only has a meaning in the metadata test, where it makes
 * {@code value} a regular expression the image's value must match.
 */
public record EnvVar(String key, String value, boolean isRegex) {

    public EnvVar {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public EnvVar(String key, String value) {
        this(key, value, false);
    }
}
