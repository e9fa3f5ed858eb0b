package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class AlpineBaseTest {

    final AlpineBase optimization = new AlpineBase();

    @Test
    void thePythonServiceMovesToAlpineWithItsAptInstallMappedToApk() {
        String before = """
                FROM python:3.10-slim
                ENV PYTHONUNBUFFERED=1
                RUN apt-get update && \\
                    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
                        build-essential \\
                        libpq-dev \\
                        curl && \\
                    rm -rf /var/lib/apt/lists/*
                WORKDIR /app
                COPY requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt
                COPY . .
                CMD ["gunicorn", "app:app"]
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM python:3.10-alpine
                ENV PYTHONUNBUFFERED=1
                RUN apk add --no-cache \\
                        build-base \\
                        postgresql-dev \\
                        curl
                WORKDIR /app
                COPY requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt
                COPY . .
                CMD ["gunicorn", "app:app"]
                """);
        assertThat(optimization.apply(project(before)).notes()).extracting(ChangeNote::line, ChangeNote::message)
                .containsExactly(
                        tuple(1, "FROM python:3.10-slim → python:3.10-alpine"),
                        tuple(3, "apt-get update → removed: apk add --no-cache keeps no package index or cache"),
                        tuple(3, "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends"
                                + " build-essential libpq-dev curl → apk add --no-cache build-base postgresql-dev curl"),
                        tuple(3, "rm -rf /var/lib/apt/lists/* → removed: Alpine has no apt files"));
        assertThat(applicable(optimization, before)).extracting(Finding::line).containsExactly(1, 3, 3, 3);
        assertThat(applicable(optimization, before).get(0).message()).contains("musl");
    }

    @Test
    void anUnmappedPackageOrDebianToolKeepsTheStageOnDebianNamingThem() {
        String before = """
                FROM python:3.10
                RUN apt-get update && apt-get install -y libgl1 libglib2.0-0 curl \\
                    && rm -rf /var/lib/apt/lists/*
                FROM node:20
                RUN curl -fsSL https://example.com/tool.deb -o /tmp/tool.deb && dpkg -i /tmp/tool.deb
                RUN useradd --create-home app
                FROM ubuntu:22.04
                RUN apt-get install -y curl=7.81.0-1ubuntu1.15 $EXTRA
                FROM node:20-alpine
                RUN apk add --no-cache git
                """;
        // each stage on its own, as the final stage (a stage that does not ship is never moved to Alpine)
        java.util.List<String> reasons = new java.util.ArrayList<>();
        for (String stage : before.split("(?=FROM )")) {
            if (stage.isBlank()) {
                continue;
            }
            assertThat(applied(optimization, stage)).isEqualTo(stage);
            assertThat(applicable(optimization, stage)).isEmpty();
            reasons.addAll(reasonsNotApplicable(optimization, stage));
        }
        assertThat(reasons).satisfiesExactly(
                r -> assertThat(r).isEqualTo("not every package command can be mapped to apk: libgl1 (line 2), libglib2.0-0 (line 2)"),
                r -> assertThat(r).contains("dpkg (line 2) is Debian's").contains("useradd (line 3) is not in Alpine's BusyBox"),
                r -> assertThat(r).isEqualTo("no -alpine variant is published for ubuntu"),
                r -> assertThat(r).isEqualTo("node:20-alpine is already an Alpine image"));
    }

    @Test
    void stagesBuiltFromAStageCountForItsPackageCommands() {
        String before = """
                FROM node:20-bookworm AS build
                RUN apt-get update && apt-get install -y python3 make g++
                WORKDIR /app
                COPY . .
                RUN npm ci && npm run build

                FROM build AS e2e
                RUN apt-get update && apt-get install -y chromium

                FROM debian:bookworm-slim
                RUN apt-get update \\
                    && apt-get install -y --no-install-recommends ca-certificates tzdata \\
                    && apt-get clean \\
                    && rm -rf /var/lib/apt/lists/*
                COPY --from=build /app/dist /srv
                CMD ["/srv/server"]
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM node:20-bookworm AS build
                RUN apt-get update && apt-get install -y python3 make g++
                WORKDIR /app
                COPY . .
                RUN npm ci && npm run build

                FROM build AS e2e
                RUN apt-get update && apt-get install -y chromium

                FROM alpine:3.20
                RUN apk add --no-cache ca-certificates tzdata
                COPY --from=build /app/dist /srv
                CMD ["/srv/server"]
                """);
        assertThat(reasonsNotApplicable(optimization, before)).satisfiesExactly(
                r -> assertThat(r).contains("stage build is not part of the final image"),
                r -> assertThat(r).contains("names the earlier stage build"));
        assertThat(applicable(optimization, before).get(0)).satisfies(f -> {
            assertThat(f.line()).isEqualTo(10);
            assertThat(f.message()).contains("use alpine:3.20").contains("COPY --from brings in (line 15)");
        });
    }

    @Test
    void followsDerivedStagesWhenTheyCanBeMappedToo() {
        String before = """
                FROM golang:1.22-bookworm AS base
                RUN apt-get update && apt-get install -y git
                FROM base AS build
                RUN apt-get install -y make && make
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM golang:1.22-alpine AS base
                RUN apk add --no-cache git
                FROM base AS build
                RUN apk add --no-cache make && make
                """);
    }

    @Test
    void heredocScriptsAndArgBuiltTags() {
        String before = """
                # syntax=docker/dockerfile:1
                ARG PY=3.12
                FROM python:${PY}-slim-bookworm
                RUN <<EOF
                set -e
                apt-get update
                apt-get install -y --no-install-recommends gcc libffi-dev
                rm -rf /var/lib/apt/lists/*
                EOF
                RUN pip install --no-cache-dir cffi
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                # syntax=docker/dockerfile:1
                ARG PY=3.12
                FROM python:${PY}-alpine
                RUN <<EOF
                set -e
                apk add --no-cache gcc libffi-dev
                EOF
                RUN pip install --no-cache-dir cffi
                """);
    }

    @Test
    void backtickEscapesRunsThatOnlyCleanAndPartialRemovals() {
        assertThat(applied(optimization, """
                # escape=`
                FROM golang:1.22-bookworm
                RUN apt-get update && `
                    apt-get install -y git make && `
                    rm -rf /var/lib/apt/lists/*
                """)).isEqualTo("""
                # escape=`
                FROM golang:1.22-alpine
                RUN apk add --no-cache git make
                """);
        assertThat(applied(optimization, """
                FROM ruby:3.3
                RUN apt-get update
                RUN apt-get -qq install -y apt-transport-https
                RUN apt-get install -o Dpkg::Options::=--force-confold -y libyaml-dev && rm -rf /var/lib/apt/lists/* /tmp/*
                RUN bundle install
                """)).isEqualTo("""
                FROM ruby:3.3-alpine
                RUN apk add --no-cache yaml-dev && rm -rf /tmp/*
                RUN bundle install
                """);
    }

    @Test
    void noAptAtAllStillMovesButABashShellDoesNot() {
        assertThat(applied(optimization, "FROM rust:1.75\nRUN cargo build --release\n"))
                .isEqualTo("FROM rust:1.75-alpine\nRUN cargo build --release\n");
        String bash = "FROM node:20\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN npm ci\n";
        assertThat(applied(optimization, bash)).isEqualTo(bash);
        assertThat(reasonsNotApplicable(optimization, bash)).singleElement().asString().contains("Alpine has no bash");
    }

    @Test
    void onbuildAptCommandsWouldBreakDownstreamBuilds() {
        String before = """
                FROM python:3.11-slim
                ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends gcc
                ONBUILD COPY . /app
                """;
        assertThat(applied(optimization, before)).isEqualTo(before);
        assertThat(reasonsNotApplicable(optimization, before)).singleElement().asString()
                .contains("apt-get in the ONBUILD RUN on line 2");
    }

    @Test
    void holdsOverTheCorpus() throws Exception {
        SlimBaseTest.holdsOverTheCorpus(optimization);
    }

    @Test
    void describesItself() {
        assertThat(optimization.id()).isEqualTo("alpine-base");
        assertThat(optimization.risk()).isEqualTo(Risk.HIGH);
        assertThat(optimization.category()).isEqualTo(Category.BASE_IMAGE);
        assertThat(optimization.riskRationale()).contains("musl").contains("glibc").contains("DNS");
        assertThat(optimization.findings(project("ARG A=1\n"))).singleElement().extracting(Finding::applies).isEqualTo(false);
    }
}
