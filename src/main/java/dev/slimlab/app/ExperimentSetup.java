package dev.slimlab.app;

import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.optimize.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the user chose for an experiment, in either face: the Dockerfile (with what is known of
 * its context), the context folder, the variants besides the original, whether to measure each
 * optimization alone, how to build, and which checks to make.
 *
 * @param project  the original Dockerfile and its context facts
 * @param context  the build context folder
 * @param variants the variants to compare with the original, in order (the original comes first
 *                 by itself; a variant named {@code original} is that one)
 * @param ablation also each optimization that applies, alone (see {@code AblationPlan})
 * @param settings how to build and measure
 * @param id       the experiment's id; empty means one made from the context folder's name
 * @param checks   the staging checks
 */
public record ExperimentSetup(Project project, Path context, List<VariantSpec> variants, boolean ablation,
                              ExperimentSettings settings, Optional<String> id, Checks checks) {

    public ExperimentSetup {
        variants = List.copyOf(variants);
    }

    /** The defaults both faces start from: no variants yet, one warm build each, the default checks. */
    public static ExperimentSetup of(Project project, Path context) {
        return new ExperimentSetup(project, context, List.of(), false, ExperimentSettings.defaults(), Optional.empty(),
                Checks.defaults());
    }

    public ExperimentSetup withVariants(List<VariantSpec> list) {
        return new ExperimentSetup(project, context, list, ablation, settings, id, checks);
    }

    public ExperimentSetup withAblation(boolean on) {
        return new ExperimentSetup(project, context, variants, on, settings, id, checks);
    }

    public ExperimentSetup withSettings(ExperimentSettings value) {
        return new ExperimentSetup(project, context, variants, ablation, value, id, checks);
    }

    public ExperimentSetup withId(String value) {
        return new ExperimentSetup(project, context, variants, ablation, settings, Optional.ofNullable(value), checks);
    }

    public ExperimentSetup withChecks(Checks value) {
        return new ExperimentSetup(project, context, variants, ablation, settings, id, value);
    }
}
