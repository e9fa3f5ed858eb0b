package dev.slimlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Robustness: whatever the bytes, {@link Dockerfile#parse(byte[])} either rejects them with a
 * {@link DockerfileSyntaxException} that says why, or returns a model that prints them back
 * exactly and can be dumped. No other exception, no hang. Hostile inputs (huge files, huge lines,
 * deep nesting, long runs of blanks) get their answers in well under a few seconds each; the
 * tests do not measure time (shared machines are noisy), a slow one is a bug to report.
 */
class FuzzTest {

    private static final int MB = 1024 * 1024;

    // ---- the outcome every input must have ----------------------------------------------------

    /** Parses; a model must round-trip, tile its source and dump; a rejection must say why and where. */
    static Dockerfile assertWellBehaved(byte[] input) {
        Dockerfile df;
        try {
            df = Dockerfile.parse(input);
        } catch (DockerfileSyntaxException e) {
            assertThat(e.getMessage()).as("message of the rejection").isNotBlank();
            assertThat(e.line()).as("line named by: " + e.getMessage()).isBetween(0, lineCount(input));
            return null;
        }
        byte[] back = df.toBytes();
        if (!java.util.Arrays.equals(back, input)) {
            int at = java.util.Arrays.mismatch(back, input);
            fail("toBytes() differs from the input at byte " + at + " (input " + input.length + " bytes, printed "
                    + back.length + ")");
        }
        if (input.length <= MB) {
            CorpusTest.assertElementsTileTheSource(df);
        } else {
            assertTilesQuickly(df); // the same check without an AssertJ call per element and character
        }
        assertThat(AstDump.dump(df)).isNotNull();
        return df;
    }

    /** {@link CorpusTest#assertElementsTileTheSource} in plain Java, for inputs of millions of lines. */
    private static void assertTilesQuickly(Dockerfile df) {
        String body = df.print().substring(df.hasByteOrderMark() ? 1 : 0);
        int at = 0;
        int line = 1;
        for (Element e : df.elements()) {
            if (e.span().start() != at || e.span().startLine() != line
                    || !body.regionMatches(at, e.text(), 0, e.text().length())
                    || e.span().end() != at + e.text().length()) {
                fail("elements do not tile the source at " + e);
            }
            at = e.span().end();
            line = e.span().endLine() + 1;
            if (e instanceof Instruction i) {
                String logical = i.logicalLine();
                for (int k = 0; k < logical.length(); k++) {
                    if (i.text().charAt(i.textOffset(k)) != logical.charAt(k)) {
                        fail("logical-line character " + k + " does not map into the text of " + i);
                    }
                }
            }
        }
        assertThat(at).isEqualTo(body.length());
    }

    private static int lineCount(byte[] input) {
        int lines = 1;
        for (byte b : input) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    // ---- (a) arbitrary, Dockerfile-ish bytes ------------------------------------------------

    private static final byte[] SINGLE_BYTES = bytes("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "\\`#<-\"'[]{}=:,.$/ \t\r\n\n\n");
    private static final byte[] ODD_BYTES = {0x00, (byte) 0xC2, (byte) 0xA0, (byte) 0xFF, (byte) 0xEF, (byte) 0xBB,
        (byte) 0xBF, (byte) 0x85, 0x0B, 0x0C, (byte) 0xE2, (byte) 0x80, (byte) 0xA8, (byte) 0xED, (byte) 0xA0};
    private static final List<byte[]> TOKENS = List.of(
            bytes("FROM "), bytes("RUN "), bytes("run "), bytes("COPY "), bytes("ADD "), bytes("ENV "),
            bytes("LABEL "), bytes("ARG "), bytes("CMD "), bytes("ENTRYPOINT "), bytes("HEALTHCHECK "),
            bytes("ONBUILD "), bytes("SHELL "), bytes("EXPOSE "), bytes("VOLUME "), bytes("USER "), bytes("FOO "),
            bytes("\\\n"), bytes("`\n"), bytes("\\ \t\r\n"), bytes("\\\\\n"), bytes("\r\n"), bytes("\n#"),
            bytes("<<EOF"), bytes("<<-EOF"), bytes("<<'EOF'"), bytes("<< \"EOF\""), bytes("3<<EOF"), bytes("\nEOF\n"),
            bytes("\n\tEOF\n"), bytes("EOF"), bytes("# escape=`\n"), bytes("# escape=\\\n"), bytes("# syntax=x\n"),
            bytes("#check=skip=all\n"), bytes("[\"a\", \"b\"]"), bytes("[\"\\u0000\", \"\\ud800\"]"), bytes("[1]"),
            bytes("[[[["), bytes("]]"), bytes("{\"a\":[]}"), bytes("--from=x "), bytes("--mount=type=cache "),
            bytes("\"--a b\" "), bytes("a=b "), bytes("a=\"b c\" "), bytes("${A:-b} "), bytes("$A "),
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {(byte) 0xC2, (byte) 0xA0},
            new byte[] {(byte) 0xE2, (byte) 0x80, (byte) 0xA8}, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x90,
                (byte) 0xB3}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Arbitrary<byte[]> chunk() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of(toList(SINGLE_BYTES)).map(b -> new byte[] {b})),
                Tuple.of(2, Arbitraries.of(toList(ODD_BYTES)).map(b -> new byte[] {b})),
                Tuple.of(6, Arbitraries.of(TOKENS)),
                Tuple.of(1, Arbitraries.bytes().map(b -> new byte[] {b})));
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> out = new ArrayList<>();
        for (byte b : bytes) {
            out.add(b);
        }
        return out;
    }

    private static byte[] join(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Provide
    Arbitrary<byte[]> dockerfileishBytes() {
        // uniform sizes: jqwik's default favours short lists, and a few KB is what this is about
        return chunk().list().ofMaxSize(1200).withSizeDistribution(RandomDistribution.uniform()).map(FuzzTest::join);
    }

    @Property(tries = 1000)
    void anyBytesParseOrAreRejectedWithAReason(@ForAll("dockerfileishBytes") byte[] input) {
        assertWellBehaved(input);
    }

    // ---- (b) mutated fixtures ---------------------------------------------------------------

    private static final List<byte[]> FIXTURES = loadFixtures();

    private static List<byte[]> loadFixtures() {
        try {
            List<byte[]> out = new ArrayList<>();
            for (Path p : CorpusTest.files("dockerfiles", ".Dockerfile").toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    enum Op { INSERT, DELETE, REPLACE, DUPLICATE_LINE, INSERT_TOKEN }

    /** One mutation at a relative position (0 = start, 1 = end) of the current bytes. */
    record Mutation(Op op, double where, byte[] bytes) {
        byte[] apply(byte[] in) {
            int at = (int) Math.min(in.length, Math.floor(where * (in.length + 1)));
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
            switch (op) {
                case INSERT, INSERT_TOKEN -> {
                    out.write(in, 0, at);
                    out.writeBytes(op == Op.INSERT ? new byte[] {bytes[0]} : bytes);
                    out.write(in, at, in.length - at);
                }
                case DELETE -> {
                    if (at == in.length) {
                        return in;
                    }
                    out.write(in, 0, at);
                    out.write(in, at + 1, in.length - at - 1);
                }
                case REPLACE -> {
                    if (at == in.length) {
                        return in;
                    }
                    byte[] copy = in.clone();
                    copy[at] = bytes[0];
                    return copy;
                }
                case DUPLICATE_LINE -> {
                    int start = at;
                    while (start > 0 && in[start - 1] != '\n') {
                        start--;
                    }
                    int end = at;
                    while (end < in.length && in[end] != '\n') {
                        end++;
                    }
                    end = Math.min(in.length, end + 1);
                    out.write(in, 0, end);
                    out.write(in, start, end - start);
                    out.write(in, end, in.length - end);
                }
                default -> throw new IllegalStateException();
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return op + "@" + String.format("%.3f", where) + ":" + RoundTripPropertiesTest.javaString(
                    new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    record Mutated(int fixture, List<Mutation> mutations) {
        byte[] bytes() {
            byte[] b = FIXTURES.get(fixture);
            for (Mutation m : mutations) {
                b = m.apply(b);
            }
            return b;
        }
    }

    @Provide
    Arbitrary<Mutated> mutatedFixtures() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.of(Op.values()),
                Arbitraries.doubles().between(0, 1),
                chunk()
        ).as(Mutation::new);
        return Combinators.combine(
                Arbitraries.integers().between(0, FIXTURES.size() - 1),
                mutation.list().ofMinSize(1).ofMaxSize(12)
        ).as(Mutated::new);
    }

    @Property(tries = 1000)
    void mutatedFixturesParseOrAreRejectedWithAReason(@ForAll("mutatedFixtures") Mutated mutated) {
        assertWellBehaved(mutated.bytes());
    }

    @Test
    void thereAreFixturesToMutate() {
        assertThat(FIXTURES).hasSizeGreaterThanOrEqualTo(40);
        for (byte[] fixture : FIXTURES) {
            assertThat(assertWellBehaved(fixture)).as("every realistic fixture parses").isNotNull();
        }
    }

    // ---- (c) hostile inputs -----------------------------------------------------------------

    @Test
    void tenMegabytesOfOrdinaryInstructions() throws Exception {
        String block = """
                FROM debian:bookworm AS build
                # install the tools
                RUN apt-get update \\
                    && apt-get install -y --no-install-recommends curl ca-certificates \\
                    && rm -rf /var/lib/apt/lists/*

                COPY --from=base --chown=1000:1000 /src /dst
                ENV A=1 B="two words"
                RUN <<EOF
                echo hello
                EOF
                CMD ["app", "--port=8080"]
                """;
        int perBlock = 6;
        int blocks = 10 * MB / block.length() + 1;
        byte[] input = bytes(block.repeat(blocks));
        assertThat(input.length).isGreaterThanOrEqualTo(10 * MB);

        Dockerfile df = Dockerfile.parse(input);

        assertThat(df.instructions()).hasSize(blocks * perBlock);
        assertThat(df.stages()).hasSize(blocks);
        assertThat(df.toBytes()).isEqualTo(input);
        assertThat(AstDump.dump(df)).startsWith("(from \"debian:bookworm\" \"AS\" \"build\")\n"
                + "(run \"apt-get update     && apt-get install -y --no-install-recommends curl ca-certificates"
                + "     && rm -rf /var/lib/apt/lists/*\")\n");
    }

    @Test
    void aTenMegabyteLogicalLineOfTwoHundredPhysicalLines() throws Exception {
        int physicalLines = 200;
        String chunk = "x".repeat(10 * MB / physicalLines);
        StringBuilder file = new StringBuilder("FROM scratch\n");
        StringBuilder expected = new StringBuilder();
        for (int k = 0; k < physicalLines; k++) {
            String content = (k == 0 ? "RUN " : "    ") + chunk + (k % 2 == 0 ? " " : "\t");
            boolean last = k == physicalLines - 1;
            file.append(content).append(last ? "\n" : "\\  \n");
            expected.append(k == 0 ? content.substring(4) : content);
        }
        byte[] input = bytes(file.toString());
        assertThat(input.length).isGreaterThan(10 * MB);

        Dockerfile df = Dockerfile.parse(input);

        assertThat(df.instructions()).hasSize(2);
        Instruction run = df.instructions().get(1);
        assertThat(run.span().lineCount()).isEqualTo(physicalLines);
        assertThat(run.args()).containsExactly(expected.toString().strip());
        assertThat(df.toBytes()).isEqualTo(input);
        assertThat(AstDump.dump(df)).hasSizeGreaterThan(10 * MB);
    }

    @Test
    void tenMegabytesOfBinaryGarbage() {
        byte[] garbage = new byte[10 * MB];
        new Random(20240917L).nextBytes(garbage);
        assertWellBehaved(garbage);
    }

    @Test
    void tenMegabytesOfDockerfileishGarbage() {
        Random random = new Random(7L);
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 * MB + 64);
        while (out.size() < 10 * MB) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                out.write(SINGLE_BYTES[random.nextInt(SINGLE_BYTES.length)]);
            } else if (pick < 7) {
                out.write(ODD_BYTES[random.nextInt(ODD_BYTES.length)]);
            } else {
                out.writeBytes(TOKENS.get(random.nextInt(TOKENS.size())));
            }
        }
        assertWellBehaved(out.toByteArray());
    }

    @Test
    void aLineOf65536BytesIsRejectedNamingItsLine() throws Exception {
        String ok = "RUN " + "x".repeat(65535 - 4);
        String tooLong = "RUN " + "x".repeat(65536 - 4);
        assertThat(Dockerfile.parse(bytes("FROM a\n" + ok + "\n")).instructions()).hasSize(2);
        assertThatThrownBy(() -> Dockerfile.parse(bytes("FROM a\n\n" + tooLong + "\nRUN y\n")))
                .isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("line 3");
                });
        // the limit also holds for a last line without a newline, and for a heredoc body line
        assertThatThrownBy(() -> Dockerfile.parse(bytes("FROM a\n" + tooLong)))
                .isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> Dockerfile.parse(bytes("FROM a\nRUN <<EOF\n" + tooLong + "\nEOF\n")))
                .isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void anUnterminatedHeredocIsRejectedNamingItsInstruction() {
        String file = "FROM a\n\n# comment\nRUN --mount=type=cache,target=/c cat <<EOF > /etc/x \\\n  && true\n"
                + "echo body\nEOF \n\tEOF\neof\n";
        assertThatThrownBy(() -> Dockerfile.parse(bytes(file)))
                .isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).isNotBlank();
                });
        // the second of two heredocs unterminated: still the instruction's line
        assertThatThrownBy(() -> Dockerfile.parse(bytes("FROM a\nCOPY <<A <<B /dst/\na\nA\nb\n")))
                .isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void anUnterminatedJsonArrayIsShellForm() throws Exception {
        Dockerfile df = Dockerfile.parse(bytes("FROM a\nCMD [\"app\", \"--port=80\"\nCOPY [\"a b\", \"/c/\"\n"));
        Instruction cmd = df.instructions().get(1);
        assertThat(cmd.isJsonForm()).isFalse();
        assertThat(cmd.args()).containsExactly("[\"app\", \"--port=80\"");
        assertThat(df.instructions().get(2).args()).containsExactly("[\"a", "b\",", "\"/c/\"");
        assertThat(AstDump.dump(df)).isEqualTo("(from \"a\")\n"
                + "(cmd \"[\\\"app\\\", \\\"--port=80\\\"\")\n"
                + "(copy \"[\\\"a\" \"b\\\",\" \"\\\"/c/\\\"\")\n");
    }

    /** {@code prefix + text} as one instruction: physical lines of at most 50,000 characters joined by continuations. */
    private static String continued(String prefix, String text) {
        StringBuilder out = new StringBuilder(prefix);
        for (int at = 0; at < text.length(); at += 50_000) {
            out.append(text, at, Math.min(text.length(), at + 50_000));
            out.append(at + 50_000 < text.length() ? "\\\n" : "\n");
        }
        return out.toString();
    }

    @Test
    void aHundredThousandNestedBracketsInACmd() throws Exception {
        String open = "[".repeat(100_000);
        Dockerfile unbalanced = Dockerfile.parse(bytes("FROM a\n" + continued("CMD ", open)));
        assertThat(unbalanced.instructions().get(1).isJsonForm()).isFalse();
        assertThat(unbalanced.instructions().get(1).args()).containsExactly(open);

        // balanced, but deeper than Go's encoding/json accepts (10,000): not JSON, so shell form
        String balanced = open + "]".repeat(100_000);
        Dockerfile deep = Dockerfile.parse(bytes("FROM a\n" + continued("CMD ", balanced)));
        assertThat(deep.instructions().get(1).isJsonForm()).isFalse();
        assertThat(deep.instructions().get(1).args()).containsExactly(balanced);

        // at the limit: valid JSON, an array holding an array, which BuildKit rejects
        String limit = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> Dockerfile.parse(bytes("FROM a\nCMD " + limit + "\n")))
                .isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2));
        String beyond = "[".repeat(10_001) + "]".repeat(10_001);
        assertThat(Dockerfile.parse(bytes("FROM a\nCMD " + beyond + "\n")).instructions().get(1).args())
                .containsExactly(beyond);
    }

    @Test
    void aDirectiveWithSixtyThousandBlanksBeforeItsValue() throws Exception {
        String blanks = " \t".repeat(30_000);
        Dockerfile df = Dockerfile.parse(bytes("# escape=" + blanks + "`" + " ".repeat(5_000) + "\nFROM a `\n  AS b\n"));
        assertThat(df.escape()).isEqualTo('`');
        assertThat(df.directives()).hasSize(1);
        assertThat(df.instructions().get(0).args()).containsExactly("a", "AS", "b");

        // blanks everywhere the pattern allows them, and a value made of blanks only
        Dockerfile spaced = Dockerfile.parse(bytes("#" + " ".repeat(30_000) + "syntax" + "\t".repeat(10_000) + "="
                + " ".repeat(20_000) + "\nFROM a\n"));
        assertThat(spaced.directives()).hasSize(1);
        assertThat(spaced.instructions()).hasSize(1);
        // a line that looks like a directive but has no '=': a comment, and the default escape
        Dockerfile comment = Dockerfile.parse(bytes("# escape" + " ".repeat(60_000) + "\nFROM a\n"));
        assertThat(comment.directives()).isEmpty();
        assertThat(comment.escape()).isEqualTo('\\');
    }

    // ---- more hostile shapes (not in the brief's list, same rules) ---------------------------

    @Test
    void tenThousandHeredocsOnOneLine() throws Exception {
        int n = 10_000;
        String file = "FROM a\nRUN" + " <<H".repeat(n) + "\n" + "body\nH\n".repeat(n) + "CMD x\n";
        Dockerfile df = Dockerfile.parse(bytes(file));
        assertThat(df.instructions()).hasSize(3);
        assertThat(df.instructions().get(1).heredocs()).hasSize(n)
                .allSatisfy(h -> assertThat(h.content()).isEqualTo("body\n"));
    }

    @Test
    void aTenMegabyteHeredocBody() throws Exception {
        String body = "echo 'line of a long script' \\\n".repeat(10 * MB / 30);
        byte[] input = bytes("FROM a\nRUN <<EOF\n" + body + "EOF\nCMD x\n");
        Dockerfile df = Dockerfile.parse(input);
        assertThat(df.instructions()).hasSize(3);
        assertThat(df.instructions().get(1).heredocs().get(0).content()).isEqualTo(body);
        assertThat(df.toBytes()).isEqualTo(input);
    }

    @Test
    void fiveMillionContinuationLines() throws Exception {
        int n = 5_000_000;
        byte[] input = bytes("FROM a\nRUN a \\\n" + "\\\n".repeat(n) + "  b\n");
        Dockerfile df = Dockerfile.parse(input);
        assertThat(df.instructions()).hasSize(2);
        assertThat(df.instructions().get(1).args()).containsExactly("a   b");
        assertThat(df.instructions().get(1).span().lineCount()).isEqualTo(n + 2);
    }

    @Test
    void tenMegabytesOfNewlines() throws Exception {
        byte[] input = bytes("\n".repeat(10 * MB) + "FROM a\n");
        Dockerfile df = Dockerfile.parse(input);
        assertThat(df.instructions()).hasSize(1);
        assertThat(df.instructions().get(0).line()).isEqualTo(10 * MB + 1);
        assertThat(df.elements()).hasSize(10 * MB + 1);
    }

    @Test
    void aHundredThousandEnvPairsAndFlags() throws Exception {
        StringBuilder env = new StringBuilder("FROM a\nENV");
        StringBuilder flags = new StringBuilder("COPY");
        for (int k = 0; k < 100_000; k++) {
            env.append(" k").append(k).append("=\"v ").append(k).append('"').append(k % 1000 == 999 && k < 99_999 ? " \\\n" : "");
            flags.append(" --f").append(k).append("=x").append(k % 1000 == 999 ? " \\\n" : "");
        }
        Dockerfile df = Dockerfile.parse(bytes(env + "\n" + flags + " a b\n"));
        assertThat(df.instructions().get(1).args()).hasSize(300_000);
        assertThat(df.instructions().get(2).flags()).hasSize(100_000);
        assertThat(df.instructions().get(2).args()).containsExactly("a", "b");
    }

    @Test
    void aNulOnlyFileAndAnEmptyFile() {
        assertThatThrownBy(() -> Dockerfile.parse(new byte[0])).isInstanceOf(DockerfileSyntaxException.class);
        assertWellBehaved(new byte[MB]);
        assertWellBehaved(bytes("\r".repeat(60_000) + "\nFROM a\r\r\r\n"));
    }
}
