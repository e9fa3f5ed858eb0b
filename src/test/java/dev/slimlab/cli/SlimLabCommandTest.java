package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs {@link SlimLabCommand#run(String...)} as the launcher does and reads stdout/stderr. */
class SlimLabCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardStreams() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionPrintsTheProjectVersion() {
        int exitCode = SlimLabCommand.run("--version");

        assertThat(exitCode).isZero();
        assertThat(SlimLabCommand.VersionProvider.version())
                .matches("\\d+\\.\\d+\\.\\d+.*")
                .doesNotContain("${");
        assertThat(stdout().strip()).isEqualTo("slimlab " + SlimLabCommand.VersionProvider.version());
        assertThat(stderr()).isEmpty();
    }

    @Test
    void helpListsTheParseCommand() {
        int exitCode = SlimLabCommand.run("--help");

        assertThat(exitCode).isZero();
        assertThat(stdout())
                .contains("Usage: slimlab")
                .containsPattern("(?m)^\\s+parse\\b")
                .contains("--version");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void parseHelpDescribesItsOptions() {
        int exitCode = SlimLabCommand.run("parse", "--help");

        assertThat(exitCode).isZero();
        assertThat(stdout()).contains("Usage: slimlab parse", "FILE", "--dump", "--print");
    }

    @Test
    void unknownOptionIsAUsageErrorWithoutStackTrace() {
        int exitCode = SlimLabCommand.run("--no-such-option");

        assertThat(exitCode).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr())
                .contains("Unknown option: '--no-such-option'")
                .contains("Try 'slimlab --help' for more information.")
                .doesNotContain("Exception")
                .doesNotContainPattern("(?m)^\\s+at ");
    }

    @Test
    void missingFileOfParseIsAUsageError() {
        int exitCode = SlimLabCommand.run("parse");

        assertThat(exitCode).isEqualTo(2);
        assertThat(stderr())
                .contains("Missing required parameter: 'FILE'")
                .contains("Try 'slimlab parse --help' for more information.")
                .doesNotContainPattern("(?m)^\\s+at ");
    }

    @Test
    void unknownCommandIsAUsageError() {
        int exitCode = SlimLabCommand.run("frobnicate");

        assertThat(exitCode).isEqualTo(2);
        assertThat(stderr()).contains("frobnicate").doesNotContainPattern("(?m)^\\s+at ");
    }
}
