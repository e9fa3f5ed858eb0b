package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.engine.api.Builder;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.store.ExperimentFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slimlab run --builder} and {@code --change}, on the fake engine. */
class RunBuilderOptionsTest {

    static final String WORKER = """
            FROM python:3.11-slim
            WORKDIR /app
            COPY requirements.txt .
            RUN apt-get update && apt-get install -y curl && pip install -r requirements.txt
            """;

    @TempDir
    Path dir;

    final FakeEngine engine = new FakeEngine();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String dockerfile, String... args) throws Exception {
        Path file = Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        Files.writeString(dir.resolve("requirements.txt"), "flask\n");
        String[] all = new String[args.length + 2];
        all[0] = "run";
        all[1] = "--dockerfile=" + file;
        System.arraycopy(args, 0, all, 2, args.length);
        return SlimLabCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), () -> engine)
                .execute(all);
    }

    @Test
    void anAblationWithAChangedFileComparesWarmRebuildsOfCacheMountsAndPipNoCacheDir() throws Exception {
        Path saved = dir.resolve("worker.json");
        int exit = run(WORKER, "--ablation", "--repeat", "3", "--change", "requirements.txt", "--no-parity",
                "--out", saved.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("REBUILD s")
                .containsPattern("(?m)^cache-mounts +built")
                .containsPattern("(?m)^pip-no-cache-dir +built")
                .contains("REBUILD s: median of the builds after the first, each after a change to requirements.txt");
        assertThat(err.toString()).contains("with BuildKit");
        ExperimentResult result = ExperimentFile.load(saved);
        assertThat(result.settings().changedFile()).hasValue("requirements.txt");
        assertThat(result.engine().builder()).isEqualTo(Builder.BUILDKIT);
        assertThat(result.variants()).filteredOn(v -> v.name().equals("cache-mounts")).singleElement()
                .satisfies(v -> assertThat(v.buildSeconds()).hasSize(3))
                .satisfies(v -> assertThat(v.dockerfile()).contains("--mount=type=cache,target=/root/.cache/pip"));
    }

    @Test
    void onTheClassicBuilderTheAblationLeavesOutCacheMounts() throws Exception {
        int exit = run(WORKER, "--ablation", "--builder", "classic", "--no-parity");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("(?m)^pip-no-cache-dir +built").doesNotContain("cache-mounts");
        assertThat(err.toString()).contains("with the classic builder");
        assertThat(engine.builders).containsOnly(Builder.CLASSIC);
    }

    @Test
    void aMountTheClassicBuilderRefusesStopsTheRunBeforeAnyBuild() throws Exception {
        int exit = run("FROM python:3.11-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
                "--preset", "minimal", "--builder", "classic");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("nothing was built: the classic builder of Docker 0.0 cannot build this:")
                .contains("line 2: RUN --mount=type=cache needs BuildKit; the classic builder refuses it.")
                .doesNotContain("Exception");
        assertThat(engine.built).isEmpty();
    }

    @Test
    void badBuilderAndChangeOptionsAreUsageErrors() throws Exception {
        assertThat(run(WORKER, "--preset", "minimal", "--builder", "kaniko")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown builder 'kaniko'; choose one of auto, buildkit, classic");

        assertThat(run(WORKER, "--preset", "minimal", "--change", "requirements.txt")).isEqualTo(2);
        assertThat(err.toString()).contains("needs at least 2 builds per variant");

        assertThat(run(WORKER, "--preset", "minimal", "--repeat", "2", "--change", "nope.txt")).isEqualTo(2);
        assertThat(err.toString()).contains("the file to change between builds, nope.txt, is not a file in the build context");
        assertThat(engine.built).isEmpty();
    }
}
