package dev.slimlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Variable expansion and ARG/ENV scoping, as BuildKit applies them. */
class VariablesTest {

    static List<ResolvedStage> resolve(String text, Map<String, String> buildArgs) throws Exception {
        return Variables.resolve(Dockerfile.parse(text), buildArgs);
    }

    @Nested
    class Expansion {
        final ShellLex lex = new ShellLex('\\');
        final Map<String, String> env = Map.of("PY", "3.10", "EMPTY", "", "PATHS", "/usr/local/bin:/usr/bin");

        String expand(String word) throws ShellLex.ExpansionException {
            return lex.processWord(word, env::get);
        }

        @Test
        void plainAndBracedVariables() throws Exception {
            assertThat(expand("python:$PY-slim")).isEqualTo("python:3.10-slim");
            assertThat(expand("python:${PY}slim")).isEqualTo("python:3.10slim");
            assertThat(expand("$UNSET/x")).isEqualTo("/x");
            assertThat(expand("cost: $5 and $")).isEqualTo("cost:  and $");
        }

        @Test
        void defaultAndAlternativeValues() throws Exception {
            assertThat(expand("${UNSET:-3.12}")).isEqualTo("3.12");
            assertThat(expand("${EMPTY:-dflt}")).isEqualTo("dflt");
            assertThat(expand("${EMPTY-dflt}")).as("without colon: only unset counts").isEqualTo("");
            assertThat(expand("${PY:-3.12}")).isEqualTo("3.10");
            assertThat(expand("${PY:+set}")).isEqualTo("set");
            assertThat(expand("${UNSET:+set}")).isEqualTo("");
            assertThat(expand("${EMPTY+set}")).isEqualTo("set");
            assertThat(expand("${UNSET:-${PY}}")).as("nested").isEqualTo("3.10");
        }

        @Test
        void requiredValuesFailWithTheirMessage() {
            assertThatThrownBy(() -> expand("${UNSET:?give a version}")).hasMessage("UNSET: give a version");
            assertThatThrownBy(() -> expand("${EMPTY:?}")).hasMessage("EMPTY: is not allowed to be empty");
        }

        @Test
        void patternRemovalAndReplacement() throws Exception {
            assertThat(expand("${PATHS#*:}")).isEqualTo("/usr/bin");
            assertThat(expand("${PATHS##*/}")).isEqualTo("bin");
            assertThat(expand("${PATHS%:*}")).isEqualTo("/usr/local/bin");
            assertThat(expand("${PATHS%%/bin*}")).isEqualTo("/usr/local");
            assertThat(expand("${PY/./_}")).isEqualTo("3_10");
            assertThat(expand("${PATHS//bin/sbin}")).isEqualTo("/usr/local/sbin:/usr/sbin");
        }

        @Test
        void quotesAndEscapes() throws Exception {
            assertThat(expand("'$PY'")).as("single quotes keep text").isEqualTo("$PY");
            assertThat(expand("\"v$PY\"")).isEqualTo("v3.10");
            assertThat(expand("\\$PY")).as("escaped dollar").isEqualTo("$PY");
            assertThat(new ShellLex('`').processWord("`$PY", env::get)).as("backtick escape").isEqualTo("$PY");
        }

        @Test
        void syntaxErrorsAreReported() {
            assertThatThrownBy(() -> expand("${PY")).hasMessageContaining("missing '}'");
            assertThatThrownBy(() -> expand("${}")).hasMessageContaining("bad substitution");
            assertThatThrownBy(() -> expand("\"open")).hasMessageContaining("double-quote");
        }

        @Test
        void wordsSplitAtUnquotedWhitespace() throws Exception {
            assertThat(lex.processWords("a \"b c\" 'd e' $PATHS", env::get))
                    .containsExactly("a", "b c", "d e", "/usr/local/bin:/usr/bin");
        }
    }

    @Nested
    class Scoping {
        @Test
        void globalArgResolvesTheBaseImage() throws Exception {
            List<ResolvedStage> stages = resolve("ARG PY=3.10\nFROM python:${PY}\n", Map.of());
            assertThat(stages.get(0).baseImage()).isEqualTo("python:3.10");
        }

        @Test
        void buildArgumentsOverrideDefaults() throws Exception {
            List<ResolvedStage> stages = resolve("ARG PY=3.10\nARG VARIANT=slim\nFROM python:$PY-$VARIANT\n", Map.of("PY", "3.12"));
            assertThat(stages.get(0).baseImage()).isEqualTo("python:3.12-slim");
        }

        @Test
        void globalDefaultsMayUseEarlierGlobals() throws Exception {
            List<ResolvedStage> stages = resolve("ARG BASE=debian\nARG TAG=${BASE}-12\nFROM img:$TAG\n", Map.of());
            assertThat(stages.get(0).baseImage()).isEqualTo("img:debian-12");
        }

        @Test
        void fromSeesPlatformArgumentsButNotStageVariables() throws Exception {
            List<ResolvedStage> stages = resolve(
                    "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nENV TAG=x\nARG T=y\nFROM alpine:$TAG$T\n", Map.of());
            assertThat(stages.get(0).platform()).contains("linux/amd64");
            assertThat(stages.get(1).baseImage()).isEqualTo("alpine:");
        }

        @Test
        void aBareArgInAStageTakesTheGlobalValue() throws Exception {
            List<ResolvedStage> stages = resolve("ARG VERSION=1.2\nFROM a\nARG VERSION\nENV APP_VERSION=$VERSION\nFROM b\nENV V=${VERSION:-none}\n", Map.of());
            assertThat(stages.get(0).env()).containsEntry("APP_VERSION", "1.2");
            assertThat(stages.get(1).env()).as("not declared in the second stage").containsEntry("V", "none");
        }

        @Test
        void envOverridesArgAndIsInheritedFromABaseStage() throws Exception {
            List<ResolvedStage> stages = resolve(
                    "FROM python:3.10 AS base\nARG MODE=dev\nENV MODE=prod PYTHONUNBUFFERED=1\nENV LEGACY value with spaces\n"
                            + "ENV OUT=$MODE\nFROM base AS app\nENV EXTRA=\"$PYTHONUNBUFFERED-x\"\n", Map.of());
            assertThat(stages.get(0).env()).containsEntry("OUT", "prod").containsEntry("LEGACY", "value with spaces");
            assertThat(stages.get(1).baseStage()).contains(0);
            assertThat(stages.get(1).env()).containsEntry("MODE", "prod").containsEntry("EXTRA", "1-x");
        }

        @Test
        void stageReferencesAreCaseInsensitive() throws Exception {
            List<ResolvedStage> stages = resolve("FROM node:20 AS Builder\nFROM BUILDER\n", Map.of());
            assertThat(stages.get(0).stage().name()).contains("builder");
            assertThat(stages.get(1).baseStage()).contains(0);
        }
    }
}
