package dev.slimlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Verdict;
import org.junit.jupiter.api.Test;

/** The fixture the report tests share gives the story's verdicts. */
class ReportFixturesTest {

    @Test
    void theStoryFixtureGivesTheStorysVerdicts() {
        Analysis a = ReportFixtures.storyAnalysis();
        assertThat(a.variants()).extracting(Assessment::name, Assessment::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("original", Verdict.TOO_LARGE),
                org.assertj.core.groups.Tuple.tuple("minimal", Verdict.BEST),
                org.assertj.core.groups.Tuple.tuple("maximum", Verdict.OVER_ENGINEERED),
                org.assertj.core.groups.Tuple.tuple("slim-base", Verdict.TOO_LARGE),
                org.assertj.core.groups.Tuple.tuple("apt-clean-lists", Verdict.TOO_LARGE),
                org.assertj.core.groups.Tuple.tuple("alpine", Verdict.BROKEN));
        assertThat(a.attribution()).isPresent();
        assertThat(a.experiment().runs()).hasSize(3);
    }
}
