package dev.slimlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture corpora: {@code dump-spec/} (one case per rule of the dump specification, with the
 * expected dump or the line of the expected error), the specification's worked example, and
 * {@code dockerfiles/} (realistic Dockerfiles of every kind). Every file that parses must print
 * back byte for byte, and its elements must tile the source.
 */
class CorpusTest {

    static Path resources(String folder) {
        try {
            return Path.of(CorpusTest.class.getResource("/" + folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(resources(folder))) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList().stream();
        }
    }

    static Stream<Path> specCases() throws IOException {
        return Stream.concat(files("dump-spec", ".dockerfile"), files("spec-example", ".Dockerfile"));
    }

    static Stream<Path> everyFixture() throws IOException {
        return Stream.concat(specCases(), files("dockerfiles", ".Dockerfile"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specCases")
    void dumpMatchesTheSpecification(Path input) throws Exception {
        String base = input.getFileName().toString().replaceFirst("\\.[dD]ockerfile$", "");
        Path expectedDump = input.resolveSibling(base + ".dump");
        Path expectedError = input.resolveSibling(base + ".error");
        byte[] bytes = Files.readAllBytes(input);
        if (Files.exists(expectedError)) {
            int line = Integer.parseInt(Files.readString(expectedError).trim());
            assertThatThrownBy(() -> Dockerfile.parse(bytes))
                    .isInstanceOfSatisfying(DockerfileSyntaxException.class,
                            e -> assertThat(e.line()).as("line named by: " + e.getMessage()).isEqualTo(line));
        } else {
            assertThat(AstDump.dump(Dockerfile.parse(bytes)))
                    .isEqualTo(Files.readString(expectedDump, StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFixture")
    void printsBackByteForByte(Path input) throws Exception {
        byte[] bytes = Files.readAllBytes(input);
        Dockerfile dockerfile;
        try {
            dockerfile = Dockerfile.parse(bytes);
        } catch (DockerfileSyntaxException rejected) {
            assertThat(input.resolveSibling(input.getFileName().toString().replace(".dockerfile", ".error")))
                    .as("only cases expected to fail may fail").exists();
            return;
        }
        assertThat(dockerfile.toBytes()).isEqualTo(bytes);
        assertElementsTileTheSource(dockerfile);
    }

    static void assertElementsTileTheSource(Dockerfile dockerfile) {
        String body = dockerfile.print().substring(dockerfile.hasByteOrderMark() ? 1 : 0);
        int at = 0;
        int line = 1;
        for (Element e : dockerfile.elements()) {
            assertThat(e.span().start()).isEqualTo(at);
            assertThat(e.span().startLine()).isEqualTo(line);
            assertThat(body.substring(e.span().start(), e.span().end())).isEqualTo(e.text());
            at = e.span().end();
            line = e.span().endLine() + 1;
            if (e instanceof Instruction i) {
                assertLogicalLineMapsIntoText(i);
            }
        }
        assertThat(at).isEqualTo(body.length());
    }

    /** Each logical-line character comes from the same character of the instruction's text. */
    static void assertLogicalLineMapsIntoText(Instruction i) {
        String logical = i.logicalLine();
        for (int k = 0; k < logical.length(); k++) {
            assertThat(i.text().charAt(i.textOffset(k))).isEqualTo(logical.charAt(k));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFixture")
    void reparsingThePrintGivesTheSameDump(Path input) throws Exception {
        Dockerfile first;
        try {
            first = Dockerfile.parse(Files.readAllBytes(input));
        } catch (DockerfileSyntaxException rejected) {
            return;
        }
        Dockerfile second = Dockerfile.parse(first.print());
        assertThat(AstDump.dump(second)).isEqualTo(AstDump.dump(first));
        assertThat(second.instructions()).extracting(Instruction::span)
                .isEqualTo(first.instructions().stream().map(Instruction::span).toList());
    }

    @org.junit.jupiter.api.Test
    void corporaAreLargeEnough() throws IOException {
        List<Path> realistic = files("dockerfiles", ".Dockerfile").toList();
        assertThat(realistic).hasSizeGreaterThanOrEqualTo(40);
        assertThat(specCases().count()).isGreaterThanOrEqualTo(80);
    }
}
