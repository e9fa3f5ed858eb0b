package dev.slimlab.staging;

import java.util.Objects;

/** An image label the metadata test expects; with {@code isRegex} the value is a regular expression. */
public record Label(String key, String value, boolean isRegex) {

    public Label {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
