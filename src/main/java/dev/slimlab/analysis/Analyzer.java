package dev.slimlab.analysis;

import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.ParityFinding.Severity;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.Optimization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges an experiment: the risk and reward of each variant, a verdict with its reason, the
 * recommendation, the Pareto front and the attribution of savings.
 *
 * <p><b>Risk.</b> A variant's intrinsic risk is that of its riskiest optimization (a chain is as
 * risky as its riskiest link); the original's is NONE. Evidence raises it: a MEDIUM parity
 * finding to at least MEDIUM, a HIGH parity finding or a regressed test to HIGH.
 *
 * <p><b>Verdicts.</b> In this order:
 * <ol>
 *   <li><i>not measured</i>: the run was cancelled before it finished; it takes no part in the
 *       comparison, so a cancelled run never changes the recommendation;
 *   <li><i>broken</i>: it did not build (failed or timed out);
 *   <li><i>regressed</i>: a staging test that passes on the original does not pass on it;
 *   <li><i>best</i>: among the rest (the original included) that have no HIGH parity finding
 *       (evidence of likely breakage), take the lowest risk level at which some variant saves at
 *       least {@value #MEANINGFUL_SAVING_PERCENT}% of the original's size, moving up a level only
 *       while the next level's best saves at least {@value #ESCALATION_FACTOR} times as much; the
 *       variant saving the most at or below that level is best (ties: lower risk, fewer layers).
 *       When no such variant saves {@value #MEANINGFUL_SAVING_PERCENT}%, the original is best;
 *   <li><i>over-engineered</i>: it saves more than the best, at a higher risk;
 *   <li><i>too large</i>: everything else: it is larger than the best (or no smaller), at no
 *       less risk or for less saving.
 * </ol>
 */
public final class Analyzer {

    /** A saving below this share of the original is not worth a change. */
    public static final double MEANINGFUL_SAVING_PERCENT = 10;
    /** How much more a riskier level must save to be preferred. */
    public static final double ESCALATION_FACTOR = 2.0;

    private final Catalog catalog;

    public Analyzer(Catalog catalog) {
        this.catalog = catalog;
    }

    public Analysis analyze(ExperimentResult experiment) {
        List<VariantResult> variants = experiment.variants();
        Optional<VariantResult> original = experiment.original();
        Optional<VariantResult> baseline = experiment.baseline();
        double bandwidth = experiment.settings() == null ? 100 : experiment.settings().bandwidthMbitPerSecond();
        boolean rebuilds = experiment.changedFile().isPresent();

        List<Draft> drafts = new ArrayList<>();
        for (VariantResult v : variants) {
            drafts.add(draft(v, original, baseline, bandwidth, rebuilds));
        }
        List<Draft> candidates = drafts.stream().filter(d -> d.verdict == null).toList();
        Draft best = pickBest(candidates, original);
        List<Assessment> assessments = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.verdict == null) {
                judge(d, best);
            }
            boolean pareto = d.verdict != Verdict.BROKEN && d.verdict != Verdict.REGRESSED
                    && d.verdict != Verdict.NOT_MEASURED
                    && candidates.stream().noneMatch(o -> o != d && dominates(o, d));
            assessments.add(d.assessment(pareto));
        }
        String recommendation;
        long unmeasured = variants.stream().filter(v -> v.status() == VariantResult.Status.CANCELLED).count();
        if (best == null && unmeasured == variants.size()) {
            recommendation = "Nothing measured yet: the run was cancelled before any variant finished. Build again"
                    + " to compare them.";
        } else if (best == null) {
            recommendation = "Nothing to recommend: no variant built, passed its tests and is free of high parity"
                    + " findings.";
        } else if (best.v.optimizations().isEmpty()) {
            recommendation = "Keep the original: " + best.reason;
        } else {
            recommendation = "Ship " + best.v.name() + ": " + best.reason;
        }
        if (unmeasured > 0 && unmeasured < variants.size()) {
            recommendation += " (" + unmeasured + " variant" + (unmeasured == 1 ? " was" : "s were")
                    + " not measured: the run was cancelled)";
        }
        if (original.isPresent() && !original.get().built() && best != null) {
            recommendation += " (the original did not build, so savings are measured against "
                    + baseline.map(VariantResult::name).orElse("nothing") + ")";
        }
        return new Analysis(experiment, assessments, Optional.ofNullable(best).map(b -> b.v.name()), recommendation,
                attribution(variants, original));
    }

    /** A variant's figures while its verdict is being decided. */
    private final class Draft {
        final VariantResult v;
        RiskLevel intrinsic = RiskLevel.NONE;
        RiskLevel risk;
        final List<String> riskReasons = new ArrayList<>();
        long saved;
        double savedPercent;
        long pullSaved;
        double pullSavedPercent;
        double pullSecondsSaved;
        BuildTime buildTime;
        double buildChange;
        boolean buildInNoise;
        List<String> regressions = List.of();
        long high;
        long medium;
        long low;
        int testsPassed;
        int testsRun;
        Verdict verdict;
        String reason;

        Draft(VariantResult v) {
            this.v = v;
        }

        Assessment assessment(boolean pareto) {
            return new Assessment(v.name(), v.optimizations(), v.built(), intrinsic, risk, riskReasons, v.sizeBytes(),
                    saved, savedPercent, v.compressedBytes(), pullSaved, pullSavedPercent, pullSecondsSaved, buildTime,
                    buildChange, buildInNoise, v.layers().size(), v.efficiency(), v.wastedBytes(), v.staging().isPresent(),
                    testsPassed,
                    testsRun, regressions, high, medium, low, verdict, reason, pareto);
        }
    }

    private Draft draft(VariantResult v, Optional<VariantResult> original, Optional<VariantResult> baseline,
                        double bandwidthMbit, boolean rebuilds) {
        Draft d = new Draft(v);
        for (String id : catalog.canonicalOrder(v.optimizations())) {
            Optional<Optimization> o = catalog.byId(id);
            RiskLevel level = o.map(opt -> RiskLevel.of(opt.risk())).orElse(RiskLevel.MEDIUM);
            if (level.compareTo(d.intrinsic) > 0) {
                d.intrinsic = level;
            }
            if (o.isEmpty()) {
                d.riskReasons.add(id + ": not an optimization this SlimLab knows; counted as medium");
            } else if (level.compareTo(RiskLevel.LOW) > 0) {
                d.riskReasons.add(id + " is " + level.label() + " risk: " + o.get().riskRationale());
            }
        }
        d.risk = d.intrinsic;
        d.buildTime = BuildTime.of(v.buildSeconds(), rebuilds);
        StagingResult staging = v.staging().orElse(new StagingResult(List.of(), List.of(), List.of()));
        d.high = staging.findings(Severity.HIGH);
        d.medium = staging.findings(Severity.MEDIUM);
        d.low = staging.findings(Severity.LOW);
        d.testsRun = staging.tests().size();
        d.testsPassed = (int) staging.testsPassed();
        if (d.medium > 0) {
            d.risk = d.risk.max(RiskLevel.MEDIUM);
            d.riskReasons.add(d.medium + " medium parity finding" + (d.medium == 1 ? "" : "s") + ", e.g. "
                    + example(staging, Severity.MEDIUM));
        }
        if (d.high > 0) {
            d.risk = RiskLevel.HIGH;
            d.riskReasons.add(d.high + " high parity finding" + (d.high == 1 ? "" : "s") + ", e.g. "
                    + example(staging, Severity.HIGH));
        }
        if (baseline.isPresent() && v.built()) {
            VariantResult base = baseline.get();
            d.saved = base.sizeBytes() - v.sizeBytes();
            d.savedPercent = percent(d.saved, base.sizeBytes());
            d.pullSaved = base.compressedBytes() - v.compressedBytes();
            d.pullSavedPercent = percent(d.pullSaved, base.compressedBytes());
            d.pullSecondsSaved = d.pullSaved * 8 / (bandwidthMbit * 1e6);
            BuildTime baseTime = BuildTime.of(base.buildSeconds(), rebuilds);
            d.buildChange = d.buildTime.median() - baseTime.median();
            d.buildInNoise = d.buildTime.repetitions() < 2 || baseTime.repetitions() < 2
                    || (d.buildTime.min() <= baseTime.max() && baseTime.min() <= d.buildTime.max());
        }
        if (v.status() == VariantResult.Status.CANCELLED) {
            d.verdict = Verdict.NOT_MEASURED;
            d.reason = "the run was " + v.error().orElse("cancelled") + "; build it again to compare it";
            return d;
        }
        if (!v.built()) {
            d.verdict = Verdict.BROKEN;
            d.risk = RiskLevel.HIGH;
            d.reason = "did not build: " + v.error().orElse("no reason recorded").lines().findFirst().orElse("");
            return d;
        }
        d.regressions = regressions(v, original);
        if (!d.regressions.isEmpty()) {
            d.risk = RiskLevel.HIGH;
            d.riskReasons.add("staging tests regressed: " + String.join(", ", d.regressions));
            d.verdict = Verdict.REGRESSED;
            d.reason = d.regressions.size() + " staging test" + (d.regressions.size() == 1 ? "" : "s")
                    + " that pass on the original fail here: " + String.join(", ", d.regressions);
        }
        return d;
    }

    private static String example(StagingResult staging, Severity severity) {
        ParityFinding f = staging.parity().stream().filter(p -> p.severity() == severity).findFirst().orElseThrow();
        return f.kind() + " " + f.subject();
    }

    /** Tests that did not pass here and passed on the original (or were not run there). */
    private static List<String> regressions(VariantResult v, Optional<VariantResult> original) {
        List<TestOutcome> tests = v.staging().map(StagingResult::tests).orElse(List.of());
        if (v.optimizations().isEmpty()) {
            return List.of(); // the original defines what passing means
        }
        Map<String, Boolean> before = new LinkedHashMap<>();
        original.flatMap(VariantResult::staging).ifPresent(s -> s.tests()
                .forEach(t -> before.put(t.kind() + "\u0000" + t.name(), t.passed())));
        return tests.stream()
                .filter(t -> !t.passed() && before.getOrDefault(t.kind() + "\u0000" + t.name(), true))
                .map(TestOutcome::name).distinct().toList();
    }

    private static Draft pickBest(List<Draft> candidates, Optional<VariantResult> original) {
        // evidence of likely breakage rules a variant out, however much it saves
        List<Draft> eligible = candidates.stream().filter(d -> d.high == 0).toList();
        if (eligible.isEmpty()) {
            return null;
        }
        Comparator<Draft> better = Comparator.comparingLong((Draft d) -> d.saved)
                .thenComparing(d -> d.risk, Comparator.reverseOrder())
                .thenComparing(d -> d.v.layers().size(), Comparator.reverseOrder());
        Draft best = null;
        for (RiskLevel level : RiskLevel.values()) {
            Draft top = eligible.stream().filter(d -> d.risk.compareTo(level) <= 0).max(better).orElse(null);
            if (top == null) {
                continue;
            }
            if (best == null) {
                if (top.savedPercent >= MEANINGFUL_SAVING_PERCENT) {
                    best = top;
                }
            } else if (top != best && top.saved >= ESCALATION_FACTOR * best.saved) {
                best = top;
            }
        }
        List<String> ruledOut = candidates.stream().filter(d -> d.high > 0).map(d -> d.v.name()).toList();
        String breakage = ruledOut.isEmpty() ? "" : "; " + String.join(", ", ruledOut)
                + (ruledOut.size() == 1 ? " has" : " have") + " high parity findings (likely breakage)";
        if (best == null) {
            Draft keep = eligible.stream().filter(d -> d.v.optimizations().isEmpty()).findFirst()
                    .orElse(eligible.stream().max(better).orElseThrow());
            keep.verdict = Verdict.BEST;
            keep.reason = "no variant saves " + (int) MEANINGFUL_SAVING_PERCENT + "% or more of the size"
                    + (ruledOut.isEmpty() ? "" : " without evidence of breakage") + breakage;
            return keep;
        }
        best.verdict = Verdict.BEST;
        Draft chosen = best;
        Optional<Draft> riskier = candidates.stream().filter(d -> d.risk.compareTo(chosen.risk) > 0
                && d.saved > chosen.saved).max(Comparator.comparingLong(d -> d.saved));
        best.reason = "saves " + Formats.size(best.saved) + " (" + Formats.percent(best.savedPercent) + ") at "
                + best.risk.label() + " risk" + riskier.map(r -> "; the riskier " + r.v.name() + " saves only "
                + Formats.size(r.saved - chosen.saved) + " more at " + r.risk.label() + " risk").orElse("")
                + (riskier.isPresent() ? "" : breakage);
        return best;
    }

    private static void judge(Draft d, Draft best) {
        if (d == best) {
            return;
        }
        if (best == null) { // every candidate has evidence of likely breakage
            d.verdict = Verdict.OVER_ENGINEERED;
            d.reason = d.high + " high parity finding" + (d.high == 1 ? "" : "s") + ": likely to break, and no"
                    + " safer variant (nor the original) built to compare with";
            return;
        }
        if (d.risk.compareTo(best.risk) > 0 && d.saved > best.saved) {
            d.verdict = Verdict.OVER_ENGINEERED;
            d.reason = "saves " + Formats.size(d.saved - best.saved) + " more than " + best.v.name() + " at "
                    + d.risk.label() + " risk instead of " + best.risk.label();
        } else {
            d.verdict = Verdict.TOO_LARGE;
            long larger = best.saved - d.saved;
            d.reason = larger > 0
                    ? Formats.size(larger) + " (" + Formats.percent(percent(larger, d.v.sizeBytes())) + ") larger than "
                            + best.v.name()
                    : "no smaller than " + best.v.name() + ", at " + d.risk.label() + " risk instead of "
                            + best.risk.label();
        }
    }

    /** {@code a} saves at least as much at no more risk, and is better in one of the two. */
    private static boolean dominates(Draft a, Draft b) {
        return a.saved >= b.saved && a.risk.compareTo(b.risk) <= 0
                && (a.saved > b.saved || a.risk.compareTo(b.risk) < 0);
    }

    private Optional<Attribution> attribution(List<VariantResult> variants, Optional<VariantResult> original) {
        if (original.isEmpty() || !original.get().built()) {
            return Optional.empty();
        }
        Optional<VariantResult> target = variants.stream().filter(v -> v.built() && v.name().equals("maximum"))
                .findFirst().or(() -> variants.stream().filter(v -> v.built() && v.optimizations().size() > 1)
                        .max(Comparator.comparingInt(v -> v.optimizations().size())));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        long base = original.get().sizeBytes();
        List<Attribution.Step> steps = new ArrayList<>();
        List<String> unmeasured = new ArrayList<>();
        for (String id : catalog.canonicalOrder(target.get().optimizations())) {
            Optional<VariantResult> alone = variants.stream()
                    .filter(v -> v.built() && v.optimizations().equals(Set.of(id))).findFirst();
            if (alone.isPresent()) {
                steps.add(new Attribution.Step(id, base - alone.get().sizeBytes()));
            } else {
                unmeasured.add(id);
            }
        }
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        long total = base - target.get().sizeBytes();
        long sum = steps.stream().mapToLong(Attribution.Step::savedBytes).sum();
        return Optional.of(new Attribution(target.get().name(), base, target.get().sizeBytes(), steps, unmeasured,
                total - sum));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }



    static String joined(Set<String> ids) {
        return ids.stream().sorted().collect(Collectors.joining(", "));
    }
}
