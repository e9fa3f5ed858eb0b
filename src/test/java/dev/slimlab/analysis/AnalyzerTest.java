package dev.slimlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.experiment.LayerResult;
import dev.slimlab.experiment.ParityFinding.Severity;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.optimize.Catalog;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    static final Set<String> MINIMAL = Set.of("slim-base", "apt-no-install-recommends", "apt-clean-lists",
            "pip-no-cache-dir");
    static final Set<String> MAXIMUM = Set.of("multi-stage", "slim-base", "apt-no-install-recommends",
            "apt-clean-lists", "pip-no-cache-dir", "env-typo", "playwright-chromium-only");

    static VariantResult built(String name, Set<String> optimizations, long size, Double... seconds) {
        return new VariantResult(name, optimizations, VariantResult.Status.BUILT, Optional.empty(),
                Optional.of("sha256:" + name), size, size / 3, size / 3 * 8 / 100e6,
                List.of(new LayerResult("FROM", size / 2), new LayerResult("RUN", size - size / 2)),
                Arrays.asList(seconds), List.of(), 0.95, 1000, 1.0, List.of(), List.of(), "FROM x\n", List.of(), "");
    }

    static VariantResult failed(String name, Set<String> optimizations) {
        return VariantResult.notBuilt(new VariantSpec(name, optimizations), VariantResult.Status.FAILED,
                "The command '/bin/sh -c pip install' returned a non-zero code: 1\nmore", "FROM x\n", List.of(3.0),
                List.of(), List.of(), "");
    }

    static StagingResult staging(List<TestOutcome> tests, ParityFinding... findings) {
        return new StagingResult(tests, List.of(findings), List.of());
    }

    static TestOutcome test(String name, boolean passed) {
        return new TestOutcome("command", name, passed ? TestOutcome.Status.PASSED : TestOutcome.Status.FAILED, 1,
                passed ? "" : "exit code 1, expected 0", "");
    }

    static ParityFinding finding(Severity severity, String subject) {
        return new ParityFinding("env", severity, subject, "1", "", "ENV " + subject + " is gone");
    }

    static Analysis analyze(VariantResult... variants) {
        ExperimentResult result = new ExperimentResult("exp", "FROM x\n", "/ctx", ExperimentSettings.defaults(),
                new EngineInfo("unix://", "28", "1.50", "linux/amd64", Builder.BUILDKIT), "2026-11-28T10:00:00Z", List.of(variants));
        return new Analyzer(Catalog.standard()).analyze(result);
    }

    @Test
    void theStorysTable() {
        List<TestOutcome> passing = List.of(test("smoke", true), test("health", true));
        Analysis a = analyze(
                built("original", Set.of(), 3_100_000_000L, 480.0, 470.0, 490.0).withStaging(staging(passing)),
                built("minimal", MINIMAL, 1_200_000_000L, 360.0, 350.0, 370.0).withStaging(staging(passing)),
                built("maximum", MAXIMUM, 600_000_000L, 600.0, 590.0, 610.0).withStaging(staging(passing,
                        finding(Severity.HIGH, "PYTHONUBUFFERED"))));
        assertThat(a.variants()).extracting(Assessment::name, Assessment::verdict, Assessment::risk)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("original", Verdict.TOO_LARGE, RiskLevel.NONE),
                        org.assertj.core.groups.Tuple.tuple("minimal", Verdict.BEST, RiskLevel.LOW),
                        org.assertj.core.groups.Tuple.tuple("maximum", Verdict.OVER_ENGINEERED, RiskLevel.HIGH));
        assertThat(a.recommended()).contains("minimal");
        assertThat(a.recommendation()).isEqualTo("Ship minimal: saves 1.9 GB (61.3%) at low risk; the riskier maximum"
                + " saves only 600.0 MB more at high risk");
        assertThat(a.variant("original").orElseThrow().reason()).isEqualTo("1.9 GB (61.3%) larger than minimal");
        assertThat(a.variant("maximum").orElseThrow().reason())
                .isEqualTo("saves 600.0 MB more than minimal at high risk instead of low");
        Assessment maximum = a.variant("maximum").orElseThrow();
        assertThat(maximum.intrinsicRisk()).isEqualTo(RiskLevel.HIGH);
        assertThat(maximum.riskReasons()).anyMatch(r -> r.startsWith("multi-stage is"))
                .anyMatch(r -> r.equals("1 high parity finding, e.g. env PYTHONUBUFFERED"));
        Assessment minimal = a.variant("minimal").orElseThrow();
        assertThat(minimal.sizeSavedBytes()).isEqualTo(1_900_000_000L);
        assertThat(minimal.pullSavedBytes()).isEqualTo(3_100_000_000L / 3 - 1_200_000_000L / 3);
        assertThat(minimal.pullSecondsSaved()).isCloseTo(minimal.pullSavedBytes() * 8 / 100e6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(minimal.buildTime()).isEqualTo(new BuildTime(360, 350, 370, 3));
        assertThat(minimal.buildSecondsChange()).isEqualTo(-120);
        assertThat(minimal.buildChangeInNoise()).isFalse();
        assertThat(a.variants()).extracting(Assessment::paretoOptimal).containsExactly(true, true, true);
    }

    @Test
    void aVariantThatDidNotBuildIsBrokenAndOneWhoseTestsFailIsRegressed() {
        Analysis a = analyze(
                built("original", Set.of(), 1_000_000_000L, 10.0).withStaging(staging(List.of(test("smoke", true),
                        test("flaky", false)))),
                built("minimal", MINIMAL, 500_000_000L, 10.0).withStaging(staging(List.of(test("smoke", false),
                        test("flaky", false)))),
                failed("maximum", MAXIMUM),
                built("apt-clean-lists", Set.of("apt-clean-lists"), 950_000_000L, 10.0));
        assertThat(a.variant("minimal").orElseThrow().verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(a.variant("minimal").orElseThrow().regressions()).containsExactly("smoke");
        assertThat(a.variant("minimal").orElseThrow().reason())
                .isEqualTo("1 staging test that pass on the original fail here: smoke");
        assertThat(a.variant("maximum").orElseThrow().verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(a.variant("maximum").orElseThrow().reason())
                .isEqualTo("did not build: The command '/bin/sh -c pip install' returned a non-zero code: 1");
        // 5% is not worth a change: the original stays best
        assertThat(a.recommended()).contains("original");
        assertThat(a.variant("apt-clean-lists").orElseThrow().verdict()).as("some risk for a marginal saving")
                .isEqualTo(Verdict.OVER_ENGINEERED);
        assertThat(a.variant("apt-clean-lists").orElseThrow().reason())
                .isEqualTo("saves 50.0 MB more than original at low risk instead of none");
        assertThat(a.recommendation()).startsWith("Keep the original: no variant saves 10% or more");
        assertThat(a.variant("minimal").orElseThrow().paretoOptimal()).isFalse();
    }

    @Test
    void aRiskierLevelIsChosenOnlyForTwiceTheSavingAndNeverWithHighFindings() {
        // LOW saves 20%, MEDIUM (multi-stage alone is medium or more) saves 60%: three times as much
        Analysis a = analyze(built("original", Set.of(), 1_000_000_000L, 10.0),
                built("clean", Set.of("apt-clean-lists"), 800_000_000L, 10.0),
                built("staged", Set.of("multi-stage"), 400_000_000L, 10.0));
        assertThat(a.variant("staged").orElseThrow().risk()).isGreaterThan(RiskLevel.LOW);
        assertThat(a.recommended()).contains("staged");
        assertThat(a.variant("clean").orElseThrow().verdict()).isEqualTo(Verdict.TOO_LARGE);

        Analysis withFinding = analyze(built("original", Set.of(), 1_000_000_000L, 10.0),
                built("clean", Set.of("apt-clean-lists"), 800_000_000L, 10.0),
                built("staged", Set.of("multi-stage"), 400_000_000L, 10.0)
                        .withStaging(staging(List.of(), finding(Severity.HIGH, "LIB"))));
        assertThat(withFinding.recommended()).contains("clean");
        assertThat(withFinding.variant("staged").orElseThrow().verdict()).isEqualTo(Verdict.OVER_ENGINEERED);

        Analysis notEnough = analyze(built("original", Set.of(), 1_000_000_000L, 10.0),
                built("clean", Set.of("apt-clean-lists"), 800_000_000L, 10.0),
                built("staged", Set.of("multi-stage"), 700_000_000L, 10.0));
        assertThat(notEnough.recommended()).contains("clean");
    }

    @Test
    void buildTimeChangesInsideTheSpreadAreNoise() {
        Analysis a = analyze(built("original", Set.of(), 1_000_000_000L, 10.0, 12.0, 11.0),
                built("overlap", Set.of("apt-clean-lists"), 500_000_000L, 11.5, 13.0, 12.5),
                built("faster", Set.of("pip-no-cache-dir"), 600_000_000L, 5.0, 6.0, 5.5),
                built("once", Set.of("slim-base"), 700_000_000L, 3.0));
        assertThat(a.variant("overlap").orElseThrow().buildChangeInNoise()).isTrue();
        assertThat(a.variant("overlap").orElseThrow().buildSecondsChange()).isEqualTo(1.5);
        assertThat(a.variant("faster").orElseThrow().buildChangeInNoise()).isFalse();
        assertThat(a.variant("once").orElseThrow().buildChangeInNoise()).as("one build cannot tell").isTrue();
    }

    @Test
    void attributionLeadsFromTheOriginalToMaximumThroughEachOptimizationAlone() {
        Analysis a = analyze(built("original", Set.of(), 1_000_000_000L, 10.0),
                built("slim-base", Set.of("slim-base"), 600_000_000L, 10.0),
                built("apt-clean-lists", Set.of("apt-clean-lists"), 950_000_000L, 10.0),
                built("maximum", Set.of("slim-base", "apt-clean-lists", "pip-no-cache-dir"), 520_000_000L, 10.0));
        Attribution attribution = a.attribution().orElseThrow();
        assertThat(attribution.target()).isEqualTo("maximum");
        assertThat(attribution.steps()).containsExactly(new Attribution.Step("slim-base", 400_000_000L),
                new Attribution.Step("apt-clean-lists", 50_000_000L));
        assertThat(attribution.unmeasured()).containsExactly("pip-no-cache-dir");
        assertThat(attribution.interactionBytes()).isEqualTo(480_000_000L - 450_000_000L);
        assertThat(attribution.originalBytes() - attribution.steps().stream().mapToLong(Attribution.Step::savedBytes).sum()
                - attribution.interactionBytes()).isEqualTo(attribution.targetBytes());
    }

    @Test
    void withoutABuiltOriginalSavingsAreMeasuredAgainstTheLargestBuiltVariant() {
        Analysis a = analyze(failed("original", Set.of()), built("minimal", MINIMAL, 400_000_000L, 1.0),
                built("clean", Set.of("apt-clean-lists"), 900_000_000L, 1.0));
        assertThat(a.variant("original").orElseThrow().verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(a.recommended()).contains("minimal");
        assertThat(a.recommendation()).endsWith("(the original did not build, so savings are measured against clean)");
        assertThat(a.attribution()).isEmpty();
    }

    @Test
    void aVariantWithAHighParityFindingIsNeverRecommended() {
        Analysis a = analyze(built("original", Set.of(), 724_000_000L, 3.0),
                failed("minimal", MINIMAL),
                built("aggressive", Set.of("multi-stage", "slim-base"), 148_700_000L, 1.0)
                        .withStaging(staging(List.of(), new ParityFinding("library", Severity.HIGH, "libpq.so.5",
                                "/usr/lib/libpq.so.5", "not found", "gone"))));
        assertThat(a.recommended()).contains("original");
        assertThat(a.recommendation()).isEqualTo("Keep the original: no variant saves 10% or more of the size without"
                + " evidence of breakage; aggressive has high parity findings (likely breakage)");
        assertThat(a.variant("aggressive").orElseThrow().verdict()).isEqualTo(Verdict.OVER_ENGINEERED);
        assertThat(a.variant("aggressive").orElseThrow().reason())
                .isEqualTo("saves 575.3 MB more than original at high risk instead of none");
    }

    @Test
    void aCancelledVariantIsNotMeasuredAndChangesNoRecommendation() {
        VariantResult cancelled = VariantResult.notBuilt(new VariantSpec("maximum", MAXIMUM),
                VariantResult.Status.CANCELLED, "cancelled", "FROM x\n", List.of(), List.of(), List.of(), "");
        Analysis without = analyze(built("original", Set.of(), 1000_000_000L), built("minimal", MINIMAL, 500_000_000L));
        Analysis with = analyze(built("original", Set.of(), 1000_000_000L), built("minimal", MINIMAL, 500_000_000L),
                cancelled);

        Assessment maximum = with.variant("maximum").orElseThrow();
        assertThat(maximum.verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(maximum.reason()).isEqualTo("the run was cancelled; build it again to compare it");
        assertThat(maximum.risk()).as("its optimizations' own risk, not the broken variant's high")
                .isEqualTo(maximum.intrinsicRisk());
        assertThat(maximum.paretoOptimal()).isFalse();
        assertThat(with.recommended()).isEqualTo(without.recommended());
        assertThat(with.recommendation()).isEqualTo(without.recommendation()
                + " (1 variant was not measured: the run was cancelled)");

        VariantResult original = VariantResult.notBuilt(new VariantSpec("original", Set.of()),
                VariantResult.Status.CANCELLED, "cancelled", "FROM x\n", List.of(), List.of(), List.of(), "");
        assertThat(analyze(original, cancelled).recommendation()).startsWith("Nothing measured yet: ");
    }
}
