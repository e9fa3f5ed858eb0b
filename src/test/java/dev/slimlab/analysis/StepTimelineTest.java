package dev.slimlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.slimlab.engine.api.BuildStep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepTimelineTest {

    /** Two stages side by side (steps 3 and 4), a cached base, a metadata step that took no time. */
    private static final List<BuildStep> STAGES = List.of(
            new BuildStep(1, "[internal] load build context", 0.0, 0.5, false),
            new BuildStep(2, "[builder 1/2] FROM docker.io/library/python:3.10", 0.5, 0, true),
            new BuildStep(3, "[builder 2/2] RUN pip install -r requirements.txt", 0.5, 20.0, false),
            new BuildStep(4, "[stage-1 2/3] RUN apt-get update", 1.0, 8.0, false),
            new BuildStep(5, "[stage-1 3/3] COPY --from=builder /install /usr/local", 20.5, 1.5, false),
            new BuildStep(6, "ENV A=1", 22.0, 0, false),
            new BuildStep(7, "exporting to image", 22.0, 3.0, false));

    @Test
    void marksTheStepsThatOverlappedAsParallelAndTheCacheHitsAsCached() {
        StepTimeline t = StepTimeline.of(STAGES);

        assertThat(t.rows()).extracting(StepTimeline.Row::number, StepTimeline.Row::cached,
                StepTimeline.Row::parallel).containsExactly(
                tuple(1, false, false), tuple(2, true, false), tuple(3, false, true), tuple(4, false, true),
                tuple(5, false, false), tuple(7, false, false));
        assertThat(t.parallel()).isEqualTo(2);
        assertThat(t.cached()).isEqualTo(1);
        assertThat(t.totalSeconds()).isEqualTo(25.0);
        assertThat(t.rows()).extracting(StepTimeline.Row::time).containsExactly(
                "0.5 s", "cached", "20.0 s, parallel", "8.0 s, parallel", "1.5 s", "3.0 s");
    }

    @Test
    void leavesOutTheStepThatNeitherRanNorHitTheCache() {
        assertThat(StepTimeline.of(STAGES).rows()).extracting(StepTimeline.Row::name).doesNotContain("ENV A=1");
        assertThat(StepTimeline.of(STAGES).hidden()).isZero();
    }

    @Test
    void summarisesTheTotalTheSlowestTheCacheAndTheParallelSteps() {
        assertThat(StepTimeline.of(STAGES).summary()).isEqualTo("Total 25.0 s over 7 steps. Slowest: "
                + "[builder 2/2] RUN pip install -r requiremen\u2026 20.0 s (80.0%), "
                + "[stage-1 2/3] RUN apt-get update 8.0 s (32.0%), exporting to image 3.0 s (12.0%). "
                + "1 cached. 2 steps ran in parallel.");
    }

    @Test
    void stepsOneAfterAnotherDidNotRunInParallel() {
        StepTimeline classic = StepTimeline.of(List.of(new BuildStep(1, "FROM debian", 0, 0, true),
                new BuildStep(2, "RUN apt-get update", 0, 4.0, false), new BuildStep(3, "COPY . .", 4.0, 1.0, false)));

        assertThat(classic.parallel()).isZero();
        assertThat(classic.summary()).isEqualTo("Total 5.0 s over 3 steps. Slowest: RUN apt-get update 4.0 s (80.0%),"
                + " COPY . . 1.0 s (20.0%). 1 cached.");
        assertThat(classic.summary(true)).as("when the build times compared are the rebuilds after it")
                .isEqualTo(classic.summary() + " Steps of the first build.");
        assertThat(StepTimeline.of(List.of()).summary(true)).isEqualTo("No build steps were recorded.");
    }

    @Test
    void hidesTheShortStepsOnlyWhenThereAreTooManyRows() {
        List<BuildStep> many = new ArrayList<>();
        double start = 0;
        for (int i = 1; i <= 30; i++) {
            double seconds = i % 3 == 0 ? 0.01 : 1.0; // 10 short ones
            many.add(new BuildStep(i, "RUN step " + i, start, seconds, false));
            start += seconds;
        }
        many.add(new BuildStep(31, "COPY cached.txt .", start, 0, true));

        StepTimeline t = StepTimeline.of(many);

        assertThat(t.rows()).hasSize(21).allMatch(r -> r.cached() || r.seconds() >= StepTimeline.SHORT_SECONDS);
        assertThat(t.rows().get(20).cached()).isTrue();
        assertThat(t.hidden()).isEqualTo(10);
        assertThat(t.summary()).endsWith(" 1 cached. 10 steps under 0.05 s not drawn.");
        assertThat(StepTimeline.of(many.subList(0, 25)).hidden()).isZero();
    }

    @Test
    void cutsLongNamesWithAnEllipsisAndKeepsTheWholeName() {
        String name = "RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\n  curl git";
        StepTimeline.Row row = StepTimeline.of(List.of(new BuildStep(1, name, 0, 1, false))).rows().get(0);

        assertThat(row.label()).hasSize(StepTimeline.LABEL_LENGTH).endsWith("\u2026")
                .startsWith("RUN apt-get update && apt-get install -y");
        assertThat(row.name()).isEqualTo(name);
    }

    @Test
    void saysSoWhenNoStepsWereRecorded() {
        StepTimeline t = StepTimeline.of(List.of());

        assertThat(t.isEmpty()).isTrue();
        assertThat(t.rows()).isEmpty();
        assertThat(t.summary()).isEqualTo("No build steps were recorded.");
    }
}
