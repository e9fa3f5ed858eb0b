package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class EnvTypoTest {

    final EnvTypo optimization = new EnvTypo();

    @Test
    void isAHighRiskRewriteInTheMaximumPresetOnly() {
        Catalog catalog = Catalog.standard();
        assertThat(optimization.lintOnly()).isFalse();
        assertThat(optimization.risk()).isEqualTo(Risk.HIGH);
        assertThat(optimization.riskRationale()).contains("takes effect for the first time")
                .contains("reads the misspelled name");
        assertThat(catalog.preset(Preset.MINIMAL)).doesNotContain("env-typo");
        assertThat(catalog.preset(Preset.MAXIMUM)).contains("env-typo");
    }

    @Test
    void renamesTheStorysTypoAndSaysThatItChangesBehaviour() {
        String before = """
                FROM python:3.10
                ENV PYTHONUBUFFERED=1 \\
                    PYTHONDONTWRITEBYTECODE=1
                WORKDIR /app
                COPY . .
                CMD ["python", "app.py"]
                """;
        assertThat(applicable(optimization, before)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.excerpt()).isEqualTo("ENV PYTHONUBUFFERED=…");
            assertThat(f.message()).contains("misspelling of PYTHONUNBUFFERED").contains("no effect")
                    .contains("CHANGES behaviour").contains("may even read the misspelled PYTHONUBUFFERED")
                    .contains("never silently").doesNotContain("left as written");
        });
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM python:3.10
                ENV PYTHONUNBUFFERED=1 \\
                    PYTHONDONTWRITEBYTECODE=1
                WORKDIR /app
                COPY . .
                CMD ["python", "app.py"]
                """);
        assertThat(optimization.apply(project(before)).notes()).containsExactly(new ChangeNote("env-typo", 2,
                "ENV PYTHONUBUFFERED → PYTHONUNBUFFERED (PYTHONUNBUFFERED now takes effect, and whatever read "
                        + "PYTHONUBUFFERED no longer finds it)"));
    }

    @Test
    void renamesOnlyTheKeyOfEachPairKeepingValuesQuotesAndLayout() {
        String before = """
                FROM node:20-slim
                # runtime settings
                ENV NODE_EVN="production"  APP_HOME=/srv/app \\
                  # a comment inside the instruction
                    NODE_OPTION='--max-old-space-size=512 --enable-source-maps' LC_ALLL=C.UTF-8
                ENV	TZ=UTC PORT=8080
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM node:20-slim
                # runtime settings
                ENV NODE_ENV="production"  APP_HOME=/srv/app \\
                  # a comment inside the instruction
                    NODE_OPTIONS='--max-old-space-size=512 --enable-source-maps' LC_ALL=C.UTF-8
                ENV	TZ=UTC PORT=8080
                """);
        assertThat(optimization.apply(project(before)).notes()).extracting(ChangeNote::line, ChangeNote::message)
                .containsExactly(
                        tuple(3, "ENV NODE_EVN → NODE_ENV (NODE_ENV now takes effect, and whatever read NODE_EVN "
                                + "no longer finds it)"),
                        tuple(3, "ENV NODE_OPTION → NODE_OPTIONS (NODE_OPTIONS now takes effect, and whatever read "
                                + "NODE_OPTION no longer finds it)"),
                        tuple(3, "ENV LC_ALLL → LC_ALL (LC_ALL now takes effect, and whatever read LC_ALLL no "
                                + "longer finds it)"));
    }

    @Test
    void legacyEnvFormKeepsItsValueWithSpaces() {
        String before = """
                FROM eclipse-temurin:17-jre
                ENV JAVA_OTPS   -Xmx512m -XX:+UseG1GC
                ENV LANG C.UTF-8
                CMD ["sh", "-c", "java $JAVA_OPTS -jar /app.jar"]
                """;
        assertThat(applicable(optimization, before)).extracting(Finding::line, Finding::excerpt)
                .containsExactly(tuple(2, "ENV JAVA_OTPS=…"));
        assertThat(applied(optimization, before)).isEqualTo(before.replace("ENV JAVA_OTPS   ", "ENV JAVA_OPTS   "));
    }

    @Test
    void argIsRenamedWithOrWithoutADefaultAndReferencesAreLeftAndNamed() {
        String before = """
                ARG NODE_EVN=production
                FROM node:20-slim
                ARG DEBIAN_FRONTED
                ARG NODE_EVN
                RUN DEBIAN_FRONTEND=${DEBIAN_FRONTED:-noninteractive} apt-get update
                RUN echo "building for $NODE_EVN" && npm ci
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                ARG NODE_ENV=production
                FROM node:20-slim
                ARG DEBIAN_FRONTEND
                ARG NODE_ENV
                RUN DEBIAN_FRONTEND=${DEBIAN_FRONTED:-noninteractive} apt-get update
                RUN echo "building for $NODE_EVN" && npm ci
                """);
        assertThat(optimization.apply(project(before)).notes()).extracting(ChangeNote::line, ChangeNote::message)
                .containsExactly(
                        tuple(1, "ARG NODE_EVN → NODE_ENV (NODE_ENV now takes effect, and --build-arg NODE_EVN no "
                                + "longer sets it); $NODE_EVN on line 6 left as written"),
                        tuple(3, "ARG DEBIAN_FRONTED → DEBIAN_FRONTEND (DEBIAN_FRONTEND now takes effect, and "
                                + "--build-arg DEBIAN_FRONTED no longer sets it); $DEBIAN_FRONTED on line 5 left as "
                                + "written"),
                        tuple(4, "ARG NODE_EVN → NODE_ENV (NODE_ENV now takes effect, and --build-arg NODE_EVN no "
                                + "longer sets it); $NODE_EVN on line 6 left as written"));
        assertThat(applicable(optimization, before)).first().extracting(Finding::message).asString()
                .endsWith("The rewrite leaves $NODE_EVN on line 6 as written");
    }

    @Test
    void catchesSwappedMissingAndExtraLettersAndCase() {
        String before = """
                FROM debian:bookworm-slim
                ENV ZT=Europe/Berlin
                ENV Path=/app/bin:$PATH
                ENV PIP_NO_CACHE_DRI=1
                """;
        assertThat(applicable(optimization, before)).extracting(Finding::line, Finding::excerpt).containsExactly(
                tuple(2, "ENV ZT=…"), tuple(3, "ENV Path=…"), tuple(4, "ENV PIP_NO_CACHE_DRI=…"));
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM debian:bookworm-slim
                ENV TZ=Europe/Berlin
                ENV PATH=/app/bin:$PATH
                ENV PIP_NO_CACHE_DIR=1
                """);
    }

    @Test
    void correctNamesAndUnrelatedVariablesAreLeftAlone() {
        String text = """
                ARG PYTHON_VERSION=3.12
                FROM python:${PYTHON_VERSION}-slim
                ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \\
                    APP_HOME=/app PORT=8000 TOKENIZERS_PARALLELISM=false LANG=C.UTF-8 TZ=UTC
                ARG GOSU_VERSION=1.17
                ENV GOARM=7 NODE_PATH=/usr/lib/node_modules
                ENV "PYTHONUBUFERED"=1
                LABEL PYTHONUBUFFERED=1
                """;
        assertThat(applicable(optimization, text)).isEmpty();
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("no ENV or ARG name looks like a misspelled");
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(optimization.apply(project(text)).changed()).isFalse();
    }

    @Test
    void aTypoKeptNextToTheRightNameIsAMigrationAndStays() {
        String text = """
                FROM python:3.11-slim
                # entrypoint.sh still reads the old name; both are set until it is changed
                ENV PYTHONUBUFFERED=1 PYTHONUNBUFFERED=1
                CMD ["./entrypoint.sh"]
                """;
        assertThat(applicable(optimization, text)).isEmpty();
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("declares PYTHONUNBUFFERED as well").contains("kept on purpose");
        assertThat(applied(optimization, text)).isEqualTo(text);
    }

    @Test
    void backtickEscapedFilesAreRenamedAcrossTheContinuation() {
        String before = "# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\n"
                + "ENV TZ=UTC `\r\n    JAVA_OTPS=-Xmx1g\r\n";
        assertThat(applicable(optimization, before)).singleElement().extracting(Finding::message).asString()
                .contains("JAVA_OPTS");
        assertThat(applied(optimization, before)).isEqualTo(before.replace("JAVA_OTPS", "JAVA_OPTS"));
    }

    @Test
    void applyingTheResultAgainChangesNothing() {
        String before = """
                FROM python:3.10
                ENV PYTHONUBUFFERED=1
                ENV PYTHONDONTWRITEBYTCODE 1
                ARG PIP_INDEX_UR=https://pypi.org/simple
                """;
        Applied once = optimization.apply(project(before));
        assertThat(once.notes()).hasSize(3);
        Applied twice = optimization.apply(once.project());
        assertThat(twice.changed()).isFalse();
        assertThat(twice.project().dockerfile().print()).isEqualTo(once.project().dockerfile().print())
                .isEqualTo("""
                        FROM python:3.10
                        ENV PYTHONUNBUFFERED=1
                        ENV PYTHONDONTWRITEBYTECODE 1
                        ARG PIP_INDEX_URL=https://pypi.org/simple
                        """);
        assertThat(optimization.findings(once.project())).noneMatch(Finding::applies);
    }

    @Test
    void holdsOverTheCorpus() throws Exception {
        SlimBaseTest.holdsOverTheCorpus(optimization);
    }
}
