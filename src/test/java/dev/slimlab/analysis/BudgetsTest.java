package dev.slimlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BudgetsTest {

    @Test
    void sizesAreReadAsPeopleWriteThem() {
        assertThat(Budgets.parseSize("1.2GB")).isEqualTo(1_200_000_000L);
        assertThat(Budgets.parseSize("500 MB")).isEqualTo(500_000_000L);
        assertThat(Budgets.parseSize("600MiB")).isEqualTo(600L * 1024 * 1024);
        assertThat(Budgets.parseSize("2g")).isEqualTo(2_000_000_000L);
        assertThat(Budgets.parseSize("123456")).isEqualTo(123_456L);
        assertThat(Budgets.parseSize("1.5 kB")).isEqualTo(1500L);
        assertThatThrownBy(() -> Budgets.parseSize("big")).hasMessage(
                "'big' is not a size; write e.g. 1.2GB, 500MB, 600MiB or a number of bytes");
        assertThatThrownBy(() -> Budgets.parseSize("12 furlongs")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void budgetsApplyToTheRecommendedVariantUnlessOneIsNamed() {
        Analysis a = AnalyzerTest.analyze(
                AnalyzerTest.built("original", Set.of(), 1_000_000_000L, 10.0),
                AnalyzerTest.built("minimal", AnalyzerTest.MINIMAL, 400_000_000L, 10.0)
                        .withStaging(new StagingResult(List.of(AnalyzerTest.test("smoke", true)), List.of(
                                new ParityFinding("env", ParityFinding.Severity.HIGH, "X", "1", "", "gone")), List.of())));
        // minimal has a high parity finding, so the original is recommended: name minimal explicitly
        assertThat(a.recommended()).contains("original");
        Budgets budgets = new Budgets(OptionalLong.of(500_000_000L), OptionalLong.of(100_000_000L),
                OptionalDouble.of(0.99), OptionalLong.of(2_000L), true, Optional.of("minimal"));
        assertThat(budgets.check(a)).extracting(Budgets.Check::name, Budgets.Check::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("max size", true),
                org.assertj.core.groups.Tuple.tuple("max pull size", false),
                org.assertj.core.groups.Tuple.tuple("max wasted", true),
                org.assertj.core.groups.Tuple.tuple("min efficiency", false),
                org.assertj.core.groups.Tuple.tuple("no regression", true),
                org.assertj.core.groups.Tuple.tuple("no high parity finding", false));
        assertThat(budgets.check(a).get(1).message())
                .isEqualTo("minimal: pull size 133.3 MB is over the budget of 100.0 MB by 33.3 MB");

        Budgets original = new Budgets(OptionalLong.of(500_000_000L), OptionalLong.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), false, Optional.empty());
        assertThat(original.check(a)).singleElement().satisfies(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.message()).isEqualTo("original: size 1.0 GB is over the budget of 500.0 MB by 500.0 MB");
        });
        Budgets unknown = new Budgets(OptionalLong.of(1), OptionalLong.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), false, Optional.of("nope"));
        assertThat(unknown.check(a)).singleElement().satisfies(c ->
                assertThat(c.message()).isEqualTo("no variant named nope in the experiment"));
        assertThat(Budgets.none().check(a)).isEmpty();
    }

    @Test
    void aRegressedVariantFailsTheRegressionBudget() {
        Analysis a = AnalyzerTest.analyze(
                AnalyzerTest.built("original", Set.of(), 1_000_000_000L, 10.0)
                        .withStaging(new StagingResult(List.of(AnalyzerTest.test("smoke", true)), List.of(), List.of())),
                AnalyzerTest.built("minimal", AnalyzerTest.MINIMAL, 400_000_000L, 10.0)
                        .withStaging(new StagingResult(List.of(new TestOutcome("command", "smoke",
                                TestOutcome.Status.FAILED, 1, "exit code 1, expected 0", "")), List.of(), List.of())));
        Budgets regression = new Budgets(OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), true, Optional.of("minimal"));
        assertThat(regression.check(a).get(0).message())
                .isEqualTo("minimal: staging tests that pass on the original fail: smoke");
        assertThat(regression.check(a).get(0).passed()).isFalse();
    }
}
