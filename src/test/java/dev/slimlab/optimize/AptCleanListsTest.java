package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AptCleanListsTest {

    final AptCleanLists optimization = new AptCleanLists();

    @Test
    void appendsTheRemovalToEveryUpdateAndInstallRunAcrossStages() {
        String before = """
                FROM python:3.10 AS build
                RUN apt-get update && \\
                    DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends \\
                        gcc libpq-dev
                FROM debian:bookworm-slim
                RUN apt update && apt install -y curl && apt-get clean
                """;
        assertThat(applicable(optimization, before)).extracting(Finding::line).containsExactly(2, 6);
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM python:3.10 AS build
                RUN apt-get update && \\
                    DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends \\
                        gcc libpq-dev && rm -rf /var/lib/apt/lists/*
                FROM debian:bookworm-slim
                RUN apt update && apt install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/*
                """);
        Applied result = optimization.apply(project(before));
        assertThat(result.notes()).extracting(ChangeNote::line).containsExactly(2, 6);
        assertThat(result.notes().get(0).message()).isEqualTo("apt-get update → rm -rf /var/lib/apt/lists/* appended");
    }

    @Test
    void anUpdateInItsOwnRunIsLeftForTheInstallThatNeedsItsLists() {
        String split = """
                FROM ubuntu:22.04
                RUN apt-get update
                RUN apt-get install -y --no-install-recommends curl
                """;
        assertThat(applied(optimization, split)).isEqualTo(split);
        assertThat(reasonsNotApplicable(optimization, split)).containsExactly(
                "the package lists are still needed by the apt-get install on line 3 (a later RUN without its own "
                        + "apt-get update); combining the RUNs (the combine-runs optimization) makes this applicable",
                "no apt-get update in this RUN: it installs from the lists the RUN on line 2 downloaded, and removing "
                        + "them here would save nothing (they stay in that layer); combining the RUNs (the "
                        + "combine-runs optimization) makes this applicable");
    }

    @Test
    void aLaterInstallWithoutItsOwnUpdateKeepsTheListsEvenInAStageBuiltOnThisOne() {
        String sameStage = """
                FROM debian:bookworm
                RUN apt-get update && apt-get install -y curl
                RUN apt-get install -y git
                """;
        assertThat(applied(optimization, sameStage)).isEqualTo(sameStage);
        assertThat(reasonsNotApplicable(optimization, sameStage).get(0)).contains("apt-get install on line 3");
        String derived = """
                FROM debian:bookworm AS base
                RUN apt-get update && apt-get install -y curl
                FROM base AS app
                RUN sudo apt-get install -y git
                """;
        assertThat(applied(optimization, derived)).isEqualTo(derived);
        assertThat(reasonsNotApplicable(optimization, derived).get(0)).contains("apt-get install on line 4");
        String refreshed = """
                FROM debian:bookworm AS base
                RUN apt-get update && apt-get install -y curl
                FROM base
                RUN apt-get update -qq && apt-get install -y git
                """;
        assertThat(applied(optimization, refreshed)).isEqualTo("""
                FROM debian:bookworm AS base
                RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
                FROM base
                RUN apt-get update -qq && apt-get install -y git && rm -rf /var/lib/apt/lists/*
                """);
    }

    @Test
    void alreadyRemovedListsInAnySpellingAreLeftAlone() {
        String clean = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
                RUN apt-get update && apt-get install -y git && apt-get clean && rm -rf /var/lib/apt/lists
                RUN apt-get update \\
                 && apt-get install -y make \\
                 && rm -fr /var/lib/apt/lists/* /tmp/*
                RUN apt-get update && apt-get install -y gcc && apt-get dist-clean
                RUN apt update && apt install -y jq; apt dist-clean
                """;
        assertThat(applied(optimization, clean)).as("apt 2.7.8's dist-clean removes the lists too").isEqualTo(clean);
        assertThat(reasonsNotApplicable(optimization, clean)).containsExactly(
                "every RUN that runs apt-get update already removes /var/lib/apt/lists in the same RUN");
        String nothingInstalled = "FROM debian:bookworm\nRUN apt-get update\nCMD [\"bash\"]\n";
        assertThat(applied(optimization, nothingInstalled)).isEqualTo(nothingInstalled);
        assertThat(reasonsNotApplicable(optimization, nothingInstalled)).singleElement().asString()
                .startsWith("apt-get update without an install after it in this stage");
        String noApt = "FROM alpine:3.19\nRUN echo apt-get update && apk add curl\nONBUILD RUN apt-get update && apt-get install -y x\n";
        assertThat(applied(optimization, noApt)).isEqualTo(noApt);
        assertThat(reasonsNotApplicable(optimization, noApt)).containsExactly("no RUN runs apt-get update");
    }

    @Test
    void heredocScriptsCompoundCommandsSudoArgBasedFromAndBacktickEscapes() {
        assertThat(applied(optimization, """
                # syntax=docker/dockerfile:1
                ARG BASE=debian:bookworm
                FROM ${BASE}
                RUN <<EOF
                set -e
                apt-get update
                apt-get install -y --no-install-recommends ca-certificates
                EOF
                """)).isEqualTo("""
                # syntax=docker/dockerfile:1
                ARG BASE=debian:bookworm
                FROM ${BASE}
                RUN <<EOF
                set -e
                apt-get update
                apt-get install -y --no-install-recommends ca-certificates
                rm -rf /var/lib/apt/lists/*
                EOF
                """);
        assertThat(applied(optimization, """
                FROM debian:bookworm-slim
                RUN if [ -f /etc/needs-git ]; then \
                      DEBIAN_FRONTEND=noninteractive apt-get update && apt-get install -y git; \
                    fi
                """)).isEqualTo("""
                FROM debian:bookworm-slim
                RUN if [ -f /etc/needs-git ]; then \
                      DEBIAN_FRONTEND=noninteractive apt-get update && apt-get install -y git; \
                    fi && rm -rf /var/lib/apt/lists/*
                """);
        assertThat(applied(optimization, "FROM ubuntu:22.04\nUSER dev\nRUN sudo apt-get update && sudo apt-get install -y git\n"))
                .isEqualTo("FROM ubuntu:22.04\nUSER dev\nRUN sudo apt-get update && sudo apt-get install -y git"
                        + " && sudo rm -rf /var/lib/apt/lists/*\n");
        assertThat(applied(optimization, "# escape=`\nFROM debian\nRUN apt-get update && `\n    apt-get install -y git\n"))
                .isEqualTo("# escape=`\nFROM debian\nRUN apt-get update && `\n    apt-get install -y git && rm -rf /var/lib/apt/lists/*\n");
    }

    @Test
    void aCacheMountOfTheListsKeepsThemOutOfTheImageButACacheOfTheArchivesDoesNot() {
        String lists = """
                FROM debian:bookworm
                RUN --mount=type=cache,target=/var/lib/apt,sharing=locked \\
                    apt-get update && apt-get install -y gcc
                """;
        assertThat(applied(optimization, lists)).isEqualTo(lists);
        assertThat(reasonsNotApplicable(optimization, lists)).singleElement().asString()
                .contains("mounts a build cache at /var/lib/apt");
        assertThat(applied(optimization, """
                FROM debian:bookworm
                RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y gcc
                """)).isEqualTo("""
                FROM debian:bookworm
                RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*
                """);
    }
}
