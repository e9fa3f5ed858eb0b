package dev.slimlab.staging;

import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.VariantVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The staging checks of an experiment: the user's suite (when there is one) on every variant that
 * built, the original included, and the parity checks of every other variant against the
 * original (unless turned off).
 */
public final class StagingChecks implements VariantVerifier {

    private final ImageEngine engine;
    private final Optional<StructureTestSuite> suite;
    private final StagingSettings settings;
    private final Optional<ParityChecker> parity;

    /** {@code versionProbes} null turns the parity checks off. */
    public StagingChecks(ImageEngine engine, Optional<StructureTestSuite> suite, StagingSettings settings,
                         List<String> versionProbes) {
        this.engine = engine;
        this.suite = suite;
        this.settings = settings;
        this.parity = versionProbes == null ? Optional.empty()
                : Optional.of(new ParityChecker(engine, settings, versionProbes));
    }

    @Override
    public StagingResult verify(VariantResult variant, Optional<VariantResult> original, Cancellation cancellation) {
        String image = variant.imageId().orElseThrow(() -> new IllegalArgumentException(variant.name() + " did not build"));
        List<TestOutcome> tests = suite.map(s -> new SuiteRunner(engine, settings).run(s, image, cancellation))
                .orElse(List.of());
        List<ParityFinding> findings = List.of();
        List<String> problems = new ArrayList<>();
        boolean isOriginal = variant.optimizations().isEmpty();
        if (parity.isPresent() && !isOriginal) {
            if (original.isEmpty()) {
                problems.add("no parity checks: the original did not build, so there is nothing to compare with");
            } else {
                try {
                    findings = parity.get().compare(original.get().imageId().orElseThrow(), original.get().packages(),
                            image, variant.packages(), cancellation);
                } catch (EngineException e) {
                    problems.add("the parity checks could not run: " + e.getMessage());
                }
            }
        }
        if (cancellation.isCancelled()) {
            problems.add("cancelled before the checks finished");
        }
        return new StagingResult(tests, findings, problems);
    }
}
