package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.RiskLevel;
import dev.slimlab.analysis.Verdict;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.store.ExperimentFile;
import dev.slimlab.optimize.Preset;
import dev.slimlab.report.ReportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's view models alone: no window, work run on the calling thread. */
class LabViewModelTest {

    static final Path SAMPLE = Path.of("assets/samples/python-web/Dockerfile");

    @TempDir
    Path dir;

    @Test
    void withoutADaemonEverythingButBuildingStillWorks() throws Exception {
        LabViewModel lab = Labs.lab(() -> {
            throw new EngineException("cannot reach the daemon: the Docker daemon is not reachable at"
                    + " unix:///var/run/docker.sock. Start dockerd, or point DOCKER_HOST at a running daemon.");
        });
        lab.build().checkDaemon();
        assertThat(lab.build().daemonStatusProperty().get()).startsWith("Docker daemon not reachable: ")
                .contains("Start dockerd");

        lab.openDockerfile(SAMPLE);
        assertThat(lab.dockerfile().getFindings()).isNotEmpty();
        assertThat(lab.variants().diffProperty().get()).contains("-slim");
        lab.variants().applyPreset(Preset.MAXIMUM);
        assertThat(lab.state().selectedVariantProperty().get().optimizations()).contains("multi-stage");

        assertThat(lab.build().buildBlockedProperty().get()).startsWith("No Docker daemon answers: start dockerd");
        lab.build().build();
        assertThat(lab.state().runningProperty().get()).isFalse();
        assertThat(lab.state().messageProperty().get()).startsWith("No Docker daemon answers");
        assertThat(lab.state().getVariants()).allSatisfy(v -> assertThat(v.statusProperty().get()).isEqualTo("not built"));

        Path saved = dir.resolve("story.json");
        ExperimentFile.save(ReportFixtures.story(), saved);
        lab.openExperiment(saved);
        assertThat(lab.results().getRows()).hasSize(6);
        assertThat(lab.state().analysisProperty().get().variant("minimal").orElseThrow().verdict())
                .isEqualTo(Verdict.BEST);
        assertThat(lab.state().getVariants()).extracting(VariantItem::name)
                .contains("original", "minimal", "maximum", "alpine");
        assertThat(lab.windowTitleProperty().get()).isEqualTo("SlimLab: experiment story");

        Path html = dir.resolve("report.html");
        lab.exportReport(dev.slimlab.report.ReportFormat.HTML, html);
        assertThat(Files.readString(html)).contains("SlimLab report: story");
        Path png = dir.resolve("size.png");
        lab.exportChart(dev.slimlab.report.ReportCharts.Kind.SIZE, png);
        assertThat(Files.readAllBytes(png)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void buildSelectedBuildsTheSelectedVariantAndTheOriginalOnly() {
        FakeEngine engine = new FakeEngine();
        LabViewModel lab = Labs.lab(() -> engine);
        lab.openDockerfile(SAMPLE);
        lab.state().selectedVariantProperty().set(lab.state().getVariants().get(2)); // maximum
        lab.build().buildSelected();
        assertThat(engine.built).hasSize(2).allMatch(tag -> tag.endsWith(":original") || tag.endsWith(":maximum"));
        assertThat(lab.state().getVariants().get(1).statusProperty().get()).isEqualTo("not built");
        assertThat(lab.results().getRows()).hasSize(2);
    }

    @Test
    void buildingOneVariantKeepsTheOthersResults() {
        FakeEngine engine = new FakeEngine();
        LabViewModel lab = Labs.lab(() -> engine);
        lab.openDockerfile(SAMPLE);
        lab.build().build();
        assertThat(lab.results().getRows()).hasSize(3);
        lab.state().selectedVariantProperty().set(lab.state().getVariants().get(1)); // minimal
        lab.build().buildSelected();
        assertThat(lab.results().getRows()).extracting(ResultRow::name)
                .containsExactlyInAnyOrder("original", "minimal", "maximum");
        assertThat(lab.state().resultProperty().get().history()).hasSize(2);
    }

    @Test
    void cancellingARebuildKeepsEarlierResultsAndVerdicts() {
        GatedEngine engine = new GatedEngine();
        LabViewModel lab = Labs.lab(() -> engine);
        lab.openDockerfile(SAMPLE);
        lab.build().build();
        Analysis first = lab.state().analysisProperty().get();
        Map<String, Verdict> verdicts = verdicts(first);
        assertThat(verdicts).doesNotContainValue(Verdict.NOT_MEASURED).doesNotContainValue(Verdict.BROKEN);

        VariantItem lean = lab.variants().addVariant("lean").orElseThrow(); // never measured yet
        assertThat(lean.optimizations()).isNotEmpty();
        engine.hold = "minimal";
        engine.onHold = variant -> lab.build().cancel();
        lab.build().build();

        Analysis after = lab.state().analysisProperty().get();
        assertThat(lab.state().messageProperty().get()).startsWith("Cancelled: 3 of 4 variants have results");
        assertThat(after.recommendation()).startsWith(first.recommendation());
        assertThat(after.recommended()).isEqualTo(first.recommended());
        Map<String, Verdict> now = verdicts(after);
        verdicts.forEach((name, verdict) -> assertThat(now.get(name)).as(name).isEqualTo(verdict));
        Assessment unmeasured = after.variant("lean").orElseThrow();
        assertThat(unmeasured.verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(unmeasured.risk()).isNotEqualTo(RiskLevel.HIGH);
        assertThat(lab.state().resultProperty().get().variants()).filteredOn(v -> !v.name().equals("lean"))
                .allMatch(VariantResult::built);
        assertThat(lab.state().getVariants()).filteredOn(v -> v.name().equals("minimal")).singleElement()
                .satisfies(v -> assertThat(v.statusProperty().get()).isEqualTo("built"));
        assertThat(lean.statusProperty().get()).isEqualTo("cancelled");
    }

    private static Map<String, Verdict> verdicts(Analysis analysis) {
        return analysis.variants().stream().collect(Collectors.toMap(Assessment::name, Assessment::verdict));
    }

    @Test
    void leavingUnsavedResultsOrARunningBuildAsksFirst() throws Exception {
        Labs.ScriptedDialogs dialogs = new Labs.ScriptedDialogs();
        GatedEngine engine = new GatedEngine();
        LabViewModel lab = Labs.lab(() -> engine, dialogs);
        lab.openDockerfile(SAMPLE);
        assertThat(dialogs.asked).isEmpty();
        lab.build().build();
        dialogs.answer = false;
        lab.openDockerfile(SAMPLE);
        assertThat(dialogs.asked).singleElement().asString().startsWith("Unsaved results: ");
        assertThat(lab.state().analysisProperty().get()).as("kept: the user said no").isNotNull();

        lab.saveExperiment(dir.resolve("kept.json"));
        assertThat(lab.state().unsavedProperty().get()).isFalse();
        lab.openDockerfile(SAMPLE);
        assertThat(dialogs.asked).hasSize(1);

        dialogs.answer = true;
        engine.hold = "minimal";
        engine.onHold = variant -> assertThat(lab.mayLeave("close SlimLab")).isTrue();
        lab.build().build();
        assertThat(dialogs.asked).last().asString().startsWith("A build is running: Cancel the build and close SlimLab?");
        assertThat(lab.state().runningProperty().get()).isFalse();
    }

    @Test
    void aStagingSuiteThatCannotBeReadIsSaidWhenTheBuildEnds() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("Dockerfile"), "FROM python:3.10\nRUN pip install flask\n");
        Files.writeString(project.resolve("structure-tests.yaml"), "schemaVersion: 2.0.0\ncommandTests: 7\n");
        LabViewModel lab = Labs.lab(FakeEngine::new);
        lab.openDockerfile(project.resolve("Dockerfile"));
        lab.build().build();
        assertThat(lab.state().messageProperty().get()).startsWith("Done: ")
                .contains(" Note: the staging suite is not used: ").contains("commandTests");
    }

    @Test
    void aMountTheClassicBuilderRefusesIsSaidBeforeAnythingBuildsAndBuildKitBuildsIt() throws Exception {
        Path project = Files.createDirectories(dir.resolve("mounts"));
        Files.writeString(project.resolve("Dockerfile"),
                "FROM python:3.10\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n");
        FakeEngine engine = new FakeEngine();
        LabViewModel lab = Labs.lab(() -> engine);
        lab.openDockerfile(project.resolve("Dockerfile"));
        lab.build().builderProperty().set(dev.slimlab.engine.api.Builder.CLASSIC);
        lab.build().build();
        assertThat(lab.state().messageProperty().get())
                .startsWith("Nothing was built: the classic builder")
                .contains("line 2: RUN --mount=type=cache needs BuildKit");
        assertThat(engine.built).isEmpty();
        assertThat(lab.state().getVariants()).allSatisfy(v -> assertThat(v.statusProperty().get()).isEqualTo("not built"));

        lab.build().builderProperty().set(dev.slimlab.engine.api.Builder.AUTO);
        lab.build().repetitionsProperty().set(2);
        Files.writeString(project.resolve("requirements.txt"), "flask\n");
        lab.build().changedFileProperty().set("requirements.txt");
        lab.build().build();
        assertThat(lab.state().messageProperty().get()).startsWith("Done: ");
        assertThat(engine.builders).containsOnly(dev.slimlab.engine.api.Builder.BUILDKIT);
        assertThat(engine.requests).anySatisfy(r -> assertThat(r.extraFiles()).containsKey("requirements.txt"));
    }

    @Test
    void buildLogsShowWithoutTerminalColourCodes() {
        assertThat(VariantItem.shown("\u001B[1;32m#5 DONE\u001B[0m 0.3s")).isEqualTo("#5 DONE 0.3s");
        assertThat(VariantItem.shown("plain [brackets] stay")).isEqualTo("plain [brackets] stay");
    }

    @Test
    void togglesFollowTheSelectedVariantAndTheOriginalCannotChange() {
        LabViewModel lab = Labs.lab(FakeEngine::new);
        VariantsViewModel variants = lab.variants();
        lab.openDockerfile(SAMPLE);
        VariantItem original = lab.state().getVariants().get(0);
        lab.state().selectedVariantProperty().set(original);
        assertThat(variants.getOptimizations()).noneMatch(OptimizationItem::isSelected);
        variants.getOptimizations().get(0).setSelected(true);
        assertThat(original.optimizations()).isEmpty();
        assertThat(variants.diffProperty().get()).startsWith("(no change");

        lab.state().selectedVariantProperty().set(lab.state().getVariants().get(1));
        assertThat(variants.getOptimizations().stream().filter(OptimizationItem::isSelected).map(OptimizationItem::id))
                .containsExactlyInAnyOrderElementsOf(lab.state().getVariants().get(1).optimizations());
        assertThat(variants.presetProperty().get()).isEqualTo("Minimal");
        variants.getOptimizations().stream().filter(o -> o.id().equals("multi-stage")).findFirst().orElseThrow()
                .setSelected(true);
        assertThat(variants.presetProperty().get()).isEqualTo("Custom");
        variants.applyPreset(Preset.MAXIMUM);
        assertThat(variants.presetProperty().get()).isEqualTo("Maximum");
        assertThat(variants.addVariant("Not A Tag!")).isEmpty();
        assertThat(lab.state().messageProperty().get()).contains("must be lower-case letters");
        assertThat(variants.addVariant("lean")).isPresent();
        assertThat(variants.addVariant("lean")).isEmpty();
        assertThat(lab.state().messageProperty().get())
                .isEqualTo("There is already a variant called lean: choose another name.");
    }

    @Test
    void aMissingFileOrABrokenDockerfileIsSaidInWords() throws Exception {
        LabViewModel lab = Labs.lab(FakeEngine::new);
        lab.openDockerfile(dir.resolve("nope/Dockerfile"));
        assertThat(lab.state().messageProperty().get()).startsWith("Cannot open ").endsWith("Choose a readable Dockerfile.");
        Path broken = Files.writeString(dir.resolve("Dockerfile"), "FROM debian\nENV A\n");
        lab.openDockerfile(broken);
        assertThat(lab.state().parseProblemProperty().get()).contains("ENV");
        assertThat(lab.build().buildBlockedProperty().get()).startsWith("The Dockerfile does not parse: ");
        lab.build().build();
        assertThat(lab.state().messageProperty().get()).startsWith("The Dockerfile does not parse: ");
        assertThat(lab.getRecentFiles()).containsExactly(broken.toAbsolutePath().normalize());

        lab.useContext(dir.resolve("missing"));
        assertThat(lab.state().messageProperty().get())
                .endsWith("is not a folder: choose the folder the build copies files from.");
        Path other = Files.createDirectories(dir.resolve("context"));
        lab.useContext(other);
        assertThat(lab.state().contextProperty().get()).isEqualTo(other.toAbsolutePath());
    }
}
