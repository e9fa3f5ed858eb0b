package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.ui.lab.DockerfileHighlighter.Highlighting;
import dev.slimlab.ui.lab.DockerfileHighlighter.InstructionLines;
import dev.slimlab.ui.lab.DockerfileHighlighter.Kind;
import dev.slimlab.ui.lab.DockerfileHighlighter.Token;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class DockerfileHighlighterTest {

    private static final String DOCKERFILE = String.join("\n",
            "# syntax=docker/dockerfile:1.7",
            "ARG PY=3.12",
            "FROM python:${PY}-slim AS builder",
            "# Build dependencies",
            "RUN --mount=type=cache,target=/root/.cache/pip \\",
            "    apt-get update && apt-get install -y gcc \\",
            "    # a comment inside the continuation",
            " && pip install --prefix=/install -r requirements.txt",
            "ENV PATH=\"/opt/venv/bin:$PATH\" APP_HOME=/app",
            "COPY --from=builder --chown=app:app /install /usr/local",
            "RUN <<EOF",
            "set -eux",
            "echo \"$HOME\"",
            "EOF",
            "HEALTHCHECK --interval=30s CMD curl -fs http://localhost:8000/ || exit 1",
            "ONBUILD RUN echo 'no $expansion here'",
            "CMD [\"python\", \"-m\", \"app\"]",
            "");

    private static List<String> texts(String text, Kind kind) {
        return texts(text, DockerfileHighlighter.highlight(text), kind);
    }

    private static List<String> texts(String text, Highlighting highlighting, Kind kind) {
        return highlighting.tokens().stream().filter(t -> t.kind() == kind)
                .map(t -> text.substring(t.start(), t.end())).toList();
    }

    @Test
    void coloursInstructionKeywordsAlsoAfterOnbuildAndHealthcheckAndTheAsOfFrom() {
        assertThat(texts(DOCKERFILE, Kind.INSTRUCTION)).containsExactly("ARG", "FROM", "AS", "RUN", "ENV", "COPY",
                "RUN", "HEALTHCHECK", "CMD", "ONBUILD", "RUN", "CMD");
    }

    @Test
    void coloursCommentLinesAlsoInsideAContinuedInstruction() {
        assertThat(texts(DOCKERFILE, Kind.COMMENT)).containsExactly("# Build dependencies",
                "# a comment inside the continuation");
    }

    @Test
    void aParserDirectiveIsOnlyAtTheTop() {
        assertThat(texts(DOCKERFILE, Kind.DIRECTIVE)).containsExactly("# syntax=docker/dockerfile:1.7");
        String late = "# just a comment\n# syntax=docker/dockerfile:1\nFROM scratch\n";
        assertThat(texts(late, Kind.DIRECTIVE)).isEmpty();
        assertThat(texts(late, Kind.COMMENT)).containsExactly("# just a comment", "# syntax=docker/dockerfile:1");
    }

    @Test
    void coloursVariablesInArgumentsAndDoubleQuotesButNotInSingleQuotesOrHeredocs() {
        assertThat(texts(DOCKERFILE, Kind.VARIABLE)).containsExactly("${PY}", "$PATH");
        assertThat(texts("RUN echo $1 $@ \\$NOT ${A:-b} $_x9\n", Kind.VARIABLE))
                .containsExactly("$1", "$@", "${A:-b}", "$_x9");
    }

    @Test
    void coloursStringsAroundTheVariablesInThem() {
        assertThat(texts(DOCKERFILE, Kind.STRING)).containsExactly("\"/opt/venv/bin:", "\"",
                "'no $expansion here'", "\"python\"", "\"-m\"", "\"app\"");
    }

    @Test
    void flagsAreOnlyThoseBeforeTheArguments() {
        assertThat(texts(DOCKERFILE, Kind.FLAG)).containsExactly("--mount=type=cache,target=/root/.cache/pip",
                "--from=builder", "--chown=app:app", "--interval=30s");
    }

    @Test
    void heredocBodiesAndDelimiters() {
        assertThat(texts(DOCKERFILE, Kind.HEREDOC)).containsExactly("set -eux", "echo \"$HOME\"");
        assertThat(texts(DOCKERFILE, Kind.HEREDOC_DELIMITER)).containsExactly("<<EOF", "EOF");
        String tabs = "COPY <<-'END' /etc/motd\n\thello $USER\n\tEND\nRUN true\n";
        assertThat(texts(tabs, Kind.HEREDOC)).containsExactly("\thello $USER");
        assertThat(texts(tabs, Kind.HEREDOC_DELIMITER)).containsExactly("<<-'END'", "END");
        assertThat(texts(tabs, Kind.INSTRUCTION)).containsExactly("COPY", "RUN");
        assertThat(texts("RUN cat <<<EOF\nFROM x\n", Kind.HEREDOC)).isEmpty();
    }

    @Test
    void knowsTheLinesOfEachInstruction() {
        Highlighting h = DockerfileHighlighter.highlight(DOCKERFILE);
        assertThat(h.instructions()).contains(new InstructionLines(1, 1), new InstructionLines(4, 7),
                new InstructionLines(10, 13), new InstructionLines(16, 16));
        assertThat(h.instructions()).hasSize(9);
        assertThat(texts(DOCKERFILE, h, Kind.CONTINUATION)).containsExactly("\\", "\\");
    }

    @Test
    void theEscapeDirectiveChangesTheContinuationCharacter() {
        String text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir C:\\ `\n    && echo done\n"
                + "COPY a b\n";
        Highlighting h = DockerfileHighlighter.highlight(text);
        assertThat(texts(text, h, Kind.DIRECTIVE)).containsExactly("# escape=`");
        assertThat(texts(text, h, Kind.CONTINUATION)).containsExactly("`");
        assertThat(texts(text, h, Kind.INSTRUCTION)).containsExactly("FROM", "RUN", "COPY");
        assertThat(h.instructions()).contains(new InstructionLines(2, 3));
    }

    @Test
    void anUnclosedStringEndsWithItsInstruction() {
        String text = "RUN echo \"oops\nFROM alpine AS x\n";
        assertThat(texts(text, Kind.STRING)).containsExactly("\"oops");
        assertThat(texts(text, Kind.INSTRUCTION)).containsExactly("RUN", "FROM", "AS");
    }

    @Test
    void aStringGoesOnAfterALineContinuation() {
        String text = "RUN echo \"one \\\n  two\" three\n";
        assertThat(texts(text, Kind.STRING)).containsExactly("\"one ", "two\"");
    }

    @Test
    void lowerCaseInstructionsWindowsLineEndsAndAByteOrderMark() {
        String text = "\uFEFFfrom alpine\r\n# note\r\nrun echo $X\r\n";
        Highlighting h = DockerfileHighlighter.highlight(text);
        assertThat(texts(text, h, Kind.INSTRUCTION)).containsExactly("from", "run");
        assertThat(texts(text, h, Kind.COMMENT)).containsExactly("# note");
        assertThat(texts(text, h, Kind.VARIABLE)).containsExactly("$X");
    }

    @Test
    void anUnknownWordIsNoInstruction() {
        assertThat(texts("FORM alpine\nRUNX true\n", Kind.INSTRUCTION)).isEmpty();
    }

    @Test
    void tokensAreInOrderAndStyleSpansCoverTheWholeText() {
        Highlighting h = DockerfileHighlighter.highlight(DOCKERFILE);
        int at = 0;
        for (Token t : h.tokens()) {
            assertThat(t.start()).isGreaterThanOrEqualTo(at);
            assertThat(t.end()).isGreaterThan(t.start());
            at = t.end();
        }
        StyleSpans<Collection<String>> spans = DockerfileHighlighter.styleSpans(h, DOCKERFILE.length());
        assertThat(spans.length()).isEqualTo(DOCKERFILE.length());
        int offset = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (DOCKERFILE.startsWith("FROM", offset) && span.getLength() == 4) {
                assertThat(span.getStyle()).containsExactly("df-instruction");
            }
            offset += span.getLength();
        }
        assertThat(DockerfileHighlighter.styleSpans(DockerfileHighlighter.highlight(""), 0).length()).isZero();
    }

    @Test
    void theSamplesColourWithoutSurprises() throws Exception {
        String text = Files.readString(Path.of("assets/samples/python-story/Dockerfile"));
        Highlighting h = DockerfileHighlighter.highlight(text);
        assertThat(texts(text, h, Kind.INSTRUCTION)).hasSize(17).startsWith("FROM", "ENV", "ENV", "WORKDIR")
                .contains("CMD").endsWith("ENTRYPOINT");
        assertThat(texts(text, h, Kind.COMMENT)).hasSize(5).allMatch(c -> c.startsWith("#"));
        assertThat(texts(text, h, Kind.FLAG)).containsExactly("--interval=30s", "--timeout=3s");
        assertThat(texts(text, h, Kind.STRING)).containsExactly("\"./entrypoint.sh\"");
    }

    @Test
    void aLargeFileColoursQuickly() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            big.append(i % 10 == 0 ? "# step " + i + "\n" : "RUN --mount=type=cache,target=/c echo \"$HOME/${X}\" 'a' \\\n");
        }
        big.append("  && true\n");
        String text = big.toString();
        DockerfileHighlighter.highlight(text); // warm up
        long start = System.nanoTime();
        Highlighting h = DockerfileHighlighter.highlight(text);
        DockerfileHighlighter.styleSpans(h, text.length());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("2,000 lines in %d ms", millis).isLessThan(250);
    }
}
