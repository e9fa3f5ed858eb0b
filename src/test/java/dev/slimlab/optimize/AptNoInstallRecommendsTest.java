package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AptNoInstallRecommendsTest {

    final AptNoInstallRecommends optimization = new AptNoInstallRecommends();

    @Test
    void addsTheFlagToEveryInstallAcrossStagesKeepingContinuations() {
        String before = """
                FROM python:3.10 AS build
                RUN apt-get update && \\
                    DEBIAN_FRONTEND=noninteractive apt-get -y install \\
                        gcc libpq-dev && \\
                    rm -rf /var/lib/apt/lists/*
                FROM debian:bookworm
                RUN apt install -y curl
                """;
        assertThat(applicable(optimization, before)).extracting(Finding::line).containsExactly(2, 7);
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM python:3.10 AS build
                RUN apt-get update && \\
                    DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends \\
                        gcc libpq-dev && \\
                    rm -rf /var/lib/apt/lists/*
                FROM debian:bookworm
                RUN apt install --no-install-recommends -y curl
                """);
    }

    @Test
    void alreadyOptimizedOrNoAptIsLeftAloneWithAReason() {
        String optimized = "FROM debian:bookworm\nRUN apt-get install --no-install-recommends -y curl\n";
        assertThat(applied(optimization, optimized)).isEqualTo(optimized);
        assertThat(reasonsNotApplicable(optimization, optimized)).singleElement().asString().contains("no apt-get install");
        String alpine = "FROM alpine:3.19\nRUN apk add curl\n";
        assertThat(applied(optimization, alpine)).isEqualTo(alpine);
    }

    @Test
    void readsHeredocScriptsSudoAndBacktickEscapedFiles() {
        assertThat(applied(optimization, """
                # syntax=docker/dockerfile:1
                FROM ubuntu:22.04
                RUN <<EOF
                set -e
                apt-get update
                sudo apt-get install -y make
                EOF
                RUN python3 <<EOF
                print("apt-get install is only text here")
                EOF
                """)).isEqualTo("""
                # syntax=docker/dockerfile:1
                FROM ubuntu:22.04
                RUN <<EOF
                set -e
                apt-get update
                sudo apt-get install --no-install-recommends -y make
                EOF
                RUN python3 <<EOF
                print("apt-get install is only text here")
                EOF
                """);
        assertThat(applied(optimization, "# escape=`\nFROM debian\nRUN apt-get update && `\n    apt-get install -y git\n"))
                .isEqualTo("# escape=`\nFROM debian\nRUN apt-get update && `\n    apt-get install --no-install-recommends -y git\n");
    }

    @Test
    void apt_getEchoedOrInOnbuildIsNotAnInstall() {
        String text = "FROM debian\nRUN echo apt-get install x\nONBUILD RUN apt-get install -y y\n";
        assertThat(applied(optimization, text)).isEqualTo(text);
    }
}
