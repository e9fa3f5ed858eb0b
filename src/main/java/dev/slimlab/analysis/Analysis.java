package dev.slimlab.analysis;

import dev.slimlab.experiment.ExperimentResult;
import java.util.List;
import java.util.Optional;

/**
 * An experiment judged: every variant's assessment in the experiment's order, the recommended
 * variant and why, and the attribution of savings to optimizations where ablation runs allow it.
 */
public record Analysis(ExperimentResult experiment, List<Assessment> variants, Optional<String> recommended,
                       String recommendation, Optional<Attribution> attribution) {

    public Analysis {
        variants = List.copyOf(variants);
    }

    public Optional<Assessment> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
