package dev.slimlab.experiment;

import java.util.Locale;
import java.util.Objects;

/**
 * A way a variant differs from the original that may break the app, found without any test
 * written by the user.
 *
 * @param kind     what was compared: {@code env}, {@code entrypoint}, {@code cmd}, {@code user},
 *                 {@code workdir}, {@code healthcheck}, {@code port}, {@code volume}, {@code label}, {@code executable},
 *                 {@code library}, {@code version}, {@code package} or {@code check} (a comparison
 *                 that could not be made)
 * @param severity how likely it is to break the app
 * @param subject  what differs: a variable, a program, a library, a package...
 * @param original its value in the original ("" when absent)
 * @param variant  its value in the variant ("" when absent)
 * @param message  what it means, in words
 */
public record ParityFinding(String kind, Severity severity, String subject, String original, String variant,
                            String message) {

    /** Ordered from the most to the least likely to break something. */
    public enum Severity {
        HIGH, MEDIUM, LOW, INFO;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ParityFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(message, "message");
    }
}
