package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slimlab.cli.SlimLabCommand;
import dev.slimlab.experiment.FakeEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slimlab run} and the lab go through one experiment service: the same input gives the same file. */
class BothFacesTest {

    static final Path SAMPLE = Path.of("assets/samples/python-web/Dockerfile");

    @TempDir
    Path dir;

    @Test
    void theCommandLineAndTheLabWriteTheSameExperimentFile() throws Exception {
        Path fromCli = dir.resolve("cli.json");
        StringWriter err = new StringWriter();
        int exit = SlimLabCommand.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err),
                FakeEngine::new).execute("run", "--dockerfile", SAMPLE.toString(), "--preset", "minimal",
                "--preset", "maximum", "--out", fromCli.toString());
        assertThat(exit).as(err.toString()).isZero();

        Path fromLab = dir.resolve("lab.json");
        LabViewModel lab = Labs.lab(FakeEngine::new);
        lab.openDockerfile(SAMPLE);
        lab.build().build();
        lab.saveExperiment(fromLab);
        assertThat(lab.state().messageProperty().get()).isEqualTo("Saved the experiment to " + fromLab + ".");

        JsonNode cli = comparable(fromCli);
        JsonNode gui = comparable(fromLab);
        assertThat(cli.path("variants")).hasSize(3);
        assertThat(cli.path("variants").get(0).path("staging").path("tests").size())
                .as("both picked up the sample's structure-tests.yaml").isPositive();
        assertThat(gui).isEqualTo(cli);
    }

    /** The file without what differs between any two runs: when things started, took and logged. */
    private static JsonNode comparable(Path file) throws Exception {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        ((ObjectNode) root).remove("startedAt");
        root.path("variants").forEach(v -> {
            ((ObjectNode) v).remove("logFile");
            v.path("staging").path("tests").forEach(t -> ((ObjectNode) t).remove("seconds"));
        });
        root.path("history").forEach(run -> ((ObjectNode) run).remove("startedAt"));
        return root;
    }
}
