package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.analysis.Verdict;
import dev.slimlab.experiment.EngineException;
import dev.slimlab.experiment.ExperimentFile;
import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.Preset;
import dev.slimlab.report.ReportFixtures;
import dev.slimlab.ui.support.RecentFiles;
import dev.slimlab.ui.support.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's view model alone: no window, work run on the calling thread. */
class LabViewModelTest {

    static final Path SAMPLE = Path.of("assets/samples/python-web/Dockerfile");

    @TempDir
    Path dir;

    private static LabViewModel lab(LabViewModel.EngineFactory engines) {
        return new LabViewModel(Catalog.standard(), engines, TaskExecutor.immediate(), RecentFiles.inMemory());
    }

    @Test
    void withoutADaemonEverythingButBuildingStillWorks() throws Exception {
        LabViewModel lab = lab(() -> {
            throw new EngineException("cannot reach the daemon: the Docker daemon is not reachable at"
                    + " unix:///var/run/docker.sock. Start dockerd, or point DOCKER_HOST at a running daemon.");
        });
        lab.checkDaemon();
        assertThat(lab.daemonStatusProperty().get()).startsWith("Docker daemon not reachable: ")
                .contains("Start dockerd");

        lab.openDockerfile(SAMPLE);
        assertThat(lab.getFindings()).isNotEmpty();
        assertThat(lab.diffProperty().get()).contains("-slim");
        lab.applyPreset(Preset.MAXIMUM);
        assertThat(lab.selectedVariantProperty().get().optimizations()).contains("multi-stage");

        lab.build();
        assertThat(lab.runningProperty().get()).isFalse();
        assertThat(lab.messageProperty().get()).startsWith("The build could not run: cannot reach the daemon");

        Path saved = dir.resolve("story.json");
        ExperimentFile.save(ReportFixtures.story(), saved);
        lab.openExperiment(saved);
        assertThat(lab.getResults()).hasSize(6);
        assertThat(lab.analysisProperty().get().variant("minimal").orElseThrow().verdict()).isEqualTo(Verdict.BEST);
        assertThat(lab.getVariants()).extracting(VariantItem::name).contains("original", "minimal", "maximum", "alpine");
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
        LabViewModel lab = lab(() -> engine);
        lab.openDockerfile(SAMPLE);
        lab.selectedVariantProperty().set(lab.getVariants().get(2)); // maximum
        lab.buildSelected();
        assertThat(engine.built).hasSize(2).allMatch(tag -> tag.endsWith(":original") || tag.endsWith(":maximum"));
        assertThat(lab.getVariants().get(1).statusProperty().get()).isEqualTo("not built");
        assertThat(lab.getResults()).hasSize(2);
    }

    @Test
    void togglesFollowTheSelectedVariantAndTheOriginalCannotChange() {
        LabViewModel lab = lab(FakeEngine::new);
        lab.openDockerfile(SAMPLE);
        VariantItem original = lab.getVariants().get(0);
        lab.selectedVariantProperty().set(original);
        assertThat(lab.getOptimizations()).noneMatch(OptimizationItem::isSelected);
        lab.getOptimizations().get(0).setSelected(true);
        assertThat(original.optimizations()).isEmpty();
        assertThat(lab.diffProperty().get()).startsWith("(no change");

        lab.selectedVariantProperty().set(lab.getVariants().get(1));
        assertThat(lab.getOptimizations().stream().filter(OptimizationItem::isSelected).map(OptimizationItem::id))
                .containsExactlyInAnyOrderElementsOf(lab.getVariants().get(1).optimizations());
        assertThat(lab.presetProperty().get()).isEqualTo("Minimal");
        lab.getOptimizations().stream().filter(o -> o.id().equals("multi-stage")).findFirst().orElseThrow()
                .setSelected(true);
        assertThat(lab.presetProperty().get()).isEqualTo("Custom");
        lab.applyPreset(Preset.MAXIMUM);
        assertThat(lab.presetProperty().get()).isEqualTo("Maximum");
        assertThat(lab.addVariant("Not A Tag!")).isEmpty();
        assertThat(lab.messageProperty().get()).contains("must be lower-case letters");
        assertThat(lab.addVariant("lean")).isPresent();
        assertThat(lab.addVariant("lean")).isEmpty();
        assertThat(lab.messageProperty().get()).isEqualTo("There is already a variant called lean: choose another name.");
    }

    @Test
    void aMissingFileOrABrokenDockerfileIsSaidInWords() throws Exception {
        LabViewModel lab = lab(FakeEngine::new);
        lab.openDockerfile(dir.resolve("nope/Dockerfile"));
        assertThat(lab.messageProperty().get()).startsWith("Cannot open ").endsWith("Choose a readable Dockerfile.");
        Path broken = Files.writeString(dir.resolve("Dockerfile"), "FROM debian\nENV A\n");
        lab.openDockerfile(broken);
        assertThat(lab.parseProblemProperty().get()).contains("ENV");
        lab.build();
        assertThat(lab.messageProperty().get()).startsWith("The Dockerfile does not parse: ");
        assertThat(lab.getRecentFiles()).containsExactly(broken.toAbsolutePath().normalize());

        lab.useContext(dir.resolve("missing"));
        assertThat(lab.messageProperty().get()).endsWith("is not a folder: choose the folder the build copies files from.");
        Path other = Files.createDirectories(dir.resolve("context"));
        lab.useContext(other);
        assertThat(lab.contextProperty().get()).isEqualTo(other.toAbsolutePath());
    }
}
