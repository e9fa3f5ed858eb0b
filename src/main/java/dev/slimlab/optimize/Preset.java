package dev.slimlab.optimize;

import java.util.Locale;

/**
 * The ready-made sets of optimizations: none, every low-risk one, every one. A user's own set
 * is a custom variant and needs no preset.
 */
public enum Preset {
    ORIGINAL, MINIMAL, MAXIMUM;

    /** The lower-case name used on the command line and in variant names. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Preset parse(String text) {
        for (Preset p : values()) {
            if (p.label().equals(text.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset " + text + "; valid presets: original, minimal, maximum");
    }
}
