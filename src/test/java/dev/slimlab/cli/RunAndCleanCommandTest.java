package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.engine.NeedsDaemon;
import dev.slimlab.engine.DockerDaemon;
import dev.slimlab.engine.DockerEngine;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentRunner;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.store.ExperimentFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code slimlab run} and {@code slimlab clean} against the real daemon. */
@NeedsDaemon
class RunAndCleanCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    @BeforeAll
    static void busybox() throws Exception {
        try (DockerEngine engine = new DockerEngine()) {
            DockerDaemon.ensureBusybox(engine);
        }
    }

    @Test
    void runBuildsTheVariantsPrintsATableSavesTheExperimentAndCleanRemovesIt() throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM " + DockerDaemon.BUSYBOX + "\n"
                + "RUN dd if=/dev/zero of=/a bs=1024 count=300\n"
                + "RUN dd if=/dev/zero of=/b bs=1024 count=300\n"
                + "RUN rm /a /b\n");
        Path out = dir.resolve("experiment.json");
        int code = SlimLabCommand.run("run", "--dockerfile", dockerfile.toString(), "--id", "cli-it",
                "--variant", "combined=combine-runs", "--out", out.toString());
        assertThat(code).as(streams.stderr()).isZero();
        assertThat(streams.stdout()).contains("VARIANT", "original", "combined", "built");
        assertThat(streams.stderr()).contains("experiment cli-it", "done", "saved " + out);

        ExperimentResult saved = ExperimentFile.load(out);
        assertThat(saved.variants()).extracting(VariantResult::name).containsExactly("original", "combined");
        VariantResult original = saved.variants().get(0);
        VariantResult combined = saved.variants().get(1);
        assertThat(original.built()).isTrue();
        assertThat(combined.built()).isTrue();
        assertThat(combined.sizeBytes()).as("files deleted in the same RUN never reach a layer")
                .isLessThan(original.sizeBytes() - 500_000);
        // by hand: /a and /b (300 KiB each) appear twice, written then whited out; every other path
        // (busybox's own files) appears once
        long busybox = dev.slimlab.engine.DockerDaemon.busyboxFileBytes();
        assertThat(original.wastedBytes()).isEqualTo(2 * 300 * 1024);
        assertThat(original.efficiency()).isCloseTo((double) busybox / (busybox + 2 * 300 * 1024),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(original.topWastedFiles()).extracting(w -> w.path()).containsExactlyInAnyOrder("/a", "/b");
        assertThat(combined.wastedBytes()).as("deleted in the same RUN, never in a layer").isZero();
        assertThat(combined.efficiency()).isEqualTo(1.0);
        assertThat(original.userWastedPercent()).isGreaterThan(0);
        assertThat(Path.of(original.logFile())).isEqualTo(Path.of(out + ".logs", "original.log"));
        assertThat(Files.readString(Path.of(original.logFile()))).as("built with BuildKit, logged as --progress=plain")
                .containsPattern("#\\d+ \\[2/4\\] RUN dd if=/dev/zero").containsPattern("#\\d+ DONE \\d+\\.\\ds");
        assertThat(saved.history()).singleElement().satisfies(run -> assertThat(run.startedAt()).isEqualTo(saved.startedAt()));

        // a second run to the same file adds itself to the history
        assertThat(SlimLabCommand.run("run", "--dockerfile", dockerfile.toString(), "--id", "cli-it",
                "--variant", "combined=combine-runs", "--no-parity", "--out", out.toString())).isZero();
        ExperimentResult again = ExperimentFile.load(out);
        assertThat(again.history()).hasSize(2);
        assertThat(again.history().get(0)).isEqualTo(saved.history().get(0));
        assertThat(again.history().get(1).startedAt()).isEqualTo(again.startedAt());
        assertThat(again.history().get(1).variants()).extracting(v -> v.sizeBytes())
                .containsExactly(original.sizeBytes(), combined.sizeBytes());
        assertThat(streams.stderr()).contains("(run 2 of this experiment)");

        assertThat(SlimLabCommand.run("clean", "--experiment", "cli-it")).isZero();
        assertThat(streams.stdout()).contains("of experiment cli-it");
        try (DockerEngine engine = new DockerEngine()) {
            assertThat(engine.imagesLabelled(ExperimentRunner.EXPERIMENT_LABEL, "cli-it")).isEmpty();
        }
    }

    @Test
    void aBaseImageThatCannotBePulledIsSaidOnceInWordsWithoutDockerJavasErrorLines() throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM slimlab-test/not-on-this-machine:1\n"
                + "RUN true\nRUN true\n");
        SlimLabCommand.run("run", "--dockerfile", dockerfile.toString(), "--id", "cli-unpullable",
                "--variant", "combined=combine-runs", "--no-parity");
        assertThat(streams.stdout()).contains("slimlab-test/not-on-this-machine:1");
        assertThat(streams.stderr()).doesNotContain("com.github.dockerjava").doesNotContain("Exception");
    }

    @Test
    void runWithNothingToCompareIsAUsageError() throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM " + DockerDaemon.BUSYBOX + "\n");
        assertThat(SlimLabCommand.run("run", "--dockerfile", dockerfile.toString())).isEqualTo(2);
        assertThat(streams.stderr()).contains("nothing to compare");
    }
}
