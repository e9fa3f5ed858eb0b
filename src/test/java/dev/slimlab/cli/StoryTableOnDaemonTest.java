package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.engine.NeedsDaemon;
import dev.slimlab.engine.DockerEngine;
import dev.slimlab.experiment.ExperimentRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story's table from a real experiment on the stand-in images: python-web with the minimal
 * and maximum presets and its staging suite gives three rows, original, minimal and maximum,
 * each with the verdict the documented rules assign (maximum needs an Alpine base, which no
 * registry can provide here, so it is broken).
 */
@NeedsDaemon
class StoryTableOnDaemonTest {

    static final String ID = "story-table";

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        try (DockerEngine engine = new DockerEngine()) {
            engine.removeLabelled(ExperimentRunner.EXPERIMENT_LABEL, ID);
        }
    }

    @Test
    void pythonWebGivesTheStorysThreeRows() throws Exception {
        Path sample = Path.of("assets/samples/python-web");
        Path out = dir.resolve("python-web.json");
        int code = SlimLabCommand.run("run", "--dockerfile", sample.resolve("Dockerfile").toString(), "--id", ID,
                "--preset", "minimal", "--preset", "maximum", "--suite", sample.resolve("structure-tests.yaml").toString(),
                "--max-size", "400MB", "--fail-on-regression", "--out", out.toString());
        assertThat(code).as(streams.stderr()).isZero();
        assertThat(streams.stdout()).contains("Ship minimal: saves");
        assertThat(streams.stderr()).contains("budget met: minimal: size");

        Path md = dir.resolve("report.md");
        assertThat(SlimLabCommand.run("report", out.toString(), "--format", "md", "--out", md.toString())).isZero();
        List<String> rows = Files.readAllLines(md).stream().filter(l -> l.startsWith("| ") && !l.startsWith("| Variant"))
                .filter(l -> l.matches("\\| (\\*\\*)?(original|minimal|maximum)(\\*\\*)? \\|.*")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("| original |").contains("| none | too large: ");
        assertThat(rows.get(1)).startsWith("| **minimal** |").contains("| 6/6 |", "| best: saves ");
        assertThat(rows.get(2)).startsWith("| maximum |").contains("| broken: did not build: the base image python:3.10-alpine");
    }
}
