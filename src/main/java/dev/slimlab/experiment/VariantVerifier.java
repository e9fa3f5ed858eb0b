package dev.slimlab.experiment;

import dev.slimlab.engine.api.Cancellation;
import java.util.Optional;

/**
 * Checks a built variant beyond its size: the user's staging tests, and parity with the original.
 * The runner calls it for every variant that built, after all are built; {@code dev.slimlab.staging}
 * implements it.
 */
public interface VariantVerifier {

    /**
     * @param variant  a built variant (possibly the original itself)
     * @param original the original, when it built and {@code variant} is not it
     */
    StagingResult verify(VariantResult variant, Optional<VariantResult> original, Cancellation cancellation);
}
