package dev.slimlab.experiment;

import dev.slimlab.engine.api.EngineInfo;
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
 * @param history    every run of this experiment saved to the same file, oldest first, this one
 *                   last; empty for a run not yet combined with earlier ones (see {@link #runs()})
 */
public record ExperimentResult(String id, String dockerfile, String context, ExperimentSettings settings,
                               EngineInfo engine, String startedAt, List<VariantResult> variants,
                               List<RunSummary> history) {

    public ExperimentResult {
        variants = List.copyOf(variants);
        history = List.copyOf(history);
    }

    /** A result with no history yet. */
    public ExperimentResult(String id, String dockerfile, String context, ExperimentSettings settings,
                            EngineInfo engine, String startedAt, List<VariantResult> variants) {
        this(id, dockerfile, context, settings, engine, startedAt, variants, List.of());
    }

    /**
     * This run with the history of {@code previous} (an earlier run of the same experiment)
     * before it: the history grows by one run each time.
     */
    public ExperimentResult afterRun(ExperimentResult previous) {
        List<RunSummary> runs = new java.util.ArrayList<>(previous.runs());
        runs.add(RunSummary.of(this));
        return new ExperimentResult(id, dockerfile, context, settings, engine, startedAt, variants, runs);
    }

    /** This run as the first of its history (nothing was saved before it). */
    public ExperimentResult firstRun() {
        return new ExperimentResult(id, dockerfile, context, settings, engine, startedAt, variants,
                List.of(RunSummary.of(this)));
    }

    /**
     * The context file changed before every build after the first, when the build times compared
     * are warm rebuilds after an edit; empty when they are plain builds (or the settings are unknown).
     */
    public java.util.Optional<String> changedFile() {
        return settings == null ? java.util.Optional.empty() : settings.changedFile();
    }

    /** The original: the variant that applies no optimization (the first, when there are several). */
    public java.util.Optional<VariantResult> original() {
        return variants.stream().filter(v -> v.optimizations().isEmpty()).findFirst();
    }

    /**
     * What savings are measured against: the original when it built, else the largest variant
     * that did; empty when none built.
     */
    public java.util.Optional<VariantResult> baseline() {
        return original().filter(VariantResult::built).or(() -> variants.stream().filter(VariantResult::built)
                .max(java.util.Comparator.comparingLong(VariantResult::sizeBytes)));
    }

    /**
     * This run, keeping what {@code previous} (the last run of the same experiment) knew: a
     * variant this run did not finish (it was cancelled) takes its earlier result when that one
     * finished with the same Dockerfile; and each variant named in {@code carriedOver} that this
     * run did not include at all keeps its earlier finished result, after this run's variants.
     * So cancelling a run, or building one variant, never throws a measurement away.
     */
    public ExperimentResult keepingFinished(ExperimentResult previous, java.util.Set<String> carriedOver) {
        if (!previous.id().equals(id)) {
            return this;
        }
        java.util.Map<String, VariantResult> before = new java.util.LinkedHashMap<>();
        previous.variants().stream().filter(VariantResult::finished).forEach(v -> before.put(v.name(), v));
        List<VariantResult> kept = new java.util.ArrayList<>();
        for (VariantResult v : variants) {
            VariantResult earlier = before.remove(v.name());
            boolean useEarlier = !v.finished() && earlier != null && earlier.dockerfile().equals(v.dockerfile());
            kept.add(useEarlier ? earlier : v);
        }
        before.values().stream().filter(v -> carriedOver.contains(v.name())).forEach(kept::add);
        return new ExperimentResult(id, dockerfile, context, settings, engine, startedAt, kept, history);
    }

    /** The history to show: the saved one, or this run alone. */
    public List<RunSummary> runs() {
        return history.isEmpty() ? List.of(RunSummary.of(this)) : history;
    }
}
