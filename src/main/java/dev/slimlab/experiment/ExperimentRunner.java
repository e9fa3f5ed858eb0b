package dev.slimlab.experiment;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.engine.api.ImageArchiveAnalysis;
import dev.slimlab.engine.api.ImageDetails;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.engine.api.LayerHistory;
import dev.slimlab.optimize.Applied;
import dev.slimlab.optimize.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an experiment: writes each variant's Dockerfile, builds it on the engine (repeatedly, for
 * timing), and measures it. Variants with the same Dockerfile are built once. One variant that
 * fails, times out or throws never stops the others; cancelling stops them all and leaves
 * nothing behind.
 */
public final class ExperimentRunner {

    public static final String EXPERIMENT_LABEL = "dev.slimlab.experiment";
    public static final String VARIANT_LABEL = "dev.slimlab.variant";
    public static final String BUILD_LABEL = "dev.slimlab.build";
    private static final String CHECKS_CANCELLED = "cancelled before its staging checks finished";

    private final ImageEngine engine;
    private final Catalog catalog;
    private final Path logDirectory;
    private final VariantVerifier verifier;

    public ExperimentRunner(ImageEngine engine, Catalog catalog) {
        this(engine, catalog, null, null);
    }

    private ExperimentRunner(ImageEngine engine, Catalog catalog, Path logDirectory, VariantVerifier verifier) {
        this.engine = engine;
        this.catalog = catalog;
        this.logDirectory = logDirectory;
        this.verifier = verifier;
    }

    /** A runner that also writes each variant's whole build log to {@code <directory>/<variant>.log}. */
    public ExperimentRunner withLogDirectory(Path directory) {
        return new ExperimentRunner(engine, catalog, directory, verifier);
    }

    /** A runner that checks every variant that built with {@code checks} once all are built. */
    public ExperimentRunner withVerifier(VariantVerifier checks) {
        return new ExperimentRunner(engine, catalog, logDirectory, checks);
    }

    /** Runs every variant and returns their results in the experiment's order. */
    public ExperimentResult run(Experiment experiment, ProgressEvent.Listener progress, Cancellation cancellation)
            throws EngineException {
        Builder builder = engine.resolve(experiment.settings().builder());
        EngineInfo info = engine.ping().withBuilder(builder);
        String startedAt = Instant.now().toString();
        Map<String, Planned> plans = new LinkedHashMap<>();
        Map<String, Planned> byText = new HashMap<>();
        for (VariantSpec spec : experiment.variants()) {
            Applied applied = catalog.apply(spec.optimizations(), experiment.project());
            Planned plan = new Planned(spec, applied, null);
            Planned same = byText.putIfAbsent(plan.key(), plan);
            plans.put(spec.name(), same == null ? plan : plan.sameAs(same));
        }
        Map<String, Dockerfile> dockerfiles = new LinkedHashMap<>();
        plans.forEach((name, plan) -> dockerfiles.put(name, plan.applied.project().dockerfile()));
        BuildPreflight.check(dockerfiles, builder, info, engine);
        byte[] changedFile = changedFileBytes(experiment);
        plans.keySet().forEach(name -> progress.on(new ProgressEvent(name, ProgressEvent.Phase.QUEUED, 0, 0, "queued")));
        ExecutorService pool = Executors.newFixedThreadPool(experiment.settings().parallelBuilds());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            Map<Planned, Future<VariantResult>> futures = new LinkedHashMap<>();
            for (Planned plan : plans.values()) {
                if (plan.sameAs == null) {
                    futures.put(plan, pool.submit(() -> variant(experiment, plan, builder, changedFile, progress,
                            cancellation, timer)));
                }
            }
            Map<Planned, VariantResult> done = new HashMap<>();
            for (Planned plan : futures.keySet()) {
                done.put(plan, await(futures.get(plan), plan, cancellation));
            }
            if (verifier != null) {
                verify(plans.values(), done, progress, cancellation);
            }
            List<VariantResult> results = new ArrayList<>();
            for (Planned plan : plans.values()) {
                results.add(plan.sameAs == null ? done.get(plan) : done.get(plan.sameAs).renamed(plan.changes()));
            }
            return new ExperimentResult(experiment.id(), experiment.project().dockerfile().print(),
                    experiment.context().toString(), experiment.settings(), info, startedAt, results);
        } finally {
            pool.shutdownNow();
            timer.shutdownNow();
        }
    }

    /** A variant's rewritten Dockerfile; {@code sameAs} names an earlier variant with the same text. */
    private record Planned(VariantSpec spec, Applied applied, Planned sameAs) {
        Planned sameAs(Planned other) {
            return new Planned(spec, applied, other);
        }

        String text() {
            return applied.project().dockerfile().print();
        }

        /**
         * The variant as its result names it: with the optimizations that changed its Dockerfile
         * (or its context files), not those that were asked for and found nothing to do, so the
         * risk and the reports speak only of what was changed.
         */
        VariantSpec changes() {
            Set<String> changedBy = new LinkedHashSet<>();
            applied.notes().stream().filter(note -> !note.message().startsWith(Catalog.NOT_APPLIED))
                    .forEach(note -> changedBy.add(note.optimizationId()));
            return new VariantSpec(spec.name(), changedBy);
        }

        String key() {
            return text() + "\u0000" + applied.project().proposedFiles();
        }
    }

    private static VariantResult await(Future<VariantResult> future, Planned plan, Cancellation cancellation) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
            return VariantResult.notBuilt(plan.changes(), VariantResult.Status.CANCELLED, "cancelled", plan.text(),
                    List.of(), List.of(), List.of(), "");
        } catch (java.util.concurrent.ExecutionException e) {
            return VariantResult.notBuilt(plan.changes(), VariantResult.Status.FAILED,
                    "SlimLab failed on this variant: " + e.getCause(), plan.text(), List.of(), List.of(), List.of(), "");
        }
    }

    /**
     * Runs the staging checks on each variant that built, one at a time (their containers would
     * only compete for the same cores), the original first.
     */
    private void verify(java.util.Collection<Planned> plans, Map<Planned, VariantResult> done,
                        ProgressEvent.Listener progress, Cancellation cancellation) {
        Optional<VariantResult> original = plans.stream().filter(p -> p.spec.optimizations().isEmpty()).findFirst()
                .map(p -> done.get(p.sameAs == null ? p : p.sameAs)).filter(VariantResult::built);
        for (Planned plan : plans) {
            VariantResult result = done.get(plan);
            if (result == null || !result.built()) {
                continue;
            }
            if (cancellation.isCancelled()) {
                done.put(plan, result.cancelled(CHECKS_CANCELLED));
                continue;
            }
            String name = plan.spec.name();
            progress.on(new ProgressEvent(name, ProgressEvent.Phase.TESTING, 0, 0, "staging tests and parity checks"));
            boolean isOriginal = original.isPresent() && original.get().imageId().equals(result.imageId());
            StagingResult staging;
            try {
                staging = verifier.verify(result, isOriginal ? Optional.empty() : original, cancellation);
            } catch (RuntimeException e) {
                staging = new StagingResult(List.of(), List.of(), List.of("SlimLab failed checking this variant: " + e));
            }
            if (cancellation.isCancelled()) { // checks cut short say nothing about the variant
                done.put(plan, result.cancelled(CHECKS_CANCELLED));
                progress.on(new ProgressEvent(name, ProgressEvent.Phase.CANCELLED, 0, 0, "cancelled"));
                continue;
            }
            done.put(plan, result.withStaging(staging));
            progress.on(new ProgressEvent(name, ProgressEvent.Phase.DONE, 0, 0, "checked: " + summary(staging)));
        }
    }

    private static String summary(StagingResult staging) {
        String tests = staging.tests().isEmpty() ? "no tests"
                : "tests " + staging.testsPassed() + "/" + staging.tests().size() + " passed";
        return tests + ", parity findings: " + staging.findings(ParityFinding.Severity.HIGH) + " high, "
                + staging.findings(ParityFinding.Severity.MEDIUM) + " medium, "
                + staging.findings(ParityFinding.Severity.LOW) + " low"
                + (staging.problems().isEmpty() ? "" : "; " + String.join("; ", staging.problems()));
    }

    /** The changed file's bytes as they are in the context, when the experiment changes one between builds. */
    private static byte[] changedFileBytes(Experiment experiment) throws EngineException {
        Optional<String> file = experiment.settings().changedFile();
        if (file.isEmpty()) {
            return null;
        }
        try {
            return Files.readAllBytes(experiment.context().resolve(file.get()));
        } catch (IOException e) {
            throw new EngineException("cannot read " + file.get() + " in the context " + experiment.context()
                    + " (the file changed between builds): " + e.getMessage(), e);
        }
    }

    private VariantResult variant(Experiment experiment, Planned plan, Builder builder, byte[] changedFile,
                                  ProgressEvent.Listener progress, Cancellation experimentCancel,
                                  ScheduledExecutorService timer) {
        try (BuildLog log = BuildLog.open(logDirectory, plan.spec.name())) {
            return variant(experiment, plan, builder, changedFile, progress, experimentCancel, timer, log);
        }
    }

    private VariantResult variant(Experiment experiment, Planned plan, Builder builder, byte[] changedFile,
                                  ProgressEvent.Listener progress, Cancellation experimentCancel,
                                  ScheduledExecutorService timer, BuildLog log) {
        VariantSpec spec = plan.spec;
        ExperimentSettings settings = experiment.settings();
        List<Double> seconds = new ArrayList<>();
        BuildOutcome first = null;
        try {
            for (int repetition = 1; repetition <= settings.repetitions(); repetition++) {
                if (experimentCancel.isCancelled()) {
                    return cancelled(plan, seconds, first, progress, log);
                }
                log.onLine("== SlimLab: build " + repetition + " of " + settings.repetitions() + " of " + spec.name()
                        + (repetition > 1 && changedFile != null ? ", after changing " + settings.changedFile().get() : ""));
                Cancellation build = new Cancellation();
                experimentCancel.onCancel(build::cancel);
                boolean[] timedOut = {false};
                ScheduledFuture<?> deadline = timer.schedule(() -> {
                    timedOut[0] = true;
                    build.cancel();
                }, settings.timeoutSeconds(), TimeUnit.SECONDS);
                BuildOutcome outcome;
                try {
                    outcome = engine.build(request(experiment, plan, builder, repetition, changedFile),
                            listener(spec, progress, log), build);
                } finally {
                    deadline.cancel(false);
                }
                if (first == null) {
                    first = outcome;
                }
                seconds.add(outcome.seconds());
                if (outcome.status() == BuildOutcome.Status.CANCELLED) {
                    if (timedOut[0]) {
                        String why = "timed out after " + settings.timeoutSeconds() + " s";
                        progress.on(new ProgressEvent(spec.name(), ProgressEvent.Phase.FAILED, 0, 0, why));
                        return VariantResult.notBuilt(plan.changes(), VariantResult.Status.TIMED_OUT, why, plan.text(), seconds,
                                first.steps(), outcome.logTail(), log.path());
                    }
                    return cancelled(plan, seconds, first, progress, log);
                }
                if (!outcome.built()) {
                    String why = outcome.error().orElse("the build failed");
                    progress.on(new ProgressEvent(spec.name(), ProgressEvent.Phase.FAILED, 0, 0, why));
                    return VariantResult.notBuilt(plan.changes(), VariantResult.Status.FAILED, why, plan.text(), seconds,
                            outcome.steps(), outcome.logTail(), log.path());
                }
            }
            progress.on(new ProgressEvent(spec.name(), ProgressEvent.Phase.MEASURING, 0, 0, "measuring"));
            VariantResult result = measure(experiment, plan, first, seconds, log);
            progress.on(new ProgressEvent(spec.name(), ProgressEvent.Phase.DONE, 0, 0, "built and measured"));
            return result;
        } catch (EngineException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            progress.on(new ProgressEvent(spec.name(), ProgressEvent.Phase.FAILED, 0, 0, why));
            return VariantResult.notBuilt(plan.changes(), VariantResult.Status.FAILED, why, plan.text(), seconds,
                    first == null ? List.of() : first.steps(), first == null ? List.of() : first.logTail(), log.path());
        }
    }

    private static VariantResult cancelled(Planned plan, List<Double> seconds, BuildOutcome first,
                                           ProgressEvent.Listener progress, BuildLog log) {
        progress.on(new ProgressEvent(plan.spec.name(), ProgressEvent.Phase.CANCELLED, 0, 0, "cancelled"));
        return VariantResult.notBuilt(plan.changes(), VariantResult.Status.CANCELLED, "cancelled", plan.text(), seconds,
                first == null ? List.of() : first.steps(), first == null ? List.of() : first.logTail(), log.path());
    }

    private BuildRequest request(Experiment experiment, Planned plan, Builder builder, int repetition,
                                 byte[] changedFile) {
        Map<String, String> labels = Map.of(EXPERIMENT_LABEL, experiment.id(), VARIANT_LABEL, plan.spec.name(),
                BUILD_LABEL, UUID.randomUUID().toString());
        Map<String, byte[]> files = new LinkedHashMap<>();
        plan.applied.project().proposedFiles().forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        if (changedFile != null && repetition > 1) {
            files.put(experiment.settings().changedFile().get(), changed(changedFile, new java.security.SecureRandom().nextInt()));
        }
        return BuildRequest.of(experiment.context(), plan.applied.project().dockerfile().toBytes(),
                        experiment.tag(plan.spec.name()), labels)
                .withExtraFiles(files)
                .withBuildArgs(experiment.project().buildArgs())
                .withNoCache(experiment.settings().noCache())
                .withPull(experiment.settings().pull())
                .withBuilder(builder);
    }

    /**
     * The file as an edit leaves it: a trailing newline, then the 32 bits of {@code edit} written
     * as spaces and newlines, so each rebuild's file is its own (no rebuild finds another's layers
     * in the cache, in this run or a later one) while requirement lists, sources, JSON and YAML
     * mean what they meant: only blank lines were added.
     */
    static byte[] changed(byte[] file, int edit) {
        byte[] edited = java.util.Arrays.copyOf(file, file.length + 34);
        edited[file.length] = '\n';
        for (int bit = 0; bit < 32; bit++) {
            edited[file.length + 1 + bit] = (byte) ((edit >>> bit & 1) == 1 ? ' ' : '\n');
        }
        edited[edited.length - 1] = '\n';
        return edited;
    }

    private static BuildListener listener(VariantSpec spec, ProgressEvent.Listener progress, BuildLog log) {
        return new BuildListener() {
            @Override
            public void onLine(String line) {
                log.onLine(line);
                progress.on(new ProgressEvent(spec.name(), ProgressEvent.Phase.LOG, 0, 0, line));
            }

            @Override
            public void onStep(int step, int steps, String instruction) {
                progress.on(new ProgressEvent(spec.name(), ProgressEvent.Phase.BUILDING, step, steps, instruction));
            }
        };
    }

    private VariantResult measure(Experiment experiment, Planned plan, BuildOutcome first, List<Double> seconds,
                                  BuildLog log) throws EngineException {
        String image = first.imageId().orElseThrow();
        ImageDetails details = engine.inspect(image);
        List<LayerHistory> history = new ArrayList<>(engine.history(image));
        java.util.Collections.reverse(history); // the daemon lists the newest first
        List<LayerResult> layers = history.stream()
                .filter(h -> !h.emptyLayer())
                .map(h -> new LayerResult(h.createdBy(), h.sizeBytes())).toList();
        ImageArchiveAnalysis analysis = engine.analyze(image, experiment.settings().compressionLevel());
        double pullSeconds = analysis.compressedBytes() * 8 / (experiment.settings().bandwidthMbitPerSecond() * 1e6);
        return new VariantResult(plan.spec.name(), plan.changes().optimizations(), VariantResult.Status.BUILT,
                Optional.empty(), Optional.of(details.id()), details.sizeBytes(), analysis.compressedBytes(),
                pullSeconds, layers, seconds, first.steps(), analysis.waste().efficiency(),
                analysis.waste().wastedBytes(), analysis.waste().userWastedPercent(), analysis.waste().topWastedFiles(),
                analysis.packages(), plan.text(), first.logTail(), log.path());
    }
}
