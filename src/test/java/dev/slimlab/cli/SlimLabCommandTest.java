package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs {@link SlimLabCommand#run(String...)} as the launcher does and reads stdout/stderr. */
class SlimLabCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private String stdout() {
        return streams.stdout();
    }

    private String stderr() {
        return streams.stderr();
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
