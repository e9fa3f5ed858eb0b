package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApkNoCacheTest {

    final ApkNoCache optimization = new ApkNoCache();

    @Test
    void addsNoCacheToEveryAddAndDropsTheUpdateOfTheSameRun() {
        String before = """
                ARG ALPINE=3.19
                FROM python:3.12-alpine${ALPINE}
                RUN apk update && \\
                    apk add --virtual .build-deps gcc musl-dev && \\
                    apk add libpq
                """;
        assertThat(applicable(optimization, before)).extracting(Finding::excerpt)
                .containsExactly("apk add --virtual .build-deps gcc musl-dev", "apk add libpq", "apk update");
        assertThat(applied(optimization, before)).isEqualTo("""
                ARG ALPINE=3.19
                FROM python:3.12-alpine${ALPINE}
                RUN apk add --no-cache --virtual .build-deps gcc musl-dev && \\
                    apk add --no-cache libpq
                """);
        assertThat(optimization.apply(project(before)).notes()).extracting(ChangeNote::message).containsExactly(
                "apk add --virtual .build-deps gcc musl-dev → --no-cache added",
                "apk add libpq → --no-cache added",
                "apk update removed: apk add --no-cache fetches the index itself");
    }

    @Test
    void alreadyOptimizedOrNoApkIsLeftAloneWithAReason() {
        String optimized = """
                FROM alpine:3.19
                RUN apk --no-cache add curl && apk add --no-cache --virtual .rundeps libpq
                """;
        assertThat(applied(optimization, optimized)).isEqualTo(optimized);
        assertThat(reasonsNotApplicable(optimization, optimized)).containsExactly(
                "no apk add without --no-cache and no apk update to drop");
        String debian = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n";
        assertThat(applied(optimization, debian)).isEqualTo(debian);
    }

    @Test
    void anUpdateNeededByAnotherApkCommandOrInItsOwnRunStays() {
        String upgrade = """
                FROM alpine:3.19
                RUN apk update && apk upgrade && apk add curl
                """;
        assertThat(applied(optimization, upgrade)).isEqualTo("""
                FROM alpine:3.19
                RUN apk update && apk upgrade && apk add --no-cache curl
                """);
        assertThat(reasonsNotApplicable(optimization, upgrade)).containsExactly(
                "apk update is kept: apk upgrade in the same RUN needs the package index");
        String guarded = """
                FROM alpine:3.19
                RUN apk update || exit 1; apk add curl && apk update && apk update
                """;
        assertThat(applied(optimization, guarded)).isEqualTo("""
                FROM alpine:3.19
                RUN apk update || exit 1; apk add --no-cache curl
                """);
        assertThat(reasonsNotApplicable(optimization, guarded)).singleElement().asString()
                .startsWith("apk update is kept: the commands around it depend on how it ends");
        String split = """
                FROM alpine:3.19
                RUN apk update
                RUN apk add git
                """;
        assertThat(applied(optimization, split)).isEqualTo("""
                FROM alpine:3.19
                RUN apk update
                RUN apk add --no-cache git
                """);
        assertThat(reasonsNotApplicable(optimization, split)).singleElement().asString()
                .startsWith("apk update in a RUN without an apk add is left alone");
    }

    @Test
    void aCacheMountForApkIsRespected() {
        String mounted = """
                FROM alpine:3.19
                RUN --mount=type=cache,target=/var/cache/apk ln -s /var/cache/apk /etc/apk/cache && apk add gcc
                """;
        assertThat(applied(optimization, mounted)).isEqualTo(mounted);
        assertThat(reasonsNotApplicable(optimization, mounted)).singleElement().asString()
                .contains("build cache at /var/cache/apk");
    }

    @Test
    void heredocLinesMultiStageAndBacktickEscapes() {
        assertThat(applied(optimization, """
                # syntax=docker/dockerfile:1
                FROM golang:1.22-alpine AS build
                RUN <<EOF
                set -eux
                apk update
                # tools for the build
                apk add git make
                EOF
                FROM alpine:3.19
                RUN apk add ca-certificates
                """)).isEqualTo("""
                # syntax=docker/dockerfile:1
                FROM golang:1.22-alpine AS build
                RUN <<EOF
                set -eux
                # tools for the build
                apk add --no-cache git make
                EOF
                FROM alpine:3.19
                RUN apk add --no-cache ca-certificates
                """);
        assertThat(applied(optimization, "# escape=`\nFROM alpine:3.19\nRUN apk update && `\n    apk add git\n"))
                .isEqualTo("# escape=`\nFROM alpine:3.19\nRUN apk add --no-cache git\n");
    }
}
