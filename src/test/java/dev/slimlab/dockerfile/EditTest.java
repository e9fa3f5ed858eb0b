package dev.slimlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Edits re-print only what they touch and keep the style of everything else. */
class EditTest {

    static Dockerfile parse(String text) throws DockerfileSyntaxException {
        return Dockerfile.parse(text);
    }

    @Test
    void changingTheBaseImageKeepsStageNameFlagsAndSpacing() throws Exception {
        Dockerfile df = parse("# syntax=docker/dockerfile:1\nfrom  --platform=$BUILDPLATFORM   python:3.10   AS build\nRUN pip install x\n");
        Dockerfile slim = df.withBaseImage(df.stages().get(0), "python:3.10-slim");
        assertThat(slim.print()).isEqualTo(
                "# syntax=docker/dockerfile:1\nfrom  --platform=$BUILDPLATFORM   python:3.10-slim   AS build\nRUN pip install x\n");
        assertThat(slim.stages().get(0).baseImage()).isEqualTo("python:3.10-slim");
        assertThat(df.stages().get(0).baseImage()).as("the original is immutable").isEqualTo("python:3.10");
    }

    @Test
    void editingAnArgumentOnAContinuationLineKeepsTheContinuation() throws Exception {
        String text = "COPY --chown=app \\\n    src/ \\\n    /app/\n";
        Dockerfile df = parse(text);
        Instruction copy = df.instructions().get(0);
        assertThat(df.withArgument(copy, 1, "/srv/").print()).isEqualTo("COPY --chown=app \\\n    src/ \\\n    /srv/\n");
    }

    @Test
    void insertingIntoAShellCommandKeepsContinuationStyleAndComments() throws Exception {
        String text = "RUN apt-get update && \\\n"
                + "    # the tools we need\n"
                + "    apt-get install -y \\\n"
                + "        curl \\\n"
                + "        git\n";
        Dockerfile df = parse(text);
        Instruction run = df.instructions().get(0);
        ShellScript script = ShellScript.of(run).orElseThrow();
        ShellCommand install = script.find("apt-get", "install").get(0);
        ShellWord y = install.words().stream().filter(w -> w.value().equals("-y")).findFirst().orElseThrow();
        Dockerfile edited = df.edit(run, new TextRange(y.end(), y.end()), " --no-install-recommends");
        assertThat(edited.print()).isEqualTo("RUN apt-get update && \\\n"
                + "    # the tools we need\n"
                + "    apt-get install -y --no-install-recommends \\\n"
                + "        curl \\\n"
                + "        git\n");
    }

    @Test
    void appendingToTheLastCommandGoesBeforeTheLineEnd() throws Exception {
        Dockerfile df = parse("FROM debian\r\nRUN apt-get update && apt-get install -y curl \\\r\n    git\r\nCMD [\"bash\"]\r\n");
        Instruction run = df.instructions().get(1);
        TextRange args = run.argumentsRange().orElseThrow();
        Dockerfile edited = df.edit(run, new TextRange(args.end(), args.end()), " && rm -rf /var/lib/apt/lists/*");
        assertThat(edited.print()).isEqualTo("FROM debian\r\nRUN apt-get update && apt-get install -y curl \\\r\n"
                + "    git && rm -rf /var/lib/apt/lists/*\r\nCMD [\"bash\"]\r\n");
    }

    @Test
    void replaceInsertAndRemoveWholeInstructions() throws Exception {
        Dockerfile df = parse("FROM python:3.10\n  RUN pip install -r req.txt\n  RUN pip install gunicorn\nCMD [\"app\"]\n");
        Instruction first = df.instructions().get(1);
        Instruction second = df.instructions().get(2);
        Dockerfile replaced = df.replace(first, "RUN pip install --no-cache-dir -r req.txt");
        assertThat(replaced.print())
                .isEqualTo("FROM python:3.10\nRUN pip install --no-cache-dir -r req.txt\n  RUN pip install gunicorn\nCMD [\"app\"]\n");
        Dockerfile removed = df.remove(second);
        assertThat(removed.print()).isEqualTo("FROM python:3.10\n  RUN pip install -r req.txt\nCMD [\"app\"]\n");
        Dockerfile before = df.insertBefore(first, "ENV PIP_NO_CACHE_DIR=1");
        assertThat(before.print()).isEqualTo(
                "FROM python:3.10\n  ENV PIP_NO_CACHE_DIR=1\n  RUN pip install -r req.txt\n  RUN pip install gunicorn\nCMD [\"app\"]\n");
        Dockerfile after = df.insertAfter(second, "USER app");
        assertThat(after.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "RUN", "USER", "CMD");
        assertThat(after.instructions().get(3).text()).isEqualTo("  USER app\n");
    }

    @Test
    void editsKeepCrlfAndAMissingFinalNewline() throws Exception {
        Dockerfile df = parse("FROM a\r\nRUN b\r\nCMD c");
        assertThat(df.insertAfter(df.instructions().get(2), "USER d").print()).isEqualTo("FROM a\r\nRUN b\r\nCMD c\r\nUSER d");
        assertThat(df.remove(df.instructions().get(2)).print()).isEqualTo("FROM a\r\nRUN b");
        assertThat(df.insertBefore(df.instructions().get(1), "ENV x=1").print())
                .isEqualTo("FROM a\r\nENV x=1\r\nRUN b\r\nCMD c");
    }

    @Test
    void removingAnInstructionTakesItsHeredocBodyAlong() throws Exception {
        Dockerfile df = parse("FROM a\nRUN <<EOF\napt-get update\nEOF\nCMD x\n");
        assertThat(df.remove(df.instructions().get(1)).print()).isEqualTo("FROM a\nCMD x\n");
    }

    @Test
    void flagsAreSetReplacedAndRemoved() throws Exception {
        Dockerfile df = parse("COPY  app/ /app/\nCOPY --chown=1:1 --from=build /out /usr/bin\n");
        Instruction plain = df.instructions().get(0);
        Instruction flagged = df.instructions().get(1);
        assertThat(df.withFlag(plain, "chown", "app:app").print()).startsWith("COPY --chown=app:app  app/ /app/\n");
        assertThat(df.withFlag(flagged, "chown", "app:app").print()).endsWith("COPY --chown=app:app --from=build /out /usr/bin\n");
        assertThat(df.withoutFlag(flagged, "chown").print()).endsWith("COPY --from=build /out /usr/bin\n");
        assertThat(df.withoutFlag(flagged, "from").instructions().get(1).flags()).extracting(Flag::text)
                .containsExactly("--chown=1:1");
        assertThat(df.withFlag(plain, "link", null).instructions().get(0).flag("link")).isPresent();
    }

    @Test
    void withoutFlagRemovesRepeatedFlags() throws Exception {
        Dockerfile df = parse("RUN --mount=type=cache,target=/a --network=none --mount=type=secret,id=x make\n");
        Dockerfile edited = df.withoutFlag(df.instructions().get(0), "mount");
        assertThat(edited.print()).isEqualTo("RUN --network=none make\n");
    }

    @Test
    void theInstructionInsideOnbuildCanBeEdited() throws Exception {
        Dockerfile df = parse("FROM a\nONBUILD COPY --chown=1:1 . /app\n");
        Instruction inner = df.instructions().get(1).onbuild().orElseThrow();
        assertThat(df.withArgument(inner, 0, "src/").print()).isEqualTo("FROM a\nONBUILD COPY --chown=1:1 src/ /app\n");
        assertThat(df.withoutFlag(inner, "chown").print()).isEqualTo("FROM a\nONBUILD COPY . /app\n");
    }

    @Test
    void declaredNamesAreFoundAndRenamedInPlaceInEveryForm() throws Exception {
        String text = "ENV A=1 \\\n    \"B\"='x y' C=\\=\nENV D  two words\nARG E F=3 \"G\"=\"q\"\nLABEL H=1\n"
                + "ONBUILD ENV I=9\nRUN echo A\n";
        Dockerfile df = parse(text);
        List<Instruction> is = df.instructions();
        Function<Instruction, List<String>> names = i -> i.nameRanges().orElseThrow()
                .stream().map(r -> i.logicalLine().substring(r.start(), r.end())).toList();
        assertThat(names.apply(is.get(0))).containsExactly("A", "\"B\"", "C");
        assertThat(names.apply(is.get(1))).containsExactly("D");
        assertThat(names.apply(is.get(2))).containsExactly("E", "F", "\"G\"");
        assertThat(names.apply(is.get(3))).containsExactly("H");
        assertThat(names.apply(is.get(4).onbuild().orElseThrow())).containsExactly("I");
        assertThat(is.get(5).nameRanges()).isEmpty();

        DockerfileEditor editor = df.editor();
        editor.edit(is.get(0), is.get(0).nameRanges().orElseThrow().get(2), "CC");
        editor.edit(is.get(1), is.get(1).nameRanges().orElseThrow().get(0), "DD");
        editor.edit(is.get(2), is.get(2).nameRanges().orElseThrow().get(1), "FF");
        editor.edit(is.get(4).onbuild().orElseThrow(), is.get(4).onbuild().orElseThrow().nameRanges().orElseThrow()
                .get(0), "II");
        assertThat(editor.apply().print()).isEqualTo(text.replace("C=", "CC=").replace("D  two", "DD  two")
                .replace("F=3", "FF=3").replace("I=9", "II=9"));
    }

    @Test
    void replacingAShellCommandLeavesTheRestOfTheLine() throws Exception {
        Dockerfile df = parse("RUN pip install -r requirements.txt && python -m compileall .\n");
        Instruction run = df.instructions().get(0);
        ShellScript script = ShellScript.of(run).orElseThrow();
        ShellCommand pip = script.find("pip", "install").get(0);
        Dockerfile edited = df.edit(run, pip.range(), "pip install --no-cache-dir -r requirements.txt");
        assertThat(edited.print()).isEqualTo("RUN pip install --no-cache-dir -r requirements.txt && python -m compileall .\n");
        ShellCommand compile = script.commands().get(1);
        assertThat(df.edit(run, script.removalRange(compile), "").print()).isEqualTo("RUN pip install -r requirements.txt\n");
    }

    @Test
    void anEditThatBreaksTheFileIsRefusedWithAReason() throws Exception {
        Dockerfile df = parse("FROM a\nENV A=1\n");
        Instruction env = df.instructions().get(1);
        assertThatThrownBy(() -> df.withArguments(env, "A=1 B"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void anInstructionOfAnotherFileIsRefused() throws Exception {
        Dockerfile a = parse("FROM a\n");
        Dockerfile b = parse("FROM a\n");
        assertThatThrownBy(() -> a.remove(b.instructions().get(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bomAndEscapeDirectiveSurviveEdits() throws Exception {
        Dockerfile df = Dockerfile.parse("\uFEFF# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\ `\n    && echo done\n");
        Dockerfile edited = df.withBaseImage(df.stages().get(0), "mcr.microsoft.com/windows/nanoserver:ltsc2022");
        assertThat(edited.hasByteOrderMark()).isTrue();
        assertThat(edited.escape()).isEqualTo('`');
        assertThat(edited.print()).isEqualTo(
                "\uFEFF# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir C:\\ `\n    && echo done\n");
    }

    @Test
    void anEditorAppliesManyEditsAgainstOneSnapshot() throws Exception {
        Dockerfile df = parse("FROM python:3.10\nRUN apt-get install -y gcc && pip install -r r.txt\nCOPY . /app\n");
        Instruction run = df.instructions().get(1);
        ShellScript script = ShellScript.of(run).orElseThrow();
        ShellWord install = script.commands().get(0).words().get(1);
        ShellWord pipInstall = script.commands().get(1).words().get(1);
        Dockerfile edited = df.editor()
                .withArgument(df.instructions().get(0), 0, "python:3.10-slim")
                .edit(run, new TextRange(install.end(), install.end()), " --no-install-recommends")
                .edit(run, new TextRange(pipInstall.end(), pipInstall.end()), " --no-cache-dir")
                .withFlag(df.instructions().get(2), "chown", "app")
                .apply();
        assertThat(edited.print()).isEqualTo("FROM python:3.10-slim\n"
                + "RUN apt-get install --no-install-recommends -y gcc && pip install --no-cache-dir -r r.txt\n"
                + "COPY --chown=app . /app\n");
    }

    @Test
    void overlappingEditsAreRefused() throws Exception {
        Dockerfile df = parse("RUN abc def\n");
        Instruction run = df.instructions().get(0);
        assertThatThrownBy(() -> df.editor().edit(run, new TextRange(4, 7), "x").edit(run, new TextRange(5, 9), "y").apply())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlapping");
        assertThat(df.editor().apply()).isSameAs(df);
    }
}
