package dev.slimlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shell-form commands split into simple commands and words, with offsets for rewriting. */
class ShellScriptTest {

    @Test
    void splitsAtEveryOperator() {
        ShellScript script = ShellScript.parse("a && b || c; d | e & f\ng");
        assertThat(script.commands()).extracting(c -> c.program().orElseThrow())
                .containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(script.commands()).extracting(ShellCommand::operator)
                .containsExactly("&&", "||", ";", "|", "&", "\n", "");
    }

    @Test
    void findsAptGetInstallWithItsOptionsAnywhere() {
        ShellScript script = ShellScript.parse(
                "apt-get update && DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get -y install --no-install-recommends curl 'git' && rm -rf /var/lib/apt/lists/*");
        List<ShellCommand> installs = script.find("apt-get", "install");
        assertThat(installs).hasSize(1);
        ShellCommand install = installs.get(0);
        assertThat(install.assignments()).extracting(ShellWord::raw).containsExactly("DEBIAN_FRONTEND=noninteractive");
        assertThat(install.programName()).contains("apt-get");
        assertThat(install.hasArgument("--no-install-recommends")).isTrue();
        assertThat(install.arguments()).extracting(ShellWord::value)
                .containsExactly("-y", "install", "--no-install-recommends", "curl", "git");
        assertThat(script.find("rm", "-rf")).isEmpty();
        assertThat(script.commands().get(2).runs("rm", "/var/lib/apt/lists/*")).isTrue();
    }

    @Test
    void quotingIsKeptInRawAndRemovedInValue() {
        ShellCommand c = ShellScript.parse("echo \"a b\" 'c d' e\\ f \"$(cat x | wc -l)\" ${HOME}/x").commands().get(0);
        assertThat(c.arguments()).extracting(ShellWord::value)
                .containsExactly("a b", "c d", "e f", "$(cat x | wc -l)", "${HOME}/x");
        assertThat(c.arguments()).extracting(ShellWord::raw)
                .containsExactly("\"a b\"", "'c d'", "e\\ f", "\"$(cat x | wc -l)\"", "${HOME}/x");
        assertThat(c.arguments().get(0).isQuoted()).isTrue();
        assertThat(c.arguments().get(4).isQuoted()).isFalse();
    }

    @Test
    void operatorsInsideQuotesAndSubstitutionsDoNotSplit() {
        ShellScript script = ShellScript.parse("echo 'a && b' \"c; d\" $(e || f) `g | h` && i");
        assertThat(script.commands()).hasSize(2);
        assertThat(script.commands().get(1).program()).contains("i");
    }

    @Test
    void redirectionsAreSeparatedFromWords() {
        ShellCommand c = ShellScript.parse("pip install -r req.txt > /dev/null 2>&1").commands().get(0);
        assertThat(c.words()).extracting(ShellWord::value).containsExactly("pip", "install", "-r", "req.txt");
        assertThat(c.redirections()).extracting(ShellWord::raw).containsExactly("> /dev/null", "2>&1");
    }

    @Test
    void heredocOperatorsAndOtherRedirectionsKeepTheirTargets() {
        ShellCommand c = ShellScript.parse("cat <<'EOF' >> /etc/x 2>&1 <<<word 3<<-END &>/dev/null").commands().get(0);
        assertThat(c.words()).extracting(ShellWord::value).containsExactly("cat");
        assertThat(c.redirections()).extracting(ShellWord::raw)
                .containsExactly("<<'EOF'", ">> /etc/x", "2>&1", "<<<word", "3<<-END", "&>/dev/null");
        assertThat(ShellScript.parse("a<b>c").commands().get(0).redirections()).extracting(ShellWord::raw)
                .containsExactly("<b", ">c");
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "set -eux;  pip3 install --upgrade  pip";
        ShellScript script = ShellScript.parse(text, 100);
        ShellCommand pip = script.find("pip3", "install").get(0);
        assertThat(text.substring(pip.start() - 100, pip.end() - 100)).isEqualTo("pip3 install --upgrade  pip");
        assertThat(script.replaced(pip.range(), "pip3 install --no-cache-dir --upgrade pip"))
                .isEqualTo("set -eux;  pip3 install --no-cache-dir --upgrade pip");
    }

    @Test
    void removalTakesOneOperatorAlong() {
        ShellScript script = ShellScript.parse("a && b && c");
        assertThat(script.replaced(script.removalRange(script.commands().get(1)), "")).isEqualTo("a && c");
        assertThat(script.replaced(script.removalRange(script.commands().get(2)), "")).isEqualTo("a && b");
        assertThat(script.replaced(script.removalRange(script.commands().get(0)), "")).isEqualTo("b && c");
    }

    @Test
    void neighbouringRemovalsMergeIntoOneRange() {
        ShellScript script = ShellScript.parse("a && b && c && d");
        List<ShellCommand> c = script.commands();
        assertThat(script.removalRanges(List.of(c.get(2), c.get(1)))).singleElement()
                .satisfies(r -> assertThat(script.replaced(r, "")).isEqualTo("a && d"));
        assertThat(script.removalRanges(List.of(c.get(0), c.get(3)))).hasSize(2);
        assertThat(script.removalRanges(List.of(c.get(2), c.get(3)))).singleElement()
                .satisfies(r -> assertThat(script.replaced(r, "")).isEqualTo("a && b"));
    }

    @Test
    void optionValuesAreNotTakenForTheSubcommand() {
        ShellCommand c = ShellScript.parse("apt-get -o Dpkg::Options::=--force-confold -y install curl").commands().get(0);
        assertThat(c.runs("apt-get", "install")).isTrue();
    }

    @Test
    void compoundCommandsReadAsTheirSimpleCommands() {
        ShellScript script = ShellScript.parse("if [ -f x ]; then (cd /tmp && make); fi # build");
        assertThat(script.commands()).extracting(c -> c.words().get(0).value())
                .containsExactly("if", "then", "cd", "make", "fi");
        assertThat(script.commands()).extracting(c -> c.program().orElse("?"))
                .as("reserved words are no programs").containsExactly("[", "?", "cd", "make", "fi");
    }

    @Test
    void aRunInstructionGivesItsScriptInLogicalLineOffsets() throws Exception {
        Dockerfile df = Dockerfile.parse("FROM a\nRUN --mount=type=cache,target=/root/.cache \\\n    pip install -r r.txt\n");
        Instruction run = df.instructions().get(1);
        ShellScript script = ShellScript.of(run).orElseThrow();
        ShellCommand pip = script.commands().get(0);
        assertThat(run.logicalLine().substring(pip.start(), pip.end())).isEqualTo("pip install -r r.txt");
        assertThat(ShellScript.of(df.instructions().get(0))).isEmpty();
        assertThat(ShellScript.of(Dockerfile.parse("RUN [\"pip\", \"install\"]\n").instructions().get(0))).isEmpty();
    }

    @Test
    void aHeredocScriptIsEditedInPlace() throws Exception {
        Dockerfile df = Dockerfile.parse("FROM debian\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\nCMD x\n");
        Instruction run = df.instructions().get(1);
        Heredoc body = run.heredocs().get(0);
        ShellScript script = ShellScript.ofHeredoc(run, body).orElseThrow();
        ShellWord y = script.find("apt-get", "install").get(0).words().get(2);
        assertThat(run.text().substring(y.start(), y.end())).isEqualTo("-y");
        Dockerfile edited = df.editText(run, new TextRange(y.end(), y.end()), " --no-install-recommends");
        assertThat(edited.print())
                .isEqualTo("FROM debian\nRUN <<EOF\nset -e\napt-get update\napt-get install -y --no-install-recommends curl\nEOF\nCMD x\n");
        assertThat(edited.instructions().get(1).heredocs().get(0).content()).contains("--no-install-recommends");
    }

    @Test
    void aHeredocReadByAnotherProgramIsNoShellScript() throws Exception {
        Instruction run = Dockerfile.parse("RUN python3 <<EOF\nprint('apt-get install')\nEOF\n").instructions().get(0);
        assertThat(ShellScript.ofHeredoc(run, run.heredocs().get(0))).isEmpty();
    }

    @Test
    void heredocBodiesReadAsScripts() throws Exception {
        Dockerfile df = Dockerfile.parse("RUN <<EOF\nset -e\napt-get update\napt-get install -y \\\n  curl\nEOF\n");
        Heredoc body = df.instructions().get(0).heredocs().get(0);
        ShellScript script = ShellScript.parse(body.content());
        assertThat(script.find("apt-get", "install")).singleElement()
                .satisfies(c -> assertThat(c.arguments()).extracting(ShellWord::value).containsExactly("install", "-y", "curl"));
    }
}
