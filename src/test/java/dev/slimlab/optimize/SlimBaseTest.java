package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.dockerfile.Dockerfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SlimBaseTest {

    final SlimBase optimization = new SlimBase();

    @Test
    void theStorysPythonServiceMovesToPythonSlim() {
        String before = """
                FROM python:3.10
                ENV PYTHONUNBUFFERED=1
                WORKDIR /app
                COPY requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt
                COPY . .
                CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
                """;
        assertThat(applicable(optimization, before)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.excerpt()).isEqualTo("FROM python:3.10");
            assertThat(f.message()).contains("python:3.10-slim");
        });
        assertThat(applied(optimization, before)).isEqualTo(before.replace("FROM python:3.10\n", "FROM python:3.10-slim\n"));
        Applied result = optimization.apply(project(before));
        assertThat(result.notes()).containsExactly(new ChangeNote("slim-base", 1, "FROM python:3.10 → python:3.10-slim"));
    }

    /** Each FROM line of {@code before} as a one-stage Dockerfile of its own, rewritten to the same line of {@code after}. */
    private void eachLineAlone(String before, String after) {
        List<String> from = before.lines().toList();
        List<String> to = after.lines().toList();
        assertThat(to).hasSameSizeAs(from);
        for (int i = 0; i < from.size(); i++) {
            assertThat(applied(optimization, from.get(i) + "\n")).isEqualTo(to.get(i) + "\n");
        }
    }

    @Test
    void eachImageFollowsItsOwnTagConvention() {
        eachLineAlone("""
                FROM python:3.10-bookworm AS py
                FROM node:20-bookworm AS assets
                FROM node:20 AS tools
                FROM debian:bookworm AS deb
                FROM debian:12 AS deb12
                FROM debian AS stable
                FROM openjdk:11 AS jdk11
                FROM openjdk:11-jdk AS jdk
                FROM openjdk:17-jdk-bullseye AS jdk17
                FROM ruby:3.3 AS rb
                FROM perl:5.38 AS pl
                FROM rust:1.75-bookworm AS rs
                FROM pypy:3.10 AS pp
                FROM python AS notag
                FROM node:latest AS newest
                FROM docker.io/library/python:3.12 AS hub
                """, """
                FROM python:3.10-slim-bookworm AS py
                FROM node:20-bookworm-slim AS assets
                FROM node:20-slim AS tools
                FROM debian:bookworm-slim AS deb
                FROM debian:12-slim AS deb12
                FROM debian:stable-slim AS stable
                FROM openjdk:11-slim AS jdk11
                FROM openjdk:11-jdk-slim AS jdk
                FROM openjdk:17-jdk-slim-bullseye AS jdk17
                FROM ruby:3.3-slim AS rb
                FROM perl:5.38-slim AS pl
                FROM rust:1.75-slim-bookworm AS rs
                FROM pypy:3.10-slim AS pp
                FROM python:slim AS notag
                FROM node:slim AS newest
                FROM docker.io/library/python:3.12-slim AS hub
                """);
    }

    @Test
    void multiStageKeepsPlatformStageNamesSpacingAndStageReferences() {
        String before = """
                FROM --platform=$BUILDPLATFORM node:20-bookworm   AS build
                WORKDIR /app
                COPY package*.json ./
                RUN npm ci
                COPY . .
                RUN npm run build

                FROM build AS test
                RUN npm test

                FROM \\
                    debian:bookworm \\
                    AS runtime
                COPY --from=build /app/dist /srv/www
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM --platform=$BUILDPLATFORM node:20-bookworm   AS build
                WORKDIR /app
                COPY package*.json ./
                RUN npm ci
                COPY . .
                RUN npm run build

                FROM build AS test
                RUN npm test

                FROM \\
                    debian:bookworm-slim \\
                    AS runtime
                COPY --from=build /app/dist /srv/www
                """);
        assertThat(applicable(optimization, before)).extracting(Finding::line).containsExactly(11);
        assertThat(reasonsNotApplicable(optimization, before)).satisfiesExactlyInAnyOrder(
                r -> assertThat(r).contains("stage build is not part of the final image"),
                r -> assertThat(r).contains("stage test is not part of the final image"));
        String chain = "FROM node:20 AS base\nFROM base AS app\nCMD [\"node\"]\n";
        assertThat(applied(optimization, chain)).startsWith("FROM node:20-slim AS base\n");
        assertThat(reasonsNotApplicable(optimization, chain)).singleElement().asString()
                .contains("names the earlier stage base").contains("own FROM is what counts");
    }

    @Test
    void imagesWithoutASlimVariantAreLeftAloneEachWithItsReason() {
        String before = """
                FROM golang:1.22 AS build
                FROM ubuntu:22.04 AS tools
                FROM python:3.12-slim AS already
                FROM node:20-alpine AS small
                FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS pinned
                FROM ghcr.io/acme/python:3.10 AS private
                FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
                FROM python:3.10-windowsservercore AS winpy
                FROM nginx:1.25 AS web
                FROM eclipse-temurin:17-jre AS jre
                FROM scratch
                COPY --from=build /out/app /app
                """;
        List<String> reasons = new ArrayList<>();
        for (String line : before.lines().filter(l -> l.startsWith("FROM")).toList()) {
            String alone = line + "\n";
            assertThat(applied(optimization, alone)).isEqualTo(alone);
            assertThat(applicable(optimization, alone)).isEmpty();
            reasons.addAll(reasonsNotApplicable(optimization, alone));
        }
        assertThat(reasons).satisfiesExactly(
                r -> assertThat(r).isEqualTo("no -slim variant is published for golang; see alpine-base or a distroless image"),
                r -> assertThat(r).contains("no -slim variant is published for ubuntu"),
                r -> assertThat(r).isEqualTo("python:3.12-slim is already the -slim variant"),
                r -> assertThat(r).contains("node:20-alpine is an Alpine variant"),
                r -> assertThat(r).contains("pinned by digest").contains("pin python:slim by its own digest"),
                r -> assertThat(r).contains("ghcr.io/acme/python:3.10 is not an official Docker Hub image"),
                r -> assertThat(r).contains("not an official Docker Hub image"),
                r -> assertThat(r).contains("Windows variant"),
                r -> assertThat(r).contains("no -slim variant is published for nginx"),
                r -> assertThat(r).contains("no -slim variant is published for eclipse-temurin"),
                r -> assertThat(r).contains("scratch is an empty image"));
    }

    @Test
    void argBuiltTagsAreRewrittenAsWritten() {
        String args = "ARG PY=3.10\nARG NODE_MAJOR=20\n";
        assertThat(applied(optimization, args + "FROM python:${PY} AS app\n"))
                .isEqualTo(args + "FROM python:${PY}-slim AS app\n");
        assertThat(applied(optimization, args + "FROM python:${PY}-bookworm AS wheels\n"))
                .isEqualTo(args + "FROM python:${PY}-slim-bookworm AS wheels\n");
        assertThat(applied(optimization, args + "FROM node:$NODE_MAJOR AS assets\n"))
                .isEqualTo(args + "FROM node:$NODE_MAJOR-slim AS assets\n");
        assertThat(optimization.apply(project(args + "FROM python:${PY}-bookworm\n")).notes())
                .extracting(ChangeNote::message).containsExactly(
                "FROM python:${PY}-bookworm → python:${PY}-slim-bookworm (python:3.10-bookworm → python:3.10-slim-bookworm)");
    }

    @Test
    void buildArgumentsDecideWhatTheFromNames() {
        String text = "ARG PY=3.10\nFROM python:${PY}\n";
        Project alpine = project(text).withBuildArgs(Map.of("PY", "3.12-alpine"));
        assertThat(optimization.apply(alpine).changed()).isFalse();
        assertThat(optimization.findings(alpine)).singleElement().satisfies(f -> {
            assertThat(f.applies()).isFalse();
            assertThat(f.message()).contains("python:3.12-alpine is an Alpine variant");
        });
        Project py311 = project(text).withBuildArgs(Map.of("PY", "3.11"));
        assertThat(applied(optimization, py311)).isEqualTo("ARG PY=3.10\nFROM python:${PY}-slim\n");
        assertThat(optimization.findings(py311)).singleElement().extracting(Finding::message).asString()
                .contains("use python:3.11-slim");
    }

    @Test
    void aWholeImageVariableHasItsArgDefaultRewritten() {
        String before = """
                ARG BASE_IMAGE=python:3.10-bookworm
                FROM ${BASE_IMAGE}
                RUN pip install --no-cache-dir -r requirements.txt
                """;
        assertThat(applicable(optimization, before)).extracting(Finding::line).containsExactly(2);
        assertThat(applied(optimization, before)).isEqualTo(before.replace(
                "ARG BASE_IMAGE=python:3.10-bookworm", "ARG BASE_IMAGE=python:3.10-slim-bookworm"));
        assertThat(optimization.apply(project(before)).notes()).singleElement().satisfies(n -> {
            assertThat(n.line()).isEqualTo(1);
            assertThat(n.message()).isEqualTo("ARG BASE_IMAGE=python:3.10-bookworm → python:3.10-slim-bookworm "
                    + "(the base image of FROM ${BASE_IMAGE} on line 2)");
        });
        String quoted = "ARG BASE=\"node:20\"\nFROM $BASE\n";
        assertThat(applied(optimization, quoted)).isEqualTo("ARG BASE=\"node:20-slim\"\nFROM $BASE\n");
    }

    @Test
    void anArgSharedWithABuilderStageIsNotChangedUnderIt() {
        String before = """
                ARG BASE_IMAGE=python:3.10-bookworm
                FROM ${BASE_IMAGE} AS build
                RUN pip wheel --wheel-dir /wheels -r requirements.txt
                FROM ${BASE_IMAGE}
                COPY --from=build /wheels /wheels
                """;
        assertThat(applied(optimization, before)).isEqualTo(before);
        assertThat(reasonsNotApplicable(optimization, before)).satisfiesExactly(
                r -> assertThat(r).contains("stage build is not part of the final image"),
                r -> assertThat(r).contains("name python:3.10-slim-bookworm there"));
    }

    @Test
    void variablesThatCannotBeRewrittenSayWhy() {
        String hidden = "ARG PY=3.10-bookworm\nFROM python:${PY}\n";
        assertThat(applied(optimization, hidden)).isEqualTo(hidden);
        assertThat(reasonsNotApplicable(optimization, hidden)).singleElement().asString()
                .contains("cannot rewrite").contains("python:3.10-slim-bookworm");
        String fromBuildArg = "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n";
        Project project = project(fromBuildArg).withBuildArgs(Map.of("BASE_IMAGE", "python:3.10"));
        assertThat(applied(optimization, project)).isEqualTo(fromBuildArg);
        assertThat(optimization.findings(project)).singleElement().extracting(Finding::message).asString()
                .contains("build argument BASE_IMAGE=python:3.10").contains("pass python:3.10-slim");
        String noDefault = "FROM ${BASE_IMAGE:-python:3.10}\n";
        assertThat(applied(optimization, noDefault)).isEqualTo(noDefault);
    }

    @Test
    void backtickEscapeFilesAndAlreadyOptimizedFiles() {
        assertThat(applied(optimization, """
                # escape=`
                FROM openjdk:11-jdk
                RUN echo building `
                    && mkdir C:\\app
                """)).isEqualTo("""
                # escape=`
                FROM openjdk:11-jdk-slim
                RUN echo building `
                    && mkdir C:\\app
                """);
        String optimized = "FROM python:3.10-slim AS base\nFROM base\nRUN true\n";
        assertThat(optimization.apply(project(optimized))).isEqualTo(Applied.unchanged(project(optimized)));
    }

    @Test
    void aFileWithoutFromHasNothingToDo() {
        String onlyArgs = "ARG X=1\n";
        assertThat(optimization.findings(project(onlyArgs)))
                .containsExactly(Finding.nothingToDo("slim-base", "no FROM instruction"));
    }

    /** Every realistic Dockerfile of the test corpus and the sample projects, as projects. */
    static List<Project> corpus() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> corpus = Files.list(Path.of(SlimBaseTest.class.getResource("/dockerfiles").toURI()))) {
            corpus.filter(p -> p.toString().endsWith(".Dockerfile")).sorted().forEach(files::add);
        }
        if (Files.isDirectory(Path.of("assets", "samples"))) {
            try (Stream<Path> samples = Files.walk(Path.of("assets", "samples"))) {
                samples.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().forEach(files::add);
            }
        }
        List<Project> projects = new ArrayList<>();
        for (Path file : files) {
            projects.add(Project.of(Dockerfile.parse(Files.readAllBytes(file))));
        }
        return projects;
    }

    /** Over the whole corpus: no exception, idempotent, parses back, and applies exactly where findings say so. */
    static void holdsOverTheCorpus(Optimization optimization) throws Exception {
        for (Project project : corpus()) {
            List<Finding> findings = optimization.findings(project);
            assertThat(findings).isNotEmpty();
            String text = applied(optimization, project);
            assertThat(!text.equals(project.dockerfile().print()))
                    .as(optimization.id() + " changes the file exactly where a finding says it applies:\n"
                            + project.dockerfile().print())
                    .isEqualTo(findings.stream().anyMatch(Finding::applies));
        }
    }

    @Test
    void holdsOverTheCorpus() throws Exception {
        holdsOverTheCorpus(optimization);
    }

    @Test
    void describesItself() {
        assertThat(optimization.id()).isEqualTo("slim-base");
        assertThat(optimization.risk()).isEqualTo(Risk.LOW);
        assertThat(optimization.category()).isEqualTo(Category.BASE_IMAGE);
        assertThat(optimization.hadolint()).isEmpty();
    }
}
