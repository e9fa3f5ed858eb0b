package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log: no SLF4J complaint on any command, quiet by default, the daemon conversation at debug
 * level with {@code --verbose} or in a {@code --log-file}. {@code clean} of an experiment that does
 * not exist talks to docker-java whether a daemon answers or not, and removes nothing.
 */
class LoggingOptionsTest {

    static final String[] CLEAN_NOTHING = {"clean", "--experiment", "slimlab-test-no-such-experiment"};
    static final String DEBUG_LINE = "(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG com\\.github\\.dockerjava\\.\\S+: Cmd: ";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SlimLabCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aFreshProcessPrintsNoSlf4jLine() throws Exception {
        // SLF4J complains once per process, on first use: only a new JVM shows whether it would
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.slimlab.Launcher", CLEAN_NOTHING[0], CLEAN_NOTHING[1], CLEAN_NOTHING[2]))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        String printed = Files.readString(stderr, StandardCharsets.UTF_8) + Files.readString(dir.resolve("stdout.txt"));
        assertThat(printed).as("the command ran: it removed nothing or said the daemon is not there")
                .containsAnyOf("removed 0 images", "slimlab clean:");
        assertThat(Files.readString(stderr, StandardCharsets.UTF_8)).doesNotContain("SLF4J:").doesNotContain(" DEBUG ");
    }

    @Test
    void verboseLogsTheDaemonConversationOnStandardErrorAndTheNextRunIsQuietAgain() {
        run(cleanNothingWith("--verbose"));
        assertThat(err.toString()).containsPattern(DEBUG_LINE).doesNotContain("SLF4J:");

        err.getBuffer().setLength(0);
        run(CLEAN_NOTHING);
        assertThat(err.toString()).doesNotContain(" DEBUG ");
    }

    @Test
    void aLogFileGetsTheConversationAndStandardErrorStaysQuiet() throws Exception {
        Path log = Files.writeString(dir.resolve("slimlab.log"), "an older log\n");

        run(cleanNothingWith("--log-file", log.toString()));

        assertThat(Files.readString(log)).containsPattern(DEBUG_LINE).doesNotContain("an older log");
        assertThat(err.toString()).doesNotContain(" DEBUG ");
    }

    @Test
    void aLogFileThatCannotBeWrittenIsAUsageError() {
        Path log = dir.resolve("no-such-folder/slimlab.log");

        int exitCode = run("--log-file", log.toString(), "parse", "assets/samples/python-web/Dockerfile");

        assertThat(exitCode).isEqualTo(SlimLabCommand.EXIT_USAGE);
        assertThat(err.toString()).startsWith("cannot write the log file " + log + ": its folder does not exist")
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    /** {@code slimlab OPTIONS clean --experiment slimlab-test-no-such-experiment} */
    private static String[] cleanNothingWith(String... options) {
        return Stream.concat(Arrays.stream(options), Arrays.stream(CLEAN_NOTHING)).toArray(String[]::new);
    }
}
