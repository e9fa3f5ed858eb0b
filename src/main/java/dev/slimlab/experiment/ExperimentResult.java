package dev.slimlab.experiment;

import java.util.List;

/**
 * A finished (or stopped) experiment: what was asked and what each variant gave.
 *
 * @param id         the experiment's id (it names the image tags {@code slimlab/<id>:<variant>})
 * @param dockerfile the original Dockerfile
 * @param context    the build context folder
 * @param settings   how it was built and measured
 * @param engine     the daemon it ran on
 * @param startedAt  when it started (ISO-8601)
 * @param variants   one result per variant, in the order asked
 */
public record ExperimentResult(String id, String dockerfile, String context, ExperimentSettings settings,
                               EngineInfo engine, String startedAt, List<VariantResult> variants) {

    public ExperimentResult {
        variants = List.copyOf(variants);
    }
}
