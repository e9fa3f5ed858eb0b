package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvTypoTest {

    final EnvTypo optimization = new EnvTypo();

    @Test
    void findsTheStorysTypoAndExplainsThatFixingItChangesBehaviour() {
        String text = """
                FROM python:3.10
                ENV PYTHONUBUFFERED=1 \\
                    PYTHONDONTWRITEBYTECODE=1
                WORKDIR /app
                COPY . .
                CMD ["python", "app.py"]
                """;
        assertThat(optimization.lintOnly()).isTrue();
        assertThat(applicable(optimization, text)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.excerpt()).isEqualTo("ENV PYTHONUBUFFERED=…");
            assertThat(f.message()).contains("misspelling of PYTHONUNBUFFERED").contains("no effect")
                    .contains("CHANGES behaviour").contains("may even read the misspelled PYTHONUBUFFERED")
                    .contains("never silently");
        });
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(optimization.apply(project(text)).changed()).isFalse();
    }

    @Test
    void catchesSwappedMissingAndExtraLettersInEnvAndArg() {
        String text = """
                ARG NODE_EVN=production
                FROM node:20-slim
                ARG DEBIAN_FRONTED=noninteractive
                ENV NODE_OPTION="--max-old-space-size=512" LC_ALLL=C.UTF-8
                ENV ZT=Europe/Berlin
                ENV Path=/app/bin:$PATH
                """;
        assertThat(applicable(optimization, text)).extracting(Finding::line, Finding::excerpt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "ARG NODE_EVN=…"),
                org.assertj.core.groups.Tuple.tuple(3, "ARG DEBIAN_FRONTED=…"),
                org.assertj.core.groups.Tuple.tuple(4, "ENV NODE_OPTION=…"),
                org.assertj.core.groups.Tuple.tuple(4, "ENV LC_ALLL=…"),
                org.assertj.core.groups.Tuple.tuple(5, "ENV ZT=…"),
                org.assertj.core.groups.Tuple.tuple(6, "ENV Path=…"));
        assertThat(applicable(optimization, text)).extracting(Finding::message).allSatisfy(m ->
                assertThat(m).contains("looks like a misspelling of"));
        assertThat(applied(optimization, text)).isEqualTo(text);
    }

    @Test
    void correctNamesAndUnrelatedVariablesAreFine() {
        String text = """
                ARG PYTHON_VERSION=3.12
                FROM python:${PYTHON_VERSION}-slim
                ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \\
                    APP_HOME=/app PORT=8000 TOKENIZERS_PARALLELISM=false LANG=C.UTF-8 TZ=UTC
                ARG GOSU_VERSION=1.17
                ENV GOARM=7 NODE_PATH=/usr/lib/node_modules
                """;
        assertThat(applicable(optimization, text)).isEmpty();
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("no ENV or ARG name looks like a misspelled");
    }

    @Test
    void backtickEscapedFilesAreReadToo() {
        String text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV JAVA_OTPS=-Xmx1g `\n    TZ=UTC\n";
        assertThat(applicable(optimization, text)).singleElement().extracting(Finding::message).asString()
                .contains("JAVA_OPTS");
    }
}
