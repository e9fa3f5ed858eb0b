package dev.slimlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of the dump specification that depend on exact bytes (line endings, BOM, invalid
 * UTF-8, control characters, line lengths, BuildKit's byte-wise scanners), which plain-text
 * fixture files cannot hold reliably.
 */
class ByteLevelDumpTest {

    static String dump(byte[] bytes) throws DockerfileSyntaxException {
        return AstDump.dump(Dockerfile.parse(bytes));
    }

    static String dump(String text) throws DockerfileSyntaxException {
        return dump(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    @Nested
    class LineEndings {
        @Test
        void crlfBehavesLikeLf() throws Exception {
            assertThat(dump("FROM a\r\nRUN b \\\r\n  c\r\n")).isEqualTo("(from \"a\")\n(run \"b   c\")\n");
        }

        @Test
        void everyTrailingCarriageReturnIsRemoved() throws Exception {
            assertThat(dump("USER bob\r\r\n")).isEqualTo("(user \"bob\")\n");
        }

        @Test
        void carriageReturnInsideALineIsKept() throws Exception {
            assertThat(dump("RUN a\rb\n")).isEqualTo("(run \"a\\rb\")\n");
        }

        @Test
        void noFinalNewline() throws Exception {
            assertThat(dump("FROM a\nCMD x")).isEqualTo("(from \"a\")\n(cmd \"x\")\n");
        }

        @Test
        void trailingEscapeOnTheLastLineIsDropped() throws Exception {
            assertThat(dump("RUN a \\")).isEqualTo("(run \"a\")\n");
        }
    }

    @Nested
    class ByteOrderMark {
        @Test
        void bomIsDroppedAndDirectiveStillRecognised() throws Exception {
            assertThat(dump(bytes(0xEF, 0xBB, 0xBF, "# escape=`\nRUN a `\n b\n"))).isEqualTo("(run \"a  b\")\n");
        }

        @Test
        void bomOnlyCountsAtTheStart() throws Exception {
            assertThat(dump("FROM a\n\uFEFFRUN b\n")).isEqualTo("(from \"a\")\n(\ufeffrun \"\")\n");
        }
    }

    @Nested
    class Quoting {
        @Test
        void invalidUtf8BytesPrintAsHexEscapes() throws Exception {
            assertThat(dump(bytes("RUN echo ", 0xFF, 0xE2, 0x82, "\n"))).isEqualTo("(run \"echo \\xff\\xe2\\x82\")\n");
        }

        @Test
        void encodedSurrogatesAreInvalidUtf8() throws Exception {
            assertThat(dump(bytes("RUN ", 0xED, 0xA0, 0x80, "\n"))).isEqualTo("(run \"\\xed\\xa0\\x80\")\n");
        }

        @Test
        void controlCharactersUseGoEscapes() throws Exception {
            assertThat(dump("RUN a\u0000b\u0001c\u0007d\u000Be\u007Ff\n"))
                    .isEqualTo("(run \"a\\x00b\\x01c\\ad\\ve\\x7ff\")\n");
        }

        @Test
        void formFeedAndBackspace() throws Exception {
            assertThat(dump("RUN a\fb\bc\n")).isEqualTo("(run \"a\\fb\\bc\")\n");
        }

        @Test
        void nonPrintableUnicodeUsesUEscapes() throws Exception {
            assertThat(dump("RUN a\u0085b\u00A0c\u00ADd\u200Be\u0378f\n"))
                    .isEqualTo("(run \"a\\u0085b\\u00a0c\\u00add\\u200be\\u0378f\")\n");
        }

        @Test
        void supplementaryNonPrintableUsesBigUEscape() throws Exception {
            assertThat(dump("RUN \uDBFF\uDFFF\n")).isEqualTo("(run \"\\U0010ffff\")\n");
        }

        @Test
        void printableUnicodeIsLiteralEvenWhereTheJdkIsOlderThanGo() throws Exception {
            // U+1FAE0 (Unicode 14) is printable for Go's tables; Java 17 knows only Unicode 13.
            assertThat(dump("RUN é ♥ ☃ 日本 \uD83E\uDEE0\n")).isEqualTo("(run \"é ♥ ☃ 日本 \uD83E\uDEE0\")\n");
        }

        @Test
        void keywordIsLowerCasedRuneByRuneAndNotQuoted() throws Exception {
            assertThat(dump("RUN\u00A0echo hi\n")).isEqualTo("(run\u00a0echo \"\")\n");
            assertThat(dump(bytes("R", 0xFF, "N x\n"))).isEqualTo("(r\uFFFDn \"\")\n");
        }
    }

    @Nested
    class ByteWiseScanners {
        @Test
        void flagBytesAreReadAsLatin1() throws Exception {
            // BuildKit builds flag text byte by byte: é (C3 A9) becomes "Ã©".
            assertThat(dump("COPY --chown=é a b\n")).isEqualTo("(copy [\"--chown=Ã©\"] \"a\" \"b\")\n");
        }

        @Test
        void byteA0EndsAFlagWord() throws Exception {
            assertThat(dump("RUN --a=x\u00A0y z\n")).isEqualTo("(run [\"--a=xÂ\"] \"y z\")\n");
        }

        @Test
        void healthcheckTypeEndsAtAByteThatGoCallsSpace() throws Exception {
            assertThat(dump("HEALTHCHECK CMD\u00A0curl x\n")).isEqualTo("(healthcheck \"CMD\\xc2\" \"curl x\")\n");
        }

        @Test
        void invalidBytesInEnvWordsBecomeReplacementCharacters() throws Exception {
            assertThat(dump(bytes("ENV a=", 0xFF, "\n"))).isEqualTo("(env \"a\" \"\uFFFD\" \"=\")\n");
            assertThat(dump(bytes("ENV a ", 0xFF, "\n"))).isEqualTo("(env \"a\" \"\\xff\" \"\")\n");
        }

        @Test
        void unicodeSpacesSplitWordsButNotLegacyEnv() throws Exception {
            assertThat(dump("ARG a\u2003b\n")).isEqualTo("(arg \"a\" \"b\")\n");
            assertThatThrownBy(() -> dump("ENV a\u2003b\n")).isInstanceOf(DockerfileSyntaxException.class);
        }
    }

    @Nested
    class Json {
        @Test
        void surrogatePairsCombineAndLoneSurrogatesBecomeReplacement() throws Exception {
            assertThat(dump("CMD [\"\\ud83d\\ude00\", \"\\ud800\", \"\\udc00x\", \"\\ud800\\u0041\"]\n"))
                    .isEqualTo("(cmd \"😀\" \"\uFFFD\" \"\uFFFDx\" \"\uFFFDA\")\n");
        }

        @Test
        void invalidUtf8InsideAJsonStringBecomesReplacement() throws Exception {
            assertThat(dump(bytes("CMD [\"a", 0xFF, "\"]\n"))).isEqualTo("(cmd \"a\uFFFD\")\n");
        }

        @Test
        void rawControlCharacterMakesItShellForm() throws Exception {
            assertThat(dump("RUN [\"a\tb\"]\n")).isEqualTo("(run \"[\\\"a\\tb\\\"]\")\n");
        }

        @Test
        void invalidNumbersMakeItShellFormButValidOnesAreRejected() throws Exception {
            assertThat(dump("CMD [01]\n")).isEqualTo("(cmd \"[01]\")\n");
            assertThat(dump("CMD [1.]\n")).isEqualTo("(cmd \"[1.]\")\n");
            assertThatThrownBy(() -> dump("CMD [\"a\", -1.5e+3]\n"))
                    .isInstanceOf(DockerfileSyntaxException.class)
                    .hasMessageContaining("line 1");
        }

        @Test
        void nestingBeyondGoLimitIsShellFormNotACrash() throws Exception {
            String deep = "[".repeat(10_001) + "]".repeat(10_001);
            assertThat(dump("CMD " + deep + "\n")).startsWith("(cmd \"[[[");
            String allowed = "[\"x\", " + "[".repeat(9_998) + "]".repeat(9_998) + "]";
            assertThatThrownBy(() -> dump("CMD " + allowed + "\n")).isInstanceOf(DockerfileSyntaxException.class);
        }

        @Test
        void objectsAndLiteralsInsideTheArrayAreRejected() {
            for (String element : new String[] {"null", "true", "false", "{}", "{\"a\": [1, {\"b\": null}]}", "[\"s\"]"}) {
                assertThatThrownBy(() -> dump("ENTRYPOINT [\"a\", " + element + "]\n"))
                        .as(element).isInstanceOf(DockerfileSyntaxException.class);
            }
        }
    }

    @Nested
    class LineLength {
        @Test
        void aLineOf65535BytesIsRead() throws Exception {
            String line = "RUN " + "a".repeat(65_531);
            assertThat(dump(line + "\n")).hasSize(65_531 + 9);
            assertThat(dump(line)).hasSize(65_531 + 9);
        }

        @Test
        void aLineOf65536BytesIsRejectedNamingItsLine() {
            String line = "RUN " + "a".repeat(65_532);
            assertThatThrownBy(() -> dump("FROM a\n" + line + "\n"))
                    .isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2));
        }

        @Test
        void theCarriageReturnCountsTowardsTheLimit() {
            String line = "RUN " + "a".repeat(65_531);
            assertThatThrownBy(() -> dump(line + "\r\n")).isInstanceOf(DockerfileSyntaxException.class);
        }

        @Test
        void longHeredocBodyLinesAndCommentsAreRejectedToo() {
            assertThatThrownBy(() -> dump("RUN <<EOF\n" + "x".repeat(70_000) + "\nEOF\n"))
                    .isInstanceOf(DockerfileSyntaxException.class);
            assertThatThrownBy(() -> dump("#" + "x".repeat(70_000) + "\nFROM a\n"))
                    .isInstanceOf(DockerfileSyntaxException.class);
        }
    }

    @Test
    void onlyAnEscapeCharacterIsAnInstructionWithAnEmptyKeyword() throws Exception {
        assertThat(dump("\\\n")).isEqualTo("(\"\")\n");
    }
}
