package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnpinnedBaseTest {

    final UnpinnedBase optimization = new UnpinnedBase();

    @Test
    void flagsAMissingTagAndLatest() {
        String text = """
                FROM python AS build
                RUN pip wheel -w /wheels flask
                FROM python:latest
                COPY --from=build /wheels /wheels
                """;
        assertThat(optimization.lintOnly()).isTrue();
        assertThat(applicable(optimization, text)).extracting(Finding::line).containsExactly(1, 3);
        assertThat(applicable(optimization, text).get(0).message()).contains("no tag").contains("python:latest")
                .contains("DL3006");
        assertThat(applicable(optimization, text).get(1).message()).contains("follows latest").contains("DL3007");
        assertThat(applied(optimization, text)).isEqualTo(text);
    }

    @Test
    void resolvesArgBuiltImagesAndSkipsStagesScratchAndDigests() {
        String text = """
                ARG BASE=node
                ARG RUNTIME=gcr.io/distroless/nodejs20-debian12:latest
                FROM ${BASE} AS deps
                RUN npm ci
                FROM deps AS build
                RUN npm run build
                FROM scratch AS assets
                COPY --from=build /app/dist /dist
                FROM node@sha256:6f3c9a1f0a1f1b1d1e1e1c1a0b0d0c0e0f0a0b0c0d0e0f0a0b0c0d0e0f0a0b0c
                FROM localhost:5000/team/base:2024.05
                FROM ${RUNTIME}
                """;
        assertThat(applicable(optimization, text)).extracting(Finding::line).containsExactly(3, 11);
        assertThat(applicable(optimization, text).get(0).message()).contains("${BASE} resolves to node");
        assertThat(applicable(optimization, text).get(1).message())
                .contains("gcr.io/distroless/nodejs20-debian12:latest");
    }

    @Test
    void buildArgumentsDecideAndAnUnsetArgumentIsReported() {
        String text = """
                ARG PY_TAG
                FROM python:${PY_TAG}
                CMD ["python"]
                """;
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("build argument without a default (PY_TAG)");
        Project pinned = project(text).withBuildArgs(Map.of("PY_TAG", "3.12-slim"));
        assertThat(optimization.findings(pinned)).singleElement().extracting(Finding::message).asString()
                .contains("every FROM names a version tag");
        Project latest = project(text).withBuildArgs(Map.of("PY_TAG", "latest"));
        assertThat(optimization.findings(latest)).singleElement().extracting(Finding::applies).isEqualTo(true);
    }

    @Test
    void pinnedFilesHaveNothingToDo() {
        String text = """
                # escape=`
                FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
                FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
                COPY --from=build C:\\app C:\\app
                """;
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString().contains("every FROM names");
        assertThat(applied(optimization, text)).isEqualTo(text);
    }
}
