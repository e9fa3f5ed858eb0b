package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CombineRunsTest {

    final CombineRuns optimization = new CombineRuns();

    @Test
    void mergesConsecutiveRunsOfAStageAcrossBlankLinesKeepingContinuations() {
        String before = """
                FROM python:3.10
                WORKDIR /app
                RUN apt-get update
                RUN apt-get install -y --no-install-recommends gcc libpq-dev && \\
                      rm -rf /var/lib/apt/lists/*

                RUN pip install --no-cache-dir -r requirements.txt
                COPY . .
                RUN python -m compileall .
                RUN useradd --create-home app
                """;
        assertThat(applicable(optimization, before)).extracting(Finding::line).containsExactly(3, 9);
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM python:3.10
                WORKDIR /app
                RUN apt-get update && \\
                    apt-get install -y --no-install-recommends gcc libpq-dev && \\
                      rm -rf /var/lib/apt/lists/* && \\
                    pip install --no-cache-dir -r requirements.txt
                COPY . .
                RUN python -m compileall . && \\
                    useradd --create-home app
                """);
        assertThat(optimization.apply(project(before)).notes()).extracting(ChangeNote::line, ChangeNote::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "RUNs on lines 3, 4, 7 combined"),
                        org.assertj.core.groups.Tuple.tuple(9, "RUNs on lines 9, 10 combined"));
    }

    @Test
    void usesTheContinuationIndentationTheFirstRunAlreadyHas() {
        assertThat(applied(optimization, """
                FROM debian:bookworm-slim
                RUN apt-get update \\
                  && apt-get install -y curl
                RUN curl -fsSL https://example.com/install.sh | sh
                """)).isEqualTo("""
                FROM debian:bookworm-slim
                RUN apt-get update \\
                  && apt-get install -y curl && \\
                  curl -fsSL https://example.com/install.sh | sh
                """);
    }

    @Test
    void shellStateThatWouldLeakGoesIntoASubshellAndTrailingSemicolonsAreDropped() {
        String before = """
                FROM node:20
                RUN cd /tmp && curl -fsSLO https://example.com/tool.tgz;
                RUN export NODE_ENV=production; npm ci || cat npm-debug.log
                RUN set -eux; npm run build;
                RUN npm prune --omit=dev
                """;
        assertThat(applicable(optimization, before)).singleElement().extracting(Finding::message).asString()
                .contains("lines 2, 3, 4, 5").contains("subshell").contains("its cd must not carry over");
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM node:20
                RUN (cd /tmp && curl -fsSLO https://example.com/tool.tgz) && \\
                    (export NODE_ENV=production; npm ci || cat npm-debug.log) && \\
                    (set -eux; npm run build) && \\
                    npm prune --omit=dev
                """);
    }

    @Test
    void aLaterRunWithSemicolonsOrOrListsIsGroupedSoAnEarlierFailureStillStopsTheBuild() {
        assertThat(applied(optimization, """
                FROM alpine:3.19
                RUN apk add --no-cache git
                RUN git --version || true; echo done
                RUN (cd /srv; ls)
                """)).isEqualTo("""
                FROM alpine:3.19
                RUN apk add --no-cache git && \\
                    (git --version || true; echo done) && \\
                    (cd /srv; ls)
                """);
    }

    @Test
    void commentsJsonFormHeredocsAndDifferentMountsKeepRunsApartWithReasons() {
        String text = """
                # syntax=docker/dockerfile:1
                FROM python:3.12-slim
                RUN apt-get update
                # the compiler is only needed for the wheels
                RUN apt-get install -y gcc
                RUN ["pip", "install", "uv"]
                RUN <<EOF
                set -e
                uv pip install --system -r requirements.txt
                EOF
                RUN --mount=type=cache,target=/root/.cache/pip pip install gunicorn
                RUN --mount=type=secret,id=token pip install private-lib
                """;
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).hasSize(5)
                .anySatisfy(r -> assertThat(r).contains("a comment stands between them"))
                .anySatisfy(r -> assertThat(r).contains("JSON (exec) form"))
                .anySatisfy(r -> assertThat(r).contains("here-document"))
                .anySatisfy(r -> assertThat(r).contains("flags differ"));
    }

    @Test
    void sameMountsMergeAndTheMergedRunKeepsTheFlagsOnce() {
        assertThat(applied(optimization, """
                FROM golang:1.22 AS build
                RUN --mount=type=cache,target=/go/pkg/mod go mod download
                RUN --mount=type=cache,target=/go/pkg/mod \\
                    go build -o /out/app ./cmd/app
                FROM gcr.io/distroless/static
                COPY --from=build /out/app /app
                """)).isEqualTo("""
                FROM golang:1.22 AS build
                RUN --mount=type=cache,target=/go/pkg/mod go mod download && \\
                    go build -o /out/app ./cmd/app
                FROM gcr.io/distroless/static
                COPY --from=build /out/app /app
                """);
    }

    @Test
    void runsOfDifferentStagesStayApart() {
        String text = """
                ARG BASE=python:3.10
                FROM ${BASE} AS build
                RUN pip wheel -w /wheels -r requirements.txt
                FROM ${BASE}
                RUN pip install /wheels/*.whl
                """;
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("no consecutive RUN");
    }

    @Test
    void windowsFilesAndOtherShellsAreLeftAlone() {
        String windows = """
                # escape=`
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                RUN powershell -Command Install-WindowsFeature Web-Server
                RUN powershell -Command Remove-Item C:\\inetpub\\wwwroot\\*
                """;
        assertThat(applied(optimization, windows)).isEqualTo(windows);
        assertThat(reasonsNotApplicable(optimization, windows)).singleElement().asString().contains("escape=`");
        String bash = """
                FROM debian:bookworm AS base
                SHELL ["/bin/bash", "-o", "pipefail", "-c"]
                RUN curl -fsSL https://example.com | tar -xz
                RUN ./configure
                FROM base
                RUN make
                RUN make install
                """;
        assertThat(applied(optimization, bash)).isEqualTo(bash);
        assertThat(reasonsNotApplicable(optimization, bash)).hasSize(2)
                .allSatisfy(r -> assertThat(r).contains("SHELL"));
    }

    @Test
    void backgroundJobsAndShellCommentsAreNotMerged() {
        String text = """
                FROM redis:7
                RUN redis-server --daemonize no &
                RUN sleep 1 # wait for it
                RUN redis-cli ping
                """;
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).hasSize(2)
                .anySatisfy(r -> assertThat(r).contains("background"))
                .anySatisfy(r -> assertThat(r).contains("shell comment"));
    }

    @Test
    void crlfLineEndingsIndentedRunsAndAMissingFinalNewlineAreKept() {
        String before = "FROM debian\r\nRUN apt-get update \\\r\n  && apt-get install -y make\r\n\r\n"
                + "  RUN make -C /src  ";
        assertThat(applied(optimization, before)).isEqualTo(
                "FROM debian\r\nRUN apt-get update \\\r\n  && apt-get install -y make && \\\r\n  make -C /src  ");
    }

    @Test
    void alreadyCombinedRunsAreLeftAlone() {
        String text = """
                FROM python:3.10-slim
                RUN apt-get update && \\
                    apt-get install -y --no-install-recommends libpq5 && \\
                    rm -rf /var/lib/apt/lists/*
                COPY . /app
                CMD ["python", "/app/main.py"]
                """;
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString().contains("no consecutive RUN");
    }
}
