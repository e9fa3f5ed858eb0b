package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.store.ExperimentFile;
import dev.slimlab.report.Figures;
import dev.slimlab.report.ReportFixtures;
import dev.slimlab.analysis.PackageChange.Kind;
import dev.slimlab.analysis.PackageChange;
import dev.slimlab.analysis.StepTimeline;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Results tab's view model on the story's experiment: no toolkit, only properties. */
class ResultsViewModelTest {

    private final SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(ReportFixtures.storyAnalysis());
    private final ResultsViewModel results = new ResultsViewModel(analysis);

    @Test
    void selectsTheRecommendedVariantWhenResultsArrive() {
        assertThat(results.getRows()).extracting(ResultRow::name, ResultRow::recommended).containsExactly(
                tuple("original", false), tuple("minimal", true), tuple("maximum", false),
                tuple("slim-base", false), tuple("apt-clean-lists", false), tuple("alpine", false));
        assertThat(results.selectedProperty().get().name()).isEqualTo("minimal");
        assertThat(results.headingProperty().get()).isEqualTo("minimal: best, recommended, Pareto-optimal");
        assertThat(results.getRows().get(1).label()).isEqualTo("★ minimal ◆");

        results.select("maximum");
        analysis.set(ReportFixtures.storyAnalysis());
        assertThat(results.selectedProperty().get().name()).isEqualTo("minimal");
    }

    @Test
    void showsWhereTheSelectedVariantsBuildTimeWentAsRowsOfPlainData() {
        assertThat(results.timelineProperty().get().rows())
                .extracting(StepTimeline.Row::number, StepTimeline.Row::startSeconds, StepTimeline.Row::seconds,
                        StepTimeline.Row::cached, StepTimeline.Row::parallel)
                .hasSize(11)
                .contains(tuple(4, 0.65, 0.0, true, false), tuple(7, 0.8, 24.5, false, true),
                        tuple(8, 0.8, 9.2, false, true), tuple(11, 27.0, 2.1, false, false));
        assertThat(results.timelineProperty().get().rows().get(7).label())
                .isEqualTo("[stage-1 2/4] RUN apt-get update && apt-get\u2026");
        assertThat(results.timelineSummaryProperty().get()).startsWith("Total 29.1 s over 11 steps. Slowest: ")
                .endsWith(" 3 cached. 2 steps ran in parallel.");

        results.select("alpine"); // did not build: no steps recorded
        assertThat(results.timelineProperty().get().rows()).isEmpty();
        assertThat(results.timelineSummaryProperty().get()).isEqualTo("No build steps were recorded.");

        analysis.set(null);
        assertThat(results.timelineProperty().get().rows()).isEmpty();
        assertThat(results.timelineSummaryProperty().get()).isEqualTo(ResultsViewModel.NO_RESULTS);
    }

    @Test
    void followsTheLabsAnalysis(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("story.json");
        ExperimentFile.save(ReportFixtures.story(), file);
        LabViewModel lab = Labs.lab(() -> {
            throw new EngineException("no daemon in this test");
        });
        ResultsViewModel fromLab = lab.results();
        assertThat(fromLab.getRows()).isEmpty();
        assertThat(fromLab.packagesSummaryProperty().get()).isEqualTo(ResultsViewModel.NO_RESULTS);

        lab.openExperiment(file);

        assertThat(fromLab.getRows()).hasSize(6);
        assertThat(fromLab.selectedProperty().get().name()).isEqualTo("minimal");
    }

    @Test
    void sizeSortsByBytesNotByText() {
        assertThat(sorted(ResultColumn.SIZE)).containsExactly(
                "maximum", "minimal", "slim-base", "apt-clean-lists", "original", "alpine");
        // by the text, 600.0 MB would come after 3.1 GB
        assertThat(results.getRows().stream().map(r -> Figures.size(r.assessment())).sorted().toList())
                .startsWith("1.2 GB");
    }

    @Test
    void everyFigureSortsByItsValueAndMissingValuesLast() {
        assertThat(sorted(ResultColumn.CHANGE)).containsExactly(
                "maximum", "minimal", "slim-base", "apt-clean-lists", "original", "alpine");
        assertThat(sorted(ResultColumn.PULL)).containsExactly(
                "maximum", "minimal", "slim-base", "apt-clean-lists", "original", "alpine");
        assertThat(sorted(ResultColumn.BUILD_TIME)).containsExactly(
                "minimal", "slim-base", "original", "apt-clean-lists", "maximum", "alpine");
        assertThat(sorted(ResultColumn.TESTS)).endsWith("apt-clean-lists", "alpine");
        assertThat(sorted(ResultColumn.PARITY)).containsExactly(
                "minimal", "slim-base", "maximum", "original", "apt-clean-lists", "alpine");
        assertThat(sorted(ResultColumn.RISK)).containsExactly(
                "original", "apt-clean-lists", "minimal", "slim-base", "maximum", "alpine");
        assertThat(sorted(ResultColumn.VERDICT)).containsExactly(
                "minimal", "slim-base", "apt-clean-lists", "original", "maximum", "alpine");
    }

    @Test
    void testsSortByTheSharePassedThenTheNumber() {
        List<ResultColumn.TestCount> counts = List.of(new ResultColumn.TestCount(3, 3),
                new ResultColumn.TestCount(1, 2), new ResultColumn.TestCount(2, 2), new ResultColumn.TestCount(9, 10));
        assertThat(counts.stream().sorted().toList()).containsExactly(new ResultColumn.TestCount(1, 2),
                new ResultColumn.TestCount(9, 10), new ResultColumn.TestCount(2, 2), new ResultColumn.TestCount(3, 3));
    }

    @Test
    void theTableSaysTheShortBuildTimeAndKeepsTheReportsOneWhole() {
        ResultRow minimal = row("minimal");
        assertThat(ResultColumn.BUILD_TIME.text(minimal)).isEqualTo("6 min 2 s (−1 min 58 s)");
        assertThat(ResultColumn.BUILD_TIME.fullText(minimal)).isEqualTo(Figures.buildTime(minimal.assessment()));
        assertThat(ResultColumn.BUILD_TIME.text(row("slim-base"))).isEqualTo("6 min 40 s");
        assertThat(ResultColumn.BUILD_TIME.text(row("alpine"))).isEqualTo("—");
    }

    @Test
    void packagesDroppedAndAddedAgainstTheOriginal() {
        results.select("maximum");

        assertThat(results.getPackageChanges()).extracting(PackageChange::kind, PackageChange::name,
                PackageChange::originalVersion, PackageChange::bytes).containsExactly(
                tuple(Kind.DROPPED, "gcc-12", "12.2.0", 70_000_000L),
                tuple(Kind.DROPPED, "git", "1:2.39.5", 40_000_000L));
        assertThat(results.packagesSummaryProperty().get())
                .isEqualTo("1 package installed. Against the original: 2 dropped (110.0 MB), 0 added (0 B).");

        results.select("original");
        assertThat(results.getPackageChanges()).isEmpty();
        assertThat(results.packagesSummaryProperty().get()).startsWith("This is the original");
    }

    @Test
    void packageChangesAreDroppedThenAddedThenOtherVersionsBiggestFirst() {
        List<InstalledPackage> original = List.of(pkg("dpkg", "git", "2.39", 40), pkg("dpkg", "gcc-12", "12.2", 70),
                pkg("dpkg", "python3", "3.11", 20), pkg("pip", "requests", "2.31", 1), pkg("dpkg", "curl", "7.88", 5));
        List<InstalledPackage> variant = List.of(pkg("dpkg", "python3", "3.12", 22), pkg("pip", "requests", "2.31", 1),
                pkg("apk", "musl", "1.2", 1), pkg("dpkg", "curl", "7.88", 5), pkg("pip", "git", "1.0", 3));

        assertThat(PackageChange.between(original, variant)).extracting(PackageChange::kind,
                PackageChange::manager, PackageChange::name, PackageChange::originalVersion,
                PackageChange::variantVersion, PackageChange::bytes).containsExactly(
                tuple(Kind.DROPPED, "dpkg", "gcc-12", "12.2", "", 70L),
                tuple(Kind.DROPPED, "dpkg", "git", "2.39", "", 40L),
                tuple(Kind.ADDED, "pip", "git", "", "1.0", 3L),
                tuple(Kind.ADDED, "apk", "musl", "", "1.2", 1L),
                tuple(Kind.VERSION_CHANGED, "dpkg", "python3", "3.11", "3.12", 22L));
    }

    @Test
    void parityFindingsHighFirst() {
        results.select("maximum");

        assertThat(results.getParity()).extracting(ParityFinding::severity, ParityFinding::subject).containsExactly(
                tuple(ParityFinding.Severity.HIGH, "PYTHONUBUFFERED"), tuple(ParityFinding.Severity.HIGH, "libpq.so.5"),
                tuple(ParityFinding.Severity.LOW, "PYTHONUNBUFFERED"));
        assertThat(results.paritySummaryProperty().get()).startsWith("3 differences from the original: 2 high, 1 low.");
    }

    @Test
    void layersWithTheirInstructionsSizesAndWaste() {
        assertThat(results.getLayers()).extracting(ResultsViewModel.LayerRow::number,
                ResultsViewModel.LayerRow::sizeBytes, ResultsViewModel.LayerRow::sharePercent).containsExactly(
                tuple(1, 360_000_000L, 30.0), tuple(2, 600_000_000L, 50.0), tuple(3, 240_000_000L, 20.0));
        assertThat(results.getLayers().get(0).instruction()).isEqualTo("ADD file:base in /");
        assertThat(results.getLayers().get(2).instruction()).isEqualTo("RUN pip install -r requirements.txt");
        assertThat(results.layersSummaryProperty().get()).contains("efficiency 98.0%").contains("8.0 MB wasted");
        assertThat(results.getWastedFiles()).hasSize(2);
    }

    @Test
    void instructionsReadLikeTheDockerfile() {
        assertThat(ResultsViewModel.instruction("/bin/sh -c #(nop)  CMD [\"python\" \"app.py\"]"))
                .isEqualTo("CMD [\"python\" \"app.py\"]");
        assertThat(ResultsViewModel.instruction("/bin/sh -c apt-get update")).isEqualTo("RUN apt-get update");
        assertThat(ResultsViewModel.instruction("|1 VERSION=3 /bin/sh -c make")).isEqualTo("RUN make");
        assertThat(ResultsViewModel.instruction("RUN /bin/sh -c pip install . # buildkit"))
                .isEqualTo("RUN pip install .");
        assertThat(ResultsViewModel.instruction("COPY app.py . # buildkit")).isEqualTo("COPY app.py .");
        assertThat(ResultsViewModel.instruction("")).isEmpty();
    }

    @Test
    void eachDetailSaysWhyThereIsNothing() {
        results.select("alpine");
        assertThat(results.getLayers()).isEmpty();
        assertThat(results.layersSummaryProperty().get())
                .startsWith("The variant did not build: the base image python:3.10-alpine is not on this machine");
        assertThat(results.testsSummaryProperty().get())
                .startsWith("No staging tests were run: the variant did not build");
        assertThat(results.paritySummaryProperty().get())
                .startsWith("Parity was not checked: the variant did not build");
        assertThat(results.packagesSummaryProperty().get()).startsWith("The variant did not build");

        results.select("apt-clean-lists");
        assertThat(results.getTests()).isEmpty();
        assertThat(results.testsSummaryProperty().get()).isEqualTo("No staging tests were run for this variant.");
        assertThat(results.paritySummaryProperty().get())
                .isEqualTo("Parity with the original was not checked for this variant.");

        results.select("original");
        assertThat(results.paritySummaryProperty().get()).startsWith("This is the original");

        analysis.set(null);
        assertThat(results.getRows()).isEmpty();
        assertThat(results.selectedProperty().get()).isNull();
        assertThat(results.testsSummaryProperty().get()).isEqualTo(ResultsViewModel.NO_RESULTS);
    }

    @Test
    void aSelectedTestShowsItsMessageAndOutput() {
        results.select("maximum");
        assertThat(results.testsSummaryProperty().get()).startsWith("2 of 2 staging tests passed");
        TestOutcome first = results.getTests().get(0);

        results.selectedTestProperty().set(first);

        assertThat(results.testDetailProperty().get()).startsWith("app imports (command): passed in 1.3 s")
                .endsWith("ok\n");
        results.select("minimal");
        assertThat(results.testDetailProperty().get()).isEmpty();
    }

    private List<String> sorted(ResultColumn column) {
        return results.getRows().stream().sorted(column.order()).map(ResultRow::name).toList();
    }

    private ResultRow row(String name) {
        return results.getRows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static InstalledPackage pkg(String manager, String name, String version, long bytes) {
        return new InstalledPackage(manager, name, version, bytes);
    }
}
