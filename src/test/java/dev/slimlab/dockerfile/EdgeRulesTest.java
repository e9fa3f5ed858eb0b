package dev.slimlab.dockerfile;

import static dev.slimlab.dockerfile.ByteLevelDumpTest.dump;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Corners of the rules where a reading of the specification could go either way. */
class EdgeRulesTest {

    @Test
    void directiveMayBeIndentedAndItsValueIsTrimmed() throws Exception {
        assertThat(dump("  #  ESCAPE  =  `  \nRUN a `\nb\n")).isEqualTo("(run \"a b\")\n");
    }

    @Test
    void anEmptyDirectiveValueIsAPlainCommentThatEndsTheDirectives() throws Exception {
        assertThat(dump("# escape=\n# escape=`\nRUN a `\n")).isEqualTo("(run \"a `\")\n");
    }

    @Test
    void aDirectiveValueOfBlanksOnlyIsAnInvalidEscape() {
        assertThatThrownBy(() -> dump("# escape= \nRUN a\n"))
                .isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void aRepeatedDirectiveNamesItsSecondLine() {
        assertThatThrownBy(() -> dump("# syntax=a\n# SYNTAX=b\nFROM x\n"))
                .isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void unknownDirectiveEndsTheSection() throws Exception {
        Dockerfile df = Dockerfile.parse("# syntax=x\n# foo=bar\n# escape=`\nFROM a\n");
        assertThat(df.directives()).extracting(Directive::name).containsExactly("syntax");
        assertThat(df.escape()).isEqualTo('\\');
    }

    @Test
    void quotedEmptyDashesEndTheFlagsLikeABareDoubleDash() throws Exception {
        assertThat(dump("RUN --a --\"\" --b x\n")).isEqualTo("(run [\"--a\"] \"--b x\")\n");
        assertThat(dump("RUN --a -- --b x\n")).isEqualTo("(run [\"--a\"] \"--b x\")\n");
    }

    @Test
    void escapeInsideSingleQuotesOfAFlagStillEscapes() throws Exception {
        assertThat(dump("COPY --x='c\\'d' a b\n")).isEqualTo("(copy [\"--x=c'd\"] \"a\" \"b\")\n");
    }

    @Test
    void legacyLabelSplitsAtTheFirstBlankEvenInsideQuotes() throws Exception {
        assertThat(dump("LABEL \"x y\"\n")).isEqualTo("(label \"\\\"x\" \"y\\\"\" \"\")\n");
    }

    @Test
    void heredocNeedsAShellReadableLine() throws Exception {
        // an unmatched quote makes BuildKit's shell lexer give up: no heredoc, the body lines are instructions
        assertThat(dump("RUN echo \"it <<EOF\nFROM x\n")).isEqualTo("(run \"echo \\\"it <<EOF\")\n(from \"x\")\n");
    }

    @Test
    void heredocTerminatorNameRunsUpToTheNextLessThan() throws Exception {
        Dockerfile df = Dockerfile.parse("RUN cat <<EOF>/tmp/out\nbody\nEOF>/tmp/out\nUSER x\n");
        assertThat(df.instructions()).hasSize(2);
        assertThat(df.instructions().get(0).heredocs()).singleElement()
                .satisfies(h -> assertThat(h.name()).isEqualTo("EOF>/tmp/out"));
    }

    @Test
    void heredocMetadata() throws Exception {
        Instruction run = Dockerfile.parse("RUN 3<<-\"EOT\" cat <<'B' <<C\n\tone\n\tEOT\ntwo\nB\nthree\nC\n")
                .instructions().get(0);
        assertThat(run.heredocs()).extracting(Heredoc::name).containsExactly("EOT", "B", "C");
        assertThat(run.heredocs()).extracting(Heredoc::chomp).containsExactly(true, false, false);
        assertThat(run.heredocs()).extracting(Heredoc::expand).containsExactly(false, false, true);
        assertThat(run.heredocs()).extracting(Heredoc::fileDescriptor).containsExactly(3, 0, 0);
        assertThat(run.heredocs()).extracting(Heredoc::content).containsExactly("\tone\n", "two\n", "three\n");
        assertThat(run.span().lineCount()).isEqualTo(7);
    }

    @Test
    void heredocWithABlankBeforeTheName() throws Exception {
        Instruction copy = Dockerfile.parse("COPY << EOF /etc/motd\nhi\nEOF\n").instructions().get(0);
        assertThat(copy.heredocs()).extracting(Heredoc::name).containsExactly("EOF");
    }

    @Test
    void onlyBlanksWrittenAfterTheOperatorJoinIt() throws Exception {
        assertThat(Dockerfile.parse("RUN cat 3<<-\tEOT\n\tx\n\tEOT\n").instructions().get(0).heredocs())
                .extracting(Heredoc::name, Heredoc::fileDescriptor).containsExactly(org.assertj.core.groups.Tuple.tuple("EOT", 3));
        // $X expands to nothing while heredocs are looked for: "<<" alone names no heredoc
        assertThat(dump("RUN cat <<$X foo\nfoo\n")).isEqualTo("(run \"cat <<$X foo\")\n(foo \"\")\n");
    }

    @Test
    void escapedLessThanIsNoHeredocButItsDumpKeepsTheText() throws Exception {
        assertThat(dump("RUN echo \\<<EOF\nUSER x\n")).isEqualTo("(run \"echo \\\\<<EOF\")\n(user \"x\")\n");
    }

    @Test
    void heredocInJsonFormIsNotOpened() throws Exception {
        assertThat(dump("RUN [\"cat\", \"<<EOF\"]\nEOF\n")).isEqualTo("(run \"cat\" \"<<EOF\")\n(eof \"\")\n");
    }
}
