package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.experiment.store.ExperimentFile;
import dev.slimlab.report.ReportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code slimlab report} on a saved experiment, with and without budgets. */
class ReportCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    Path experiment;

    @BeforeEach
    void save() throws Exception {
        experiment = dir.resolve("story.json");
        ExperimentFile.save(ReportFixtures.story(), experiment);
    }

    @Test
    void writesEachFormatToTheFileAsked() throws Exception {
        for (String format : new String[] {"html", "md", "csv", "json", "junit"}) {
            Path out = dir.resolve("out." + format);
            assertThat(SlimLabCommand.run("report", experiment.toString(), "--format", format, "--out", out.toString()))
                    .as(streams.stderr()).isZero();
            assertThat(Files.readString(out)).isNotEmpty();
        }
        assertThat(Files.readString(dir.resolve("out.md"))).contains("**Ship minimal: saves 1.9 GB");
        assertThat(Files.readString(dir.resolve("out.html"))).startsWith("<!DOCTYPE html>")
                .contains("<p class=\"lead\">Ship minimal: saves 1.9 GB");
        assertThat(Files.readString(dir.resolve("out.csv"))).startsWith("variant,status,verdict,");
        assertThat(streams.stderr()).contains("wrote " + dir.resolve("out.md"));
    }

    @Test
    void printsToStandardOutputWithoutOut() throws Exception {
        assertThat(SlimLabCommand.run("report", experiment.toString(), "--format", "csv")).isZero();
        assertThat(streams.stdout().lines()).hasSize(7).first().asString().startsWith("variant,");
    }

    @Test
    void aMissedBudgetExitsOneAndSaysWhichAndByHowMuch() throws Exception {
        Path out = dir.resolve("junit.xml");
        int code = SlimLabCommand.run("report", experiment.toString(), "--format", "junit", "--out", out.toString(),
                "--max-size", "1GB", "--min-efficiency", "0.95");
        assertThat(code).isEqualTo(1);
        assertThat(streams.stderr()).contains("BUDGET MISSED: minimal: size 1.2 GB is over the budget of 1.0 GB by 200.0 MB",
                "budget met: minimal: efficiency 0.9800 is at least 0.9500");
        assertThat(Files.readString(out)).contains("<testsuite name=\"budgets\" tests=\"2\" failures=\"1\"");

        assertThat(SlimLabCommand.run("report", experiment.toString(), "--format", "md", "--max-size", "1.3GB",
                "--budget-variant", "minimal")).isZero();
    }

    @Test
    void badUsageAndBadFilesAreSaidPlainly() throws Exception {
        assertThat(SlimLabCommand.run("report", experiment.toString(), "--format", "pdf")).isEqualTo(2);
        assertThat(streams.stderr()).contains("unknown report format 'pdf'; use html, md, csv, json or junit");
        assertThat(SlimLabCommand.run("report", experiment.toString(), "--format", "md", "--max-size", "huge"))
                .isEqualTo(2);
        assertThat(streams.stderr()).contains("--max-size: 'huge' is not a size");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 1, \"id\": ");
        assertThat(SlimLabCommand.run("report", broken.toString(), "--format", "md")).isEqualTo(1);
        assertThat(streams.stderr()).contains("broken.json").doesNotContain("Exception");
    }
}
