package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code slimlab parse}: the dump, the byte-exact print, the summary, and clear errors. */
class ParseCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private Path file(byte[] content) throws Exception {
        return Files.write(dir.resolve("Dockerfile"), content);
    }

    private Path file(String content) throws Exception {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    private String stderr() {
        return streams.stderr();
    }

    @Test
    void dumpPrintsOneLinePerInstructionAndExitsZero() throws Exception {
        Path df = file("# syntax=docker/dockerfile:1\nFROM python:3.10 AS app\nRUN pip install \\\n  flask\nCMD [\"flask\", \"run\"]\n");
        assertThat(SlimLabCommand.run("parse", "--dump", df.toString())).isZero();
        assertThat(streams.stdout()).isEqualTo(
                "(from \"python:3.10\" \"AS\" \"app\")\n(run \"pip install   flask\")\n(cmd \"flask\" \"run\")\n");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void printGivesTheExactBytesBackIncludingInvalidUtf8AndCrlf() throws Exception {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'F', 'R', 'O', 'M', ' ', 'a', '\r', '\n',
            'R', 'U', 'N', ' ', (byte) 0xFF, ' ', '\\', '\r', '\n', ' ', 'b'};
        Path df = file(bytes);
        assertThat(SlimLabCommand.run("parse", "--print", df.toString())).isZero();
        assertThat(streams.stdoutBytes()).isEqualTo(bytes);
    }

    @Test
    void withoutAnOptionItSummarisesTheStages() throws Exception {
        Path df = file("ARG PY=3.10\nFROM python:${PY} AS build\nRUN make\nFROM gcr.io/distroless/python3\n"
                + "COPY --from=build /app /app\nFROM build AS test\n");
        assertThat(SlimLabCommand.run("parse", df.toString())).isZero();
        assertThat(streams.stdout()).isEqualTo("6 instructions, 3 stages\n"
                + "  stage 0 \"build\": FROM python:${PY} = python:3.10 (line 2, 1 instructions)\n"
                + "  stage 1: FROM gcr.io/distroless/python3 (line 4, 1 instructions)\n"
                + "  stage 2 \"test\": FROM build (stage 0) (line 6, 0 instructions)\n");
    }

    @Test
    void aRejectedFileExitsOneNamingTheLine() throws Exception {
        Path df = file("FROM a\n\nENV ONLY_A_KEY\n");
        assertThat(SlimLabCommand.run("parse", "--dump", df.toString())).isEqualTo(1);
        assertThat(streams.stdoutBytes()).isEmpty();
        assertThat(stderr()).contains(df + ":3: error: ENV must have two arguments").doesNotContain("Exception");
    }

    @Test
    void anUnterminatedHeredocNamesTheLineThatOpenedIt() throws Exception {
        Path df = file("FROM a\nRUN <<EOF\necho never ends\n");
        assertThat(SlimLabCommand.run("parse", "--dump", df.toString())).isEqualTo(1);
        assertThat(stderr()).contains(":2: error: unterminated heredoc");
    }

    @Test
    void binaryGarbageGetsAnAnswerNotAStackTrace() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Path df = file(garbage);
        int code = SlimLabCommand.run("parse", "--dump", df.toString());
        assertThat(code).isIn(0, 1);
        assertThat(stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThat(SlimLabCommand.run("parse", "--dump", dir.resolve("nope").toString())).isEqualTo(1);
        assertThat(stderr()).contains("nope: no such file");
    }

    @Test
    void dashReadsStandardInput() {
        System.setIn(new ByteArrayInputStream("from scratch\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(SlimLabCommand.run("parse", "--dump", "-")).isZero();
        assertThat(streams.stdout()).isEqualTo("(from \"scratch\")\n");
    }

    @Test
    void dumpAndPrintTogetherIsAUsageError() throws Exception {
        Path df = file("FROM a\n");
        assertThat(SlimLabCommand.run("parse", "--dump", "--print", df.toString())).isEqualTo(SlimLabCommand.EXIT_USAGE);
        assertThat(stderr()).contains("mutually exclusive");
    }
}
